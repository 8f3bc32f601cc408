package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// The accessible walk asks the open criteria of the next level one by one
// with plain line prompts: no full-screen layout, for screen readers and
// dumb terminals. Every prompt has a way on (skip), back (previous
// criterion, or back to the choice from the justification) and out
// (quit); an empty line never answers anything. Each answer is saved at
// once.

// The choices, numbered the same way at every criterion.
const (
	askMet = iota + 1
	askUnmet
	askNA
	askSkip
	askBack
	askQuit
)

type accessible struct {
	env *environ.Env
	loc *i18n.Locale
	f   *model.File
	in  *bufio.Reader
	out io.Writer
}

func runAccessible(env *environ.Env, f *model.File, readOnly string) int {
	if readOnly != "" {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.tui.read_only", "Reason", readOnly))
		return environ.ExitBadInput
	}
	a := &accessible{env: env, loc: env.Loc, f: f, in: bufio.NewReader(env.Stdin), out: env.Stdout}
	levels := model.NextLevels(f.Score())
	if len(levels) == 0 {
		fmt.Fprintln(a.out, a.loc.T("ui.tui.all_done"))
		return environ.ExitOK
	}
	ls := levels[0]
	var open []*criteria.Entry
	for _, es := range model.Blockers(ls) {
		if !es.Entry.Automatic() {
			open = append(open, es.Entry)
		}
	}
	fmt.Fprintln(a.out, a.loc.T("ui.tui.accessible.intro", "Level", a.loc.T("ui.level."+ls.Level.Name), "Count", len(open)))
	wrote := false
	for i := 0; i >= 0 && i < len(open); {
		step, saved := a.ask(open[i], i, len(open))
		wrote = wrote || saved
		if step == 0 {
			break
		}
		i = max(0, i+step)
	}
	fmt.Fprintln(a.out, summary(env, f, ls.Level.Name, wrote))
	return environ.ExitOK
}

// ask asks about one criterion; step is where to go next (1 on, -1 back,
// 0 stop) and saved whether an answer was written.
func (a *accessible) ask(e *criteria.Entry, i, n int) (step int, saved bool) {
	loc := a.loc
	c := loc.Criterion(e.Level, e.ID)
	fmt.Fprintf(a.out, "\n[%d/%d] %s %s: %s\n%s\n%s\n", i+1, n, loc.T("ui.category."+string(e.Category)), e.ID,
		safetext.Line(c.Title), safetext.Clean(c.Requirement), safetext.Clean(c.Guidance))
	cur := a.f.Answers[e.ID]
	if cur.Status != model.Unknown {
		es := model.EntryScore{Entry: e, Answer: cur, Result: model.Judge(e, cur)}
		fmt.Fprintln(a.out, loc.T("ui.tui.accessible.current", "Status", loc.T(cur.Status.Key()), "Reason", model.Reason(loc, es)))
		if j := safetext.Line(cur.Justification); j != "" {
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.current_justification", "Text", j))
		}
	}
	naOK := model.NAAllowed(a.env.Catalog, e.ID)
	for {
		fmt.Fprintln(a.out, a.choices(naOK, i > 0))
		line, ok := a.line()
		if !ok {
			return 0, false
		}
		var s model.Status
		switch choice, _ := strconv.Atoi(line); {
		case line == "":
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.empty"))
			continue
		case choice == askMet:
			s = model.Met
		case choice == askUnmet:
			s = model.Unmet
		case choice == askNA && naOK:
			s = model.NA
		case choice == askNA:
			fmt.Fprintln(a.out, loc.T("ui.tui.detail.na_not_allowed"))
			continue
		case choice == askSkip:
			return 1, false
		case choice == askBack && i > 0:
			return -1, false
		case choice == askQuit:
			return 0, false
		default:
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.unknown_choice", "Text", safetext.Line(line)))
			continue
		}
		j, next := a.justification(e, s, cur.Justification)
		switch next {
		case "back":
			continue // choose another answer
		case "stop":
			return 0, false
		}
		return a.store(e, model.Answer{Status: s, Justification: j})
	}
}

// choices is the list of numbered answers.
func (a *accessible) choices(naOK, back bool) string {
	t := func(n int, key string) string { return strconv.Itoa(n) + " " + a.loc.T(key) }
	parts := []string{t(askMet, "ui.status.met"), t(askUnmet, "ui.status.unmet")}
	if naOK {
		parts = append(parts, t(askNA, "ui.status.na"))
	}
	parts = append(parts, t(askSkip, "ui.tui.accessible.skip"))
	if back {
		parts = append(parts, t(askBack, "ui.tui.accessible.back"))
	}
	parts = append(parts, t(askQuit, "ui.tui.accessible.quit"))
	return a.loc.T("ui.tui.accessible.choose", "Choices", strings.Join(parts, " · "))
}

// justification asks for the words that go with s until the answer counts
// (or is an honest Unmet); next is "" (done), "back" or "stop".
func (a *accessible) justification(e *criteria.Entry, s model.Status, current string) (j, next string) {
	loc := a.loc
	fmt.Fprintln(a.out, hintFor(loc, e, s))
	prompt := loc.T("ui.tui.accessible.justification")
	if current != "" {
		prompt = loc.T("ui.tui.accessible.justification_keep")
	}
	fmt.Fprintln(a.out, prompt)
	line, ok := a.line()
	if !ok {
		return "", "stop" // input ended mid-answer: nothing half-given is saved
	}
	j = line
	if j == "" {
		j = current
	}
	for {
		err := checkAnswer(loc, a.env.Catalog, e, s, j)
		if err == nil {
			return j, ""
		}
		fmt.Fprintln(a.out, err)
		fmt.Fprintln(a.out, loc.T("ui.tui.accessible.again"))
		line, ok := a.line()
		if !ok {
			return "", "stop"
		}
		if line == "" {
			return "", "back"
		}
		j = line
	}
}

// store saves an answer. When the save fails, the answer is kept and the
// user may try again, overwrite a file changed elsewhere, or stop.
func (a *accessible) store(e *criteria.Entry, ans model.Answer) (step int, saved bool) {
	loc := a.loc
	a.f.Set(e.ID, ans)
	force := false
	for {
		err := a.f.Save(force)
		if err == nil {
			break
		}
		conflict := errors.Is(err, model.ErrChangedOnDisk)
		if conflict {
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.changed"))
		} else {
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.save_failed", "Error", safeError(err)))
		}
		line, ok := a.line()
		if !ok || strings.EqualFold(line, "q") {
			return 0, false
		}
		force = conflict && strings.EqualFold(line, "k")
	}
	l, _ := a.f.Score().Level(e.Level)
	fmt.Fprintln(a.out, loc.T("ui.tui.accessible.saved", "Level", loc.T("ui.level."+e.Level), "Percentage", l.Percentage, "Satisfied", l.Satisfied, "Total", l.Total))
	return 1, true
}

// line reads one line, trimmed; ok is false at the end of the input.
func (a *accessible) line() (string, bool) {
	s, err := a.in.ReadString('\n')
	if err != nil && s == "" {
		return "", false
	}
	return strings.TrimSpace(s), true
}
