package model

import (
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// NAAllowed reports whether the badge accepts N/A for id. One answer serves
// every level where the id appears, and the badge site checks it against
// each of them: report_tracker, tests_documented_added, dynamic_analysis and
// dynamic_analysis_enable_assertions allow N/A at silver but not at
// passing, so N/A is refused for them everywhere.
func NAAllowed(cat *criteria.Catalog, id string) bool {
	return naRefusedAt(cat, id) == "" && len(cat.EntriesFor(id)) > 0
}

// naRefusedAt is the first level of id that does not allow N/A, or "".
func naRefusedAt(cat *criteria.Catalog, id string) string {
	for _, e := range cat.EntriesFor(id) {
		if !e.NAAllowed {
			return e.Level
		}
	}
	return ""
}

// Check is why the badge would not accept a as id's answer, or nil: an id
// the catalog does not have, an answer to a criterion set automatically, a
// justification over the site's limit, N/A where it is not allowed. The
// loader, the walk's keys and its form all judge an answer here.
func Check(cat *criteria.Catalog, id string, a Answer) *Msg {
	entries := cat.EntriesFor(id)
	switch {
	case len(entries) == 0:
		return ptr(M("problem.unknown_id", "ID", safetext.Key(id)))
	case entries[0].Automatic() && a.Status != Unknown:
		return ptr(M("problem.automatic", "ID", safetext.Key(id)))
	case TooLong(a.Justification):
		return ptr(M("problem.too_long", "ID", safetext.Key(id), "Length", utf8.RuneCountInString(a.Justification), "Max", MaxJustification))
	case a.Status == NA:
		if lvl := naRefusedAt(cat, id); lvl != "" {
			return ptr(M("problem.na_not_allowed", "ID", safetext.Key(id), "Level", i18n.Level(lvl)))
		}
	}
	return nil
}

// TooLong reports whether a justification is over the badge site's limit.
// It is a warning, never a cut: the text is kept whole, in the file and in
// any form that edits it, and the answer does not count until shortened.
func TooLong(j string) bool {
	return len(j) > MaxJustification && utf8.RuneCountInString(j) > MaxJustification // bytes >= characters
}
