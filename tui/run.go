package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/termbg"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Run opens the interactive walk on the answers file (cli.UI.Walk).
func Run(env *environ.Env) int {
	if !env.IsTerminal && !env.Accessible {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.tui.not_a_terminal"))
		return environ.ExitBadInput
	}
	f, ok := env.OpenAnswers() // a file with errors is reported and never opened for editing
	if !ok {
		return environ.ExitBadInput
	}
	readOnly := readOnlyReason(env, f)
	noColor := env.NoColor || env.Getenv("NO_COLOR") != ""
	if env.Accessible {
		return runAccessible(env, f, readOnly)
	}
	style := "light"
	if noColor {
		lipgloss.SetColorProfile(termenv.Ascii)
		style = "notty"
	} else if termbg.Ask(env.Stdout) { // once, before the program reads the terminal
		style = "dark"
	}
	opts := Options{File: f, Catalog: env.Catalog, Locale: env.Loc, ReadOnly: readOnly, GlamourStyle: style, WatchInterval: 2 * time.Second}
	opts.ScanProposals = func() model.Proposals {
		r, err := env.Detect(f)
		if err != nil {
			return nil // no proposals is the honest answer when the scan fails
		}
		return r.Proposals
	}
	opts.Carry = func(loc *i18n.Locale, a model.Answers) model.Proposals {
		return carry.Propose(env.Catalog, a, loc)
	}
	m := New(opts)
	final, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout)).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return environ.ExitBadInput
	}
	if fm, ok := final.(*Model); ok {
		m = fm
	}
	fmt.Fprintln(env.Stdout, summary(env, m.c.file))
	return environ.ExitOK
}

// readOnlyReason says why the answers file cannot be written, or "".
func readOnlyReason(env *environ.Env, f *model.File) string {
	dir := filepath.Dir(f.Path)
	if f.Exists {
		fh, err := os.OpenFile(f.Path, os.O_WRONLY, 0)
		if err != nil {
			return env.Loc.T("ui.tui.ro_file")
		}
		fh.Close()
	}
	tmp, err := os.CreateTemp(dir, ".bestpractices-probe-*")
	if err != nil {
		return env.Loc.T("ui.tui.ro_dir")
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return ""
}

// summary is the line left on the terminal after the walk.
func summary(env *environ.Env, f *model.File) string {
	s := f.Score()
	var best model.LevelScore
	for _, l := range s.Levels {
		if l.Level.Series == "metal" {
			best = l
			if !l.Achieved() {
				break
			}
		}
	}
	name := env.Loc.T("ui.level." + best.Level.Name)
	path := env.DisplayPath(f.Path)
	switch {
	case f.Dirty():
		return env.Loc.T("ui.tui.summary_unsaved", "Satisfied", best.Satisfied, "Total", best.Total, "Level", name, "File", path)
	case !f.Exists:
		return env.Loc.T("ui.tui.summary_nothing")
	}
	return env.Loc.T("ui.tui.summary", "Satisfied", best.Satisfied, "Total", best.Total, "Level", name, "File", path)
}
