package tui

import (
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// filterMode narrows the list beyond the text search.
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

type rowKind int

const (
	rowHeading rowKind = iota
	rowEntry
	rowUnknown // an answer in the file to an id the catalog does not have
)

// row is one line of the criteria list.
type row struct {
	kind    rowKind
	heading string // rowHeading: the text shown
	entry   int    // rowEntry: index into the level's entries
	id      string // rowUnknown: the id as written in the file
}

func (r row) selectable() bool { return r.kind != rowHeading }

// rowSource is what the rows are built from.
type rowSource struct {
	ls       model.LevelScore
	title    func(e *criteria.Entry) string
	section  func(major, minor string) string
	category func(criteria.Category) string
	unknown  []string // ids in the file the catalog does not have
	unknownH string   // their heading
	query    string
	mode     filterMode
}

// buildRows lists the level's entries under their sections, keeping those
// that pass the filters. The "not counting yet" filter lists what blocks
// the level by weight: MUSTs first, then SHOULDs, then SUGGESTEDs. Answers
// to unknown ids come last, under a heading of their own, so that they can
// be found and removed.
func buildRows(src rowSource) []row {
	query := strings.ToLower(strings.TrimSpace(src.query))
	rows := make([]row, 0, len(src.ls.Entries)+len(src.unknown)+32)
	// A heading opens each group (a section, or a keyword when not
	// counting), named in the user's language only when the group
	// changes: names cost a lookup each.
	type group struct{ a, b string }
	last, started := group{}, false
	opens := func(g group) bool {
		if started && g == last {
			return false
		}
		last, started = g, true
		return true
	}
	order := make([]int, len(src.ls.Entries))
	for i := range order {
		order[i] = i
	}
	if src.mode == showNotCounting {
		rank := map[criteria.Category]int{criteria.Must: 0, criteria.Should: 1, criteria.Suggested: 2}
		sort.SliceStable(order, func(a, b int) bool {
			return rank[src.ls.Entries[order[a]].Entry.Category] < rank[src.ls.Entries[order[b]].Entry.Category]
		})
	}
	for _, i := range order {
		es := src.ls.Entries[i]
		if !keep(es, src.title, query, src.mode) {
			continue
		}
		e := es.Entry
		if src.mode == showNotCounting {
			if opens(group{a: string(e.Category)}) {
				rows = append(rows, row{kind: rowHeading, heading: src.category(e.Category)})
			}
		} else if opens(group{e.Major, e.Minor}) {
			rows = append(rows, row{kind: rowHeading, heading: src.section(e.Major, e.Minor)})
		}
		rows = append(rows, row{kind: rowEntry, entry: i})
	}
	if src.mode != showUnanswered {
		for _, id := range src.unknown {
			if query == "" || strings.Contains(strings.ToLower(id), query) {
				if opens(group{a: "\x01unknown"}) {
					rows = append(rows, row{kind: rowHeading, heading: src.unknownH})
				}
				rows = append(rows, row{kind: rowUnknown, id: id})
			}
		}
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

// unknownIDs are the answers in the file to ids the catalog does not have,
// sorted.
func unknownIDs(cat *criteria.Catalog, a model.Answers) []string {
	var out []string
	for id, ans := range a {
		if !cat.Known(id) && (ans.Status != model.Unknown || ans.Justification != "") {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// needsAnswer: an entry the user still has to act on.
func needsAnswer(es model.EntryScore) bool {
	return !es.Entry.Automatic() && !es.Result.Satisfied()
}
