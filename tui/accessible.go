package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/lineprompt"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// The accessible walk asks the open criteria of the next level one by one
// with plain line prompts (internal/lineprompt, in the user's language):
// no full-screen layout, for screen readers and dumb terminals. Every
// question has a way on (skip), back (the previous criterion, or from the
// justification back to the choice) and out (quit); an empty line never
// answers anything. Each answer is saved at once.

// move is what a choice does besides answering.
type move int

const (
	moveAnswer move = iota
	moveSkip
	moveBack
	moveQuit
)

type accessible struct {
	env *environ.Env
	loc *i18n.Locale
	f   *model.File
	p   *lineprompt.Prompter
	out io.Writer
}

func runAccessible(env *environ.Env, f *model.File, readOnly string) int {
	if readOnly != "" {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.tui.read_only", "Reason", readOnly))
		return environ.ExitBadInput
	}
	a := &accessible{env: env, loc: env.Loc, f: f, p: lineprompt.New(env.Stdin, env.Stdout, env.Loc), out: env.Stdout}
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
	fmt.Fprintln(a.out, a.loc.T("ui.tui.accessible.intro", "Level", i18n.Level(ls.Level.Name), "Count", len(open)))
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
	head := fmt.Sprintf("[%d/%d] %s %s", i+1, n, loc.T("ui.category."+string(e.Category)), e.ID)
	fmt.Fprintf(a.out, "\n%s\n%s\n%s\n", loc.Label(head, safetext.Line(c.Title)), safetext.Clean(c.Requirement), safetext.Clean(c.Guidance))
	cur := a.f.Answers[e.ID]
	if cur.Status != model.Unknown {
		es := model.EntryScore{Entry: e, Answer: cur, Result: model.Judge(e, cur)}
		fmt.Fprintln(a.out, loc.T("ui.tui.accessible.current", "Status", loc.T(cur.Status.Key()), "Reason", model.Reason(loc, es)))
		if j := safetext.Line(cur.Justification); j != "" {
			fmt.Fprintln(a.out, loc.T("ui.tui.accessible.current_justification", "Text", j))
		}
	}
	// The choices: the answers the badge takes here (N/A by model's one
	// rule), then the ways on, back and out.
	type choice struct {
		label  string
		status model.Status
		move   move
	}
	choices := []choice{{loc.T("ui.status.met"), model.Met, moveAnswer}, {loc.T("ui.status.unmet"), model.Unmet, moveAnswer}}
	if model.NAAllowed(a.env.Catalog, e.ID) {
		choices = append(choices, choice{loc.T("ui.status.na"), model.NA, moveAnswer})
	}
	choices = append(choices, choice{label: loc.T("ui.tui.accessible.skip"), move: moveSkip})
	if i > 0 {
		choices = append(choices, choice{label: loc.T("ui.tui.accessible.back"), move: moveBack})
	}
	choices = append(choices, choice{label: loc.T("ui.tui.accessible.quit"), move: moveQuit})
	labels := make([]string, len(choices))
	for k, ch := range choices {
		labels[k] = ch.label
	}
	for {
		k, err := a.p.Choose(loc.T("ui.tui.detail.your_answer"), labels)
		if err != nil {
			return 0, false // the input ended
		}
		switch choices[k].move {
		case moveSkip:
			return 1, false
		case moveBack:
			return -1, false
		case moveQuit:
			return 0, false
		}
		s := choices[k].status
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

// justification asks for the words that go with s until the answer counts
// (or is an honest Unmet); next is "" (done), "back" or "stop".
func (a *accessible) justification(e *criteria.Entry, s model.Status, current string) (j, next string) {
	loc := a.loc
	fmt.Fprintln(a.out, hintFor(loc, e, s))
	prompt := loc.T("ui.tui.accessible.justification")
	if current != "" {
		prompt = loc.T("ui.tui.accessible.justification_keep")
	}
	line, err := a.p.Ask(prompt, nil)
	if err != nil {
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
		line, err := a.p.Ask(loc.T("ui.tui.accessible.again"), nil)
		if err != nil {
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
		msg := loc.T("ui.tui.accessible.save_failed", "Error", errorText(loc, err))
		if conflict {
			msg = loc.T("ui.tui.accessible.changed")
		}
		line, err := a.p.Ask(msg, nil)
		if err != nil || strings.EqualFold(line, "q") {
			return 0, false
		}
		force = conflict && strings.EqualFold(line, "k")
	}
	l, _ := a.f.Score().Level(e.Level)
	fmt.Fprintln(a.out, loc.T("ui.tui.accessible.saved", "Level", i18n.Level(e.Level), "Percentage", l.Percentage, "Satisfied", l.Satisfied, "Total", l.Total))
	return 1, true
}
