package model

import (
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// What every view of the progress says the same way: the commands, the
// walk and the accessible prompts.

// NextLevels returns, per series, the first level not yet achieved.
func NextLevels(s *Score) []LevelScore {
	var out []LevelScore
	seen := map[string]bool{}
	for _, l := range s.Levels {
		if seen[l.Level.Series] || l.Achieved() {
			continue
		}
		seen[l.Level.Series] = true
		out = append(out, l)
	}
	return out
}

// Blockers lists the entries of a level that do not count yet.
func Blockers(l LevelScore) []EntryScore {
	var out []EntryScore
	for _, e := range l.Entries {
		if !e.Result.Satisfied() {
			out = append(out, e)
		}
	}
	return out
}

// Reason is why an entry does not count yet, in words, safe for a terminal.
func Reason(loc *i18n.Locale, es EntryScore) string {
	if pre := criteria.PrerequisiteOf(es.Entry.ID); pre != "" {
		return loc.T("ui.result.automatic", "Level", i18n.Level(pre))
	}
	if es.Result == ResultInvalid && es.Answer.Problem != nil {
		return safetext.Line(es.Answer.Problem.In(loc))
	}
	return loc.T("ui.result." + string(es.Result))
}

// StatusMark is the one-character mark of an answer, the same in the walk,
// status and the Markdown report: ✓ Met, ✗ Unmet, – N/A, ? unanswered, and
// ! for an answer that does not count.
func StatusMark(es EntryScore) string {
	if !es.Result.Satisfied() && es.Answer.Status != Unknown {
		return "!"
	}
	switch es.Answer.Status {
	case Met:
		return "✓"
	case Unmet:
		return "✗"
	case NA:
		return "–"
	}
	return "?"
}

// Bar draws a progress bar of width cells for a percentage, as two parts:
// the filled cells and the empty ones, so that callers may style each.
func Bar(pct, width int) (full, empty string) {
	n := max(0, min(width, pct*width/100))
	return strings.Repeat("█", n), strings.Repeat("░", width-n)
}
