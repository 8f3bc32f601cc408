package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
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
		writeStatusText(env.Stdout, env.Loc, f, s, *level, env.DisplayPath(f.Path), env.width())
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

// Row is a table row: lead (the columns, padded) then text, wrapped to
// width cells where the language allows, its later lines under the text's
// first cell. When the lead leaves less than 24 cells, the text goes on
// lines of its own below, indented. width 0: one line, as long as it is.
func Row(lead, text string, width int) []string {
	leadW := textwidth.Width(lead)
	if width <= 0 || leadW+textwidth.Width(text) <= width {
		return []string{lead + text}
	}
	if width-leadW >= 24 {
		lines := textwidth.Wrap(text, width-leadW)
		out := []string{lead + lines[0]}
		for _, l := range lines[1:] {
			out = append(out, strings.Repeat(" ", leadW)+l)
		}
		return out
	}
	out := []string{strings.TrimRight(lead, " ")}
	for _, l := range textwidth.Wrap(text, max(10, width-6)) {
		out = append(out, "      "+l)
	}
	return out
}

// bar is model.Bar as one string: the text output has no styles.
func bar(pct, width int) string {
	full, empty := model.Bar(pct, width)
	return full + empty
}

func projectName(f *model.File) string {
	if f.Project.Name != "" {
		return safetext.Line(f.Project.Name)
	}
	return "?"
}

// writeStatusText lays status out in columns measured in terminal cells
// (a Japanese level name takes two per character), within width cells
// when it is known (0: no limit).
func writeStatusText(w io.Writer, loc *i18n.Locale, f *model.File, s *model.Score, only, path string, width int) {
	fmt.Fprintln(w, loc.T("ui.cli.status.header", "Project", projectName(f), "File", path))
	if !f.Exists {
		fmt.Fprintln(w, loc.T("ui.cli.status.no_file"))
	}
	fmt.Fprintln(w)
	names := map[string]string{}
	for _, l := range s.Levels {
		names[l.Level.Name] = loc.Level(l.Level.Name)
	}
	nameW := 0
	for _, n := range names {
		nameW = max(nameW, textwidth.Width(n))
	}
	pctW := textwidth.Width(loc.Percent(100)) // "100 %" in French
	barW := 20
	if width > 0 {
		// mark, name, bar, " 100%", "  67/67"
		barW = max(5, min(20, width-(2+nameW+1)-(1+pctW+2+7)))
	}
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
		fmt.Fprintf(w, "%s %s %s %s  %d/%d\n", mark, textwidth.Pad(names[l.Level.Name], nameW), bar(l.Percentage, barW), textwidth.PadLeft(loc.Percent(l.Percentage), pctW), l.Satisfied, l.Total)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, loc.T("ui.cli.status.badge_level", "Level", i18n.BadgeLevel(s.BadgeLevel()), "Tiered", s.TieredPercentage()))
	var targets []model.LevelScore
	if only != "" {
		l, _ := s.Level(only)
		targets = []model.LevelScore{l}
	} else {
		targets = model.NextLevels(s)
		// The baseline series is shown only once someone has started on it.
		if len(targets) > 1 && s.Tiered(criteria.Baseline) == 0 && !answeredIn(f, s, criteria.Baseline) {
			targets = targets[:1]
		}
	}
	for _, l := range targets {
		blockers := model.Blockers(l)
		fmt.Fprintln(w)
		if len(blockers) == 0 {
			fmt.Fprintln(w, loc.T("ui.cli.status.level_done", "Level", i18n.Level(l.Level.Name)))
			continue
		}
		fmt.Fprintln(w, loc.T("ui.cli.status.holding_back", "Level", i18n.Level(l.Level.Name), "Count", len(blockers)))
		idW, catW := 0, 0
		for _, b := range blockers {
			idW = max(idW, textwidth.Width(b.Entry.ID))
			catW = max(catW, textwidth.Width(loc.T("ui.category."+string(b.Entry.Category))))
		}
		for _, b := range blockers {
			lead := "  " + model.StatusMark(b) + " " + textwidth.Pad(b.Entry.ID, idW) + " " + textwidth.Pad(loc.T("ui.category."+string(b.Entry.Category)), catW) + " "
			text := loc.T("ui.cli.status.blocker", "Title", loc.CriterionTitle(l.Level.Name, b.Entry.ID), "Reason", model.Reason(loc, b))
			for _, line := range Row(lead, text, width) {
				fmt.Fprintln(w, line)
			}
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
	safetext.WriteJSON(w, NewStatusJSON(s, f), "  ")
}
