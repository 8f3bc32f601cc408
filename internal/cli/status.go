package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

func runStatus(env *Env, args []string) int {
	fs := env.flagSet("status")
	format := fs.String("format", "text", "")
	level := fs.String("level", "", "")
	if code, ok := env.parse(fs, args, "ui.cli.status.help"); !ok {
		return code
	}
	if *level != "" && !env.knownLevel(*level) {
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	warnStale(env, f) // in detect.go
	s := f.Score()
	switch *format {
	case "text":
		writeStatusText(env.Stdout, env.Loc, f, s, *level, env.DisplayPath(f.Path))
	case "json":
		writeStatusJSON(env.Stdout, s, f)
	case "markdown", "md":
		writeStatusMarkdown(env.Stdout, env.Loc, f, s)
	default:
		env.knownFormat(*format, "text", "json", "markdown")
		return ExitBadInput
	}
	return ExitOK
}

// Bar draws a progress bar of width cells.
func Bar(pct, width int) string {
	full := pct * width / 100
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// Reason is why an entry does not count yet, in words.
func Reason(loc *i18n.Locale, es model.EntryScore) string {
	if pre := criteria.PrerequisiteOf(es.Entry.ID); pre != "" {
		return loc.T("ui.result.automatic", "Level", loc.T("ui.level."+pre))
	}
	if es.Result == model.ResultInvalid && es.Answer.Problem != nil {
		return safetext.Line(es.Answer.Problem.In(loc))
	}
	return loc.T("ui.result." + string(es.Result))
}

// NextLevels returns, per series, the first level not yet achieved.
func NextLevels(s *model.Score) []model.LevelScore {
	var out []model.LevelScore
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
func Blockers(l model.LevelScore) []model.EntryScore {
	var out []model.EntryScore
	for _, e := range l.Entries {
		if !e.Result.Satisfied() {
			out = append(out, e)
		}
	}
	return out
}

func projectName(f *model.File) string {
	if f.Project.Name != "" {
		return safetext.Line(f.Project.Name)
	}
	return "?"
}

func writeStatusText(w io.Writer, loc *i18n.Locale, f *model.File, s *model.Score, only, path string) {
	fmt.Fprintln(w, loc.T("ui.cli.status.header", "Project", projectName(f), "File", path))
	if !f.Exists {
		fmt.Fprintln(w, loc.T("ui.cli.status.no_file"))
	}
	fmt.Fprintln(w)
	series := ""
	for _, l := range s.Levels {
		if series != "" && l.Level.Series != series {
			fmt.Fprintln(w)
		}
		series = l.Level.Series
		mark := " "
		if l.Achieved() {
			mark = "✓"
		}
		fmt.Fprintf(w, "%s %-11s %s %3d%%  %s\n", mark, loc.T("ui.level."+l.Level.Name), Bar(l.Percentage, 20), l.Percentage, fmt.Sprintf("%d/%d", l.Satisfied, l.Total))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, loc.T("ui.cli.status.badge_level", "Level", loc.T("ui.badge_level."+s.BadgeLevel()), "Tiered", s.TieredPercentage()))
	var targets []model.LevelScore
	if only != "" {
		l, _ := s.Level(only)
		targets = []model.LevelScore{l}
	} else {
		targets = NextLevels(s)
		// The baseline series is shown only once someone has started on it.
		if len(targets) > 1 && s.Tiered(criteria.Baseline) == 0 && !answeredIn(f, s, criteria.Baseline) {
			targets = targets[:1]
		}
	}
	for _, l := range targets {
		blockers := Blockers(l)
		fmt.Fprintln(w)
		if len(blockers) == 0 {
			fmt.Fprintln(w, loc.T("ui.cli.status.level_done", "Level", loc.T("ui.level."+l.Level.Name)))
			continue
		}
		fmt.Fprintln(w, loc.T("ui.cli.status.holding_back", "Level", loc.T("ui.level."+l.Level.Name), "Count", len(blockers)))
		for _, b := range blockers {
			fmt.Fprintf(w, "  %s %-38s %-9s %s\n", StatusMark(b), b.Entry.ID, loc.T("ui.category."+string(b.Entry.Category)),
				loc.T("ui.cli.status.blocker", "Title", loc.Criterion(l.Level.Name, b.Entry.ID).Title, "Reason", Reason(loc, b)))
		}
	}
}

func answeredIn(f *model.File, s *model.Score, series string) bool {
	for _, l := range s.Levels {
		if l.Level.Series != series {
			continue
		}
		for _, e := range l.Entries {
			if e.Answer.Status != model.Unknown {
				return true
			}
		}
	}
	return false
}

type jsonLevel struct {
	Name       string `json:"name"`
	Percentage int    `json:"percentage"`
	Satisfied  int    `json:"satisfied"`
	Total      int    `json:"total"`
}

type jsonCriterion struct {
	ID      string `json:"id"`
	Level   string `json:"level"`
	Status  string `json:"status"`
	Result  string `json:"result"`
	Invalid bool   `json:"invalid,omitempty"`
	Problem string `json:"problem,omitempty"`
}

type jsonProblem struct {
	Line    int    `json:"line"`
	ID      string `json:"id"`
	Message string `json:"message"`
}

// StatusJSON is status --format json: the badge site's own field names at
// the top, then our detail.
type StatusJSON struct {
	BadgeLevel               string          `json:"badge_level"`
	TieredPercentage         int             `json:"tiered_percentage"`
	BadgePercentage0         int             `json:"badge_percentage_0"`
	BadgePercentage1         int             `json:"badge_percentage_1"`
	BadgePercentage2         int             `json:"badge_percentage_2"`
	BaselineLevel            string          `json:"baseline_level"`
	BaselineTieredPercentage int             `json:"baseline_tiered_percentage"`
	BadgePercentageBaseline1 int             `json:"badge_percentage_baseline_1"`
	BadgePercentageBaseline2 int             `json:"badge_percentage_baseline_2"`
	BadgePercentageBaseline3 int             `json:"badge_percentage_baseline_3"`
	Levels                   []jsonLevel     `json:"levels"`
	Criteria                 []jsonCriterion `json:"criteria"`
	Problems                 []jsonProblem   `json:"problems"`
}

// NewStatusJSON builds the JSON status of a score.
func NewStatusJSON(s *model.Score, f *model.File) StatusJSON {
	pct := func(name string) int {
		l, _ := s.Level(name)
		return l.Percentage
	}
	out := StatusJSON{
		BadgeLevel:               s.BadgeLevel(),
		TieredPercentage:         s.TieredPercentage(),
		BadgePercentage0:         pct("passing"),
		BadgePercentage1:         pct("silver"),
		BadgePercentage2:         pct("gold"),
		BaselineLevel:            s.BaselineLevel(),
		BaselineTieredPercentage: s.Tiered(criteria.Baseline),
		BadgePercentageBaseline1: pct("baseline-1"),
		BadgePercentageBaseline2: pct("baseline-2"),
		BadgePercentageBaseline3: pct("baseline-3"),
		Levels:                   []jsonLevel{},
		Criteria:                 []jsonCriterion{},
		Problems:                 []jsonProblem{},
	}
	for _, l := range s.Levels {
		out.Levels = append(out.Levels, jsonLevel{l.Level.Name, l.Percentage, l.Satisfied, l.Total})
		for _, e := range l.Entries {
			c := jsonCriterion{ID: e.Entry.ID, Level: l.Level.Name, Status: e.Answer.Status.String(), Result: string(e.Result)}
			if e.Answer.Problem != nil {
				c.Invalid, c.Problem = true, e.Answer.Problem.String()
			}
			out.Criteria = append(out.Criteria, c)
		}
	}
	for _, p := range f.Problems {
		out.Problems = append(out.Problems, jsonProblem{p.Line, p.ID, p.Message.String()})
	}
	return out
}

func writeStatusJSON(w io.Writer, s *model.Score, f *model.File) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(NewStatusJSON(s, f))
}
