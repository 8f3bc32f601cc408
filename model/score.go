package model

import (
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
)

// Result is the badge site's verdict on one entry's answer.
type Result string

const (
	ResultUnknown               Result = "unknown"
	ResultPassing               Result = "passing"
	ResultBarely                Result = "barely"
	ResultFailing               Result = "failing"
	ResultURLRequired           Result = "url_required"
	ResultJustificationRequired Result = "justification_required"
	// ResultInvalid is ours: an answer the file holds but the badge would
	// refuse (see Answer.Problem). It never counts.
	ResultInvalid Result = "invalid"
)

// Satisfied reports whether the result counts toward the level.
func (r Result) Satisfied() bool { return r == ResultPassing || r == ResultBarely }

// The badge's own tests: a justification beginning "// " is a placeholder.
var urlPattern = lazyregexp.New(`https?://[^/. ]+\.[^ ]`)

func placeholder(j string) bool { return strings.HasPrefix(j, "// ") }

// GoodJustification: at least 5 characters and not a placeholder.
func GoodJustification(j string) bool {
	return !placeholder(j) && utf8.RuneCountInString(j) >= 5
}

// HasURL: the badge's test for a URL in a justification.
func HasURL(j string) bool { return !placeholder(j) && urlPattern.MatchString(j) }

// Judge gives the badge's result for one entry answered with a.
func Judge(e *criteria.Entry, a Answer) Result {
	if a.Problem != nil {
		return ResultInvalid
	}
	switch a.Status {
	case Met:
		if e.MetURLRequired && !HasURL(a.Justification) {
			return ResultURLRequired
		}
		if e.MetJustificationRequired && !GoodJustification(a.Justification) {
			return ResultJustificationRequired
		}
		return ResultPassing
	case NA:
		if !e.NAAllowed {
			return ResultInvalid
		}
		if e.NAJustificationRequired && !GoodJustification(a.Justification) {
			return ResultJustificationRequired
		}
		return ResultPassing
	case Unmet:
		switch e.Category {
		case criteria.Suggested:
			return ResultBarely
		case criteria.Should:
			if GoodJustification(a.Justification) {
				return ResultBarely
			}
			return ResultJustificationRequired
		}
		return ResultFailing
	}
	return ResultUnknown
}

// EntryScore is one entry's answer and verdict.
type EntryScore struct {
	Entry  *criteria.Entry
	Answer Answer
	Result Result
}

// LevelScore is one level's progress.
type LevelScore struct {
	Level      *criteria.Level
	Percentage int
	Satisfied  int
	Total      int
	Entries    []EntryScore
}

// Achieved reports whether every entry of the level is satisfied.
func (l LevelScore) Achieved() bool { return l.Percentage == 100 }

// Score is the badge's view of a project: every level and the summary figures.
type Score struct {
	Levels []LevelScore
	byName map[string]int
}

// Level returns the named level's score.
func (s *Score) Level(name string) (LevelScore, bool) {
	i, ok := s.byName[name]
	if !ok {
		return LevelScore{}, false
	}
	return s.Levels[i], true
}

// Percentage is the badge's rounding: 0 when nothing is satisfied, 100 only
// when everything is, otherwise the nearest whole percent (halves up) but
// never 100.
func Percentage(satisfied, total int) int {
	if satisfied <= 0 || total <= 0 {
		return 0
	}
	if satisfied >= total {
		return 100
	}
	p := (satisfied*200 + total) / (2 * total) // round half up, in integers
	if p > 99 {
		p = 99
	}
	return p
}

// Compute scores answers against every level of cat, in order, so that
// achieve_passing and achieve_silver see the level before them.
func Compute(cat *criteria.Catalog, answers Answers) *Score {
	s := &Score{byName: make(map[string]int, len(cat.Levels)), Levels: make([]LevelScore, 0, len(cat.Levels))}
	for _, lvl := range cat.Levels {
		ls := LevelScore{Level: lvl, Total: len(lvl.Entries), Entries: make([]EntryScore, len(lvl.Entries))}
		for i, e := range lvl.Entries {
			a := answers[e.ID]
			if pre := criteria.PrerequisiteOf(e.ID); pre != "" {
				a = Answer{Status: Unmet}
				if p, ok := s.Level(pre); ok && p.Achieved() {
					a.Status = Met
				}
			}
			r := Judge(e, a)
			if r.Satisfied() {
				ls.Satisfied++
			}
			ls.Entries[i] = EntryScore{Entry: e, Answer: a, Result: r}
		}
		ls.Percentage = Percentage(ls.Satisfied, ls.Total)
		s.byName[lvl.Name] = len(s.Levels)
		s.Levels = append(s.Levels, ls)
	}
	return s
}

// Tiered is the badge's one-number summary of a series: the first level's
// percentage below 100, else 100 plus the second's, else 200 plus the third's.
func (s *Score) Tiered(series string) int {
	base := 0
	for _, l := range s.Levels {
		if l.Level.Series != series {
			continue
		}
		if !l.Achieved() {
			return base + l.Percentage
		}
		base += 100
	}
	return base
}

// TieredPercentage is the metal series' tiered_percentage.
func (s *Score) TieredPercentage() int { return s.Tiered(criteria.Metal) }

// BadgeLevel is in_progress, passing, silver or gold.
func (s *Score) BadgeLevel() string {
	return []string{"in_progress", "passing", "silver", "gold"}[min(s.TieredPercentage()/100, 3)]
}

// BaselineLevel is in_progress, baseline-1, baseline-2 or baseline-3.
func (s *Score) BaselineLevel() string {
	return []string{"in_progress", "baseline-1", "baseline-2", "baseline-3"}[min(s.Tiered(criteria.Baseline)/100, 3)]
}
