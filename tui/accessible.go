package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/huh"
)

// runAccessible asks the open criteria one by one with plain line prompts
// (huh's accessible mode): no full-screen layout, for screen readers and
// dumb terminals. Each answer is saved at once.
func runAccessible(env *environ.Env, f *model.File, readOnly string) int {
	loc, out := env.Loc, env.Stdout
	in := &lineReader{r: bufio.NewReader(env.Stdin)}
	if readOnly != "" {
		fmt.Fprintln(env.Stderr, loc.T("ui.tui.read_only", "Reason", readOnly))
		return environ.ExitBadInput
	}
	s := f.Score()
	levels := model.NextLevels(s)
	if len(levels) == 0 {
		fmt.Fprintln(out, loc.T("ui.tui.all_done"))
		return environ.ExitOK
	}
	ls := levels[0]
	open := model.Blockers(ls)
	fmt.Fprintln(out, loc.T("ui.tui.accessible.intro", "Level", loc.T("ui.level."+ls.Level.Name), "Count", len(open)))
	const skip, quit = "skip", "quit"
	for i, es := range open {
		e := es.Entry
		if e.Automatic() {
			continue
		}
		c := loc.Criterion(e.Level, e.ID)
		fmt.Fprintf(out, "\n[%d/%d] %s %s: %s\n%s\n%s\n", i+1, len(open), e.Category, e.ID, c.Title, c.Requirement, c.Guidance)
		if a := f.Answers[e.ID]; a.Status != model.Unknown {
			fmt.Fprintln(out, loc.T("ui.tui.accessible.current", "Status", loc.T(a.Status.Key()), "Reason", model.Reason(loc, es)))
		}
		d := &draft{}
		opts := []huh.Option[string]{
			huh.NewOption(loc.T("ui.status.met"), model.Met.String()),
			huh.NewOption(loc.T("ui.status.unmet"), model.Unmet.String()),
		}
		if e.NAAllowed {
			opts = append(opts, huh.NewOption(loc.T("ui.status.na"), model.NA.String()))
		}
		opts = append(opts, huh.NewOption(loc.T("ui.tui.accessible.skip"), skip), huh.NewOption(loc.T("ui.tui.accessible.quit"), quit))
		err := huh.NewForm(huh.NewGroup(huh.NewSelect[string]().Title(loc.T("ui.tui.form.status", "Title", c.Title)).Options(opts...).Value(&d.status))).
			WithAccessible(true).WithInput(in).WithOutput(out).Run()
		if in.eof || errors.Is(err, io.EOF) || errors.Is(err, huh.ErrUserAborted) || d.status == quit || d.status == "" {
			break
		}
		if err != nil {
			fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", err.Error()))
			return environ.ExitBadInput
		}
		if d.status == skip {
			continue
		}
		d.justification = f.Answers[e.ID].Justification
		fmt.Fprintln(out, requirementHint(loc, e, d.status))
		err = huh.NewForm(huh.NewGroup(huh.NewInput().Title(loc.T("ui.tui.accessible.justification")).Value(&d.justification).
			Validate(func(j string) error { return validateAnswer(loc, e, d.status, j) }))).
			WithAccessible(true).WithInput(in).WithOutput(out).Run()
		if err != nil || in.eof {
			break // input ended mid-answer: nothing half-given is saved
		}
		if err := validateAnswer(loc, e, d.status, d.justification); err != nil {
			fmt.Fprintln(out, err)
			continue
		}
		st, _ := model.ParseStatus(d.status)
		f.Set(e.ID, model.Answer{Status: st, Justification: d.justification})
		if err := f.Save(false); err != nil {
			fmt.Fprintln(env.Stderr, loc.T("ui.tui.save_failed", "Error", safetext.Line(err.Error())))
			return environ.ExitBadInput
		}
		l, _ := f.Score().Level(ls.Level.Name)
		fmt.Fprintln(out, loc.T("ui.tui.accessible.saved", "Level", loc.T("ui.level."+ls.Level.Name), "Percentage", l.Percentage, "Satisfied", l.Satisfied, "Total", l.Total))
	}
	fmt.Fprintln(out, summary(env, f))
	return environ.ExitOK
}

// lineReader hands out input one line per Read. huh reads each prompt
// through a buffered scanner of its own; without this, the first prompt
// would swallow the answers typed (or piped) for the next ones.
type lineReader struct {
	r   *bufio.Reader
	eof bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if n == 0 {
				l.eof = true
				return 0, err
			}
			return n, nil
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}
