// Package environ is what a command may touch: its streams, the process
// environment and working directory, the options every command shares, and
// the answers file they find from there. The commands (internal/cli) and
// the terminal UI (tui) both take an Env; it knows neither, so that the UI
// needs nothing of the commands and the commands nothing of the UI.
package environ

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/gitrepo"
	"github.com/bestpractices/bestpractices/model"
)

// Exit statuses: 1 means "not there yet" (a level not reached), 2 bad input.
const (
	ExitOK       = 0
	ExitNotMet   = 1
	ExitBadInput = 2
)

// Env is what a command may touch: its streams, the process environment
// and working directory, and the options every command shares.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Dir            string
	// IsTerminal reports whether stdin and stdout are a terminal (the TUI
	// starts only then).
	IsTerminal bool
	// Columns is the width of the terminal standard output goes to, in
	// cells; 0 when it is no terminal (COLUMNS is read then).
	Columns int

	File       string // --file
	Lang       string // --lang
	LocaleFile string // --locale-file
	NoColor    bool   // --no-color
	Accessible bool   // --accessible
	NoMouse    bool   // --no-mouse: the walk leaves the mouse to the terminal

	Loc     *i18n.Locale
	Catalog *criteria.Catalog
}

// AnswersPath is --file, else .bestpractices.yaml at the root of the git
// work tree holding the working directory, else in the directory itself.
func (env *Env) AnswersPath() string {
	if env.File != "" {
		if filepath.IsAbs(env.File) {
			return env.File
		}
		return filepath.Join(env.Dir, env.File)
	}
	if root := gitrepo.Root(env.Dir); root != "" {
		return filepath.Join(root, model.DefaultName)
	}
	return filepath.Join(env.Dir, model.DefaultName)
}

// DisplayPath is path relative to the working directory when shorter.
func (env *Env) DisplayPath(p string) string {
	if rel, err := filepath.Rel(env.Dir, p); err == nil && len(rel) < len(p) {
		return rel
	}
	return p
}

// OpenAnswers reads the answers file; a missing file is an empty set of
// answers (created on the first save). On bad input it prints the error
// and returns ok=false.
func (env *Env) OpenAnswers() (*model.File, bool) {
	p := env.AnswersPath()
	f, err := model.Load(p, env.Catalog)
	if errors.Is(err, os.ErrNotExist) {
		return model.New(p, env.Catalog, env.DefaultProject(p)), true
	}
	if err != nil {
		msg := err.Error()
		var fe *model.FileError
		if errors.As(err, &fe) {
			fe.Path = env.DisplayPath(fe.Path)
			msg = fe.In(env.Loc)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", msg))
		return nil, false
	}
	return f, true
}

// LoadAnswers is OpenAnswers for the commands: it also prints the file's
// warnings to stderr.
func (env *Env) LoadAnswers() (*model.File, bool) {
	f, ok := env.OpenAnswers()
	if !ok {
		return nil, false
	}
	for _, pr := range f.Problems {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.warning_at", "File", env.DisplayPath(f.Path), "Line", pr.Line, "Message", pr.Message.In(env.Loc)))
	}
	return f, true
}

// DefaultProject names a new answers file's project after its directory
// and its git remote.
func (env *Env) DefaultProject(answersPath string) model.Project {
	dir := filepath.Dir(answersPath)
	p := model.Project{Name: filepath.Base(dir)}
	if root := gitrepo.Root(dir); root != "" {
		p.URL = gitrepo.WebURL(root)
	}
	return p
}

// RepoRoot is the repository the answers file belongs to: the git work
// tree holding it, else its directory.
func (env *Env) RepoRoot() string {
	dir := filepath.Dir(env.AnswersPath())
	if root := gitrepo.Root(dir); root != "" {
		return root
	}
	return dir
}

// Detect scans the repository for the answers file f (detect, and the
// walk's proposals).
func (env *Env) Detect(f *model.File) (*detect.Report, error) { return env.DetectIn(f, env.Loc) }

// DetectIn is Detect with its texts (justifications, sources, evidence
// notes) in the language loc: the walk scans again when the user switches
// language.
func (env *Env) DetectIn(f *model.File, loc *i18n.Locale) (*detect.Report, error) {
	opts := detect.Options{Loc: loc}
	if f != nil && f.Exists {
		opts.ProjectURL = f.Project.URL // a new file's URL is made from the remote: no news
	}
	return detect.Scan(env.RepoRoot(), env.Catalog, opts)
}
