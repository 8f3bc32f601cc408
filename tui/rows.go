package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// filterMode narrows the list beyond the text filter.
type filterMode int

const (
	showAll filterMode = iota
	showUnanswered
	showNotCounting
	filterModes
)

func (f filterMode) key() string {
	return [...]string{"all", "unanswered", "not_counting"}[f]
}

// row is one line of the criteria list: a section heading or an entry.
type row struct {
	section string // heading text when this is a heading
	entry   int    // index into the level's entries, -1 for a heading
}

// buildRows lists the level's entries grouped under their sections, keeping
// those that pass the filters.
func buildRows(ls model.LevelScore, titles func(e *criteria.Entry) string, query string, mode filterMode, proposals model.Proposals) []row {
	query = strings.ToLower(strings.TrimSpace(query))
	var rows []row
	section := ""
	for i, es := range ls.Entries {
		if !keep(es, titles, query, mode) {
			continue
		}
		if s := es.Entry.Major + " / " + es.Entry.Minor; s != section {
			section = s
			rows = append(rows, row{section: s, entry: -1})
		}
		rows = append(rows, row{entry: i})
	}
	return rows
}

func keep(es model.EntryScore, titles func(e *criteria.Entry) string, query string, mode filterMode) bool {
	switch mode {
	case showUnanswered:
		if es.Answer.Status != model.Unknown || es.Entry.Automatic() {
			return false
		}
	case showNotCounting:
		if es.Result.Satisfied() {
			return false
		}
	}
	if query == "" {
		return true
	}
	return strings.Contains(strings.ToLower(es.Entry.ID), query) ||
		strings.Contains(strings.ToLower(titles(es.Entry)), query) ||
		strings.Contains(strings.ToLower(es.Entry.Control), query)
}

// needsAnswer: an entry the user still has to act on.
func needsAnswer(es model.EntryScore) bool {
	return !es.Entry.Automatic() && !es.Result.Satisfied()
}
