// Package cli is the bestpractices command line: global flags, the
// subcommands, and the answers file they share. The interactive walk is in
// package tui; this package starts it when no subcommand is given.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/gitrepo"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3";
// otherwise it is the module version `go install` recorded.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

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

	File       string // --file
	Lang       string // --lang
	LocaleFile string // --locale-file
	NoColor    bool   // --no-color
	Accessible bool   // --accessible

	Loc     *i18n.Locale
	Catalog *criteria.Catalog

	// ReviewImport, when set (by the program that has a terminal UI),
	// lets the user settle an import's conflicts one by one, in a
	// terminal, before anything is written: it changes m with m.Choose or
	// m.ChooseAll and returns false when the user cancels the import.
	ReviewImport func(env *Env, m *site.Merge, source string) bool

	// localeKey is the --locale-file and --lang last applied: setLocale
	// runs for the global flags and again for the command's, and its
	// warnings are to show once.
	localeKey string
}

// Command is one subcommand.
type Command struct {
	Name string
	// Summary is the i18n key of the one-line description in --help.
	Summary string
	Run     func(env *Env, args []string) int
}

var commands = map[string]*Command{}

// register adds a subcommand; each lives in a file of its own.
func register(c *Command) { commands[c.Name] = c }

// Interactive starts the full-screen walk; package main sets it to tui.Run
// so that this package does not depend on the terminal UI.
var Interactive func(env *Env, args []string) int

// Run runs the command line args (without the program name).
func Run(env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Dir == "" {
		env.Dir, _ = os.Getwd()
	}
	env.Catalog = criteria.Default()
	fs := env.flagSet("bestpractices")
	showVersion := fs.Bool("version", false, "")
	fs.Usage = func() {}     // printed below, once --lang is known
	env.Loc = i18n.English() // for errors before --lang is read
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			env.setLocale()
			env.usage()
			return ExitOK
		}
		return ExitBadInput
	}
	if code, ok := env.setLocale(); !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintln(env.Stdout, "bestpractices", version())
		return ExitOK
	}
	rest := fs.Args()
	if len(rest) == 0 {
		if Interactive == nil {
			env.usage()
			return ExitBadInput
		}
		return Interactive(env, nil)
	}
	if rest[0] == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.Run(env, []string{"--help"})
			}
		}
		env.usage()
		return ExitOK
	}
	c, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.unknown_command", "Name", rest[0]))
		return ExitBadInput
	}
	return c.Run(env, rest[1:])
}

// flagSet returns a flag set that also accepts the global flags, so they
// work before or after the subcommand's name.
func (env *Env) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&env.File, "file", env.File, "")
	fs.StringVar(&env.Lang, "lang", env.Lang, "")
	fs.StringVar(&env.LocaleFile, "locale-file", env.LocaleFile, "")
	fs.BoolVar(&env.NoColor, "no-color", env.NoColor, "")
	fs.BoolVar(&env.Accessible, "accessible", env.Accessible, "")
	return fs
}

// parse parses a subcommand's flags, printing its help for -h/--help. It
// returns false with the exit status when the command must stop.
func (env *Env) parse(fs *flag.FlagSet, args []string, helpKey string) (int, bool) {
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, env.Loc.T(helpKey))
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.global_flags"))
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitBadInput, false
	}
	if code, ok := env.setLocale(); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.extra_args", "Args", strings.Join(fs.Args(), " ")))
		return ExitBadInput, false
	}
	return ExitOK, true
}

// setLocale applies --locale-file, --lang and the environment.
func (env *Env) setLocale() (int, bool) {
	key := env.LocaleFile + "\x00" + env.Lang
	if key == env.localeKey {
		return ExitOK, true
	}
	env.localeKey = key
	if env.LocaleFile != "" {
		return env.useLocaleFile() // in i18n.go
	}
	loc, warning := i18n.FromEnvironment(env.Lang, env.Getenv)
	if warning != "" && env.Lang != "" {
		fmt.Fprintln(env.Stderr, warning)
	}
	env.Loc = loc
	return ExitOK, true
}

func (env *Env) usage() {
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.usage"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stderr, "  %-16s %s\n", n, env.Loc.T(commands[n].Summary))
	}
	fmt.Fprintln(env.Stderr)
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.global_flags"))
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

// knownFormat reports whether got is one of formats, printing them when not.
func (env *Env) knownFormat(got string, formats ...string) bool {
	for _, f := range formats {
		if got == f {
			return true
		}
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.unknown_format", "Format", safetext.Line(got), "Formats", strings.Join(formats, ", ")))
	return false
}

// knownLevel reports whether name is a level, printing the choices when not.
func (env *Env) knownLevel(name string) bool {
	if _, ok := env.Catalog.Level(name); ok {
		return true
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.unknown_level", "Level", name, "Levels", strings.Join(env.Catalog.LevelNames(), ", ")))
	return false
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
