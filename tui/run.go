package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/termbg"
	"github.com/bestpractices/bestpractices/internal/textwidth"
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
	store := newPrefs(configDir(env))
	kept := store.get(f.Path, env.Catalog, i18n.Available())
	loc := env.Loc
	if env.Lang == "" && env.LocaleFile == "" && kept.Lang != "" { // --lang wins over what was kept
		if l, err := i18n.New(kept.Lang); err == nil {
			loc = l
		}
	}
	opts := Options{File: f, Catalog: env.Catalog, Locale: loc, ReadOnly: readOnly, GlamourStyle: style, WatchInterval: 2 * time.Second,
		StartLevel: startLevel(f.Score(), env.Catalog, kept.Level), OpenURL: browserOpener(env), Copy: clipboard(env.Stdout),
		Hyperlinks: textwidth.Hyperlinks(env.Getenv)}
	if env.LocaleFile != "" { // a translator's draft joins the languages L steps through
		opts.Languages = i18n.NewCycle(env.Loc.File())
	}
	opts.ScanProposals = func(loc *i18n.Locale) model.Proposals {
		r, err := env.DetectIn(f, loc)
		if err != nil {
			return nil // no proposals is the honest answer when the scan fails
		}
		return r.Proposals
	}
	opts.Carry = func(loc *i18n.Locale, a model.Answers) model.Proposals {
		return carry.Propose(env.Catalog, a, loc)
	}
	m := New(opts)
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout)}
	if !env.NoMouse {
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	final, err := tea.NewProgram(m, progOpts...).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return environ.ExitBadInput
	}
	if fm, ok := final.(*Model); ok {
		m = fm
	}
	kept.Level, kept.Used = m.c.level, time.Now()
	if tag := m.c.loc.File().Tag; tag != loc.File().Tag {
		kept.Lang = tag // chosen in the walk: kept for next time
	}
	store.put(f.Path, kept) // a preference that cannot be kept is no reason to fail
	env.Loc = m.c.loc
	fmt.Fprintln(env.Stdout, summary(env, m.c.file, m.c.level, m.save.wrote))
	return environ.ExitOK
}

// configDir is where the walk keeps its preferences ("" for nowhere).
func configDir(env *environ.Env) string {
	if d := env.Getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return d
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return d
}

// browserOpener runs the desktop's opener in the background, where there
// is a desktop: not over SSH, not without a display on Linux.
func browserOpener(env *environ.Env) func(string) error {
	if env.Getenv("SSH_CONNECTION") != "" || env.Getenv("SSH_TTY") != "" {
		return nil
	}
	name, args := "xdg-open", []string(nil)
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler"}
	default:
		if env.Getenv("DISPLAY") == "" && env.Getenv("WAYLAND_DISPLAY") == "" {
			return nil
		}
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil
	}
	return func(url string) error {
		cmd := exec.Command(path, append(args, url)...) // stdin/stdout/stderr: none, the walk owns the terminal
		if err := cmd.Start(); err != nil {
			return err
		}
		go cmd.Wait() // reap it; its result does not matter
		return nil
	}
}

// clipboard copies text with OSC 52, which most terminals honour, also
// over SSH. It is one write, made from a tea.Cmd.
func clipboard(w io.Writer) func(string) error {
	return func(text string) error {
		_, err := io.WriteString(w, osc52(text))
		return err
	}
}

// readOnlyReason says why the answers file cannot be written, or "".
func readOnlyReason(env *environ.Env, f *model.File) string {
	dir := filepath.Dir(f.Path)
	// Opened for writing, never written; a pipe or a device swapped in
	// since the load is refused at once, not waited on (regfile).
	if f.Exists && regfile.CheckWritable(f.Path) != nil {
		return env.Loc.T("ui.tui.ro_file")
	}
	tmp, err := os.CreateTemp(dir, ".bestpractices-probe-*")
	if err != nil {
		return env.Loc.T("ui.tui.ro_dir")
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return ""
}

// summary is the line left on the terminal after the walk: the level it
// was showing, and whether anything was written.
func summary(env *environ.Env, f *model.File, level string, wrote bool) string {
	loc := env.Loc
	ls, _ := f.Score().Level(level)
	name := i18n.Level(level)
	path := env.DisplayPath(f.Path)
	switch {
	case f.Dirty():
		return loc.T("ui.tui.summary_unsaved", "Satisfied", ls.Satisfied, "Total", ls.Total, "Level", name, "File", path)
	case wrote:
		return loc.T("ui.tui.summary", "Satisfied", ls.Satisfied, "Total", ls.Total, "Level", name, "File", path)
	case !f.Exists:
		return loc.T("ui.tui.summary_nothing")
	}
	return loc.T("ui.tui.summary_unchanged", "Satisfied", ls.Satisfied, "Total", ls.Total, "Level", name, "File", path)
}
