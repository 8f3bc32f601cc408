// Package cli is the bestpractices command line: global flags, the
// subcommands and their exit codes. It has no terminal UI of its own:
// package main passes package tui's in (UI), which runs the walk when no
// subcommand is given and asks security-policy's questions.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secpolicy"
	"github.com/bestpractices/bestpractices/internal/site"
)

// Exit statuses: 1 means "not there yet" (a level not reached), 2 bad input.
const (
	ExitOK       = environ.ExitOK
	ExitNotMet   = environ.ExitNotMet
	ExitBadInput = environ.ExitBadInput
)

// Env is the environment of a command (internal/environ: streams, working
// directory, shared options, the answers file) with what only the command
// line needs: the terminal UI it may start, and the flag parsing state.
type Env struct {
	*environ.Env
	ui UI

	// onFlagSet, when set, sees every flag set a command makes: completion
	// and man read the commands' flags from the commands themselves.
	onFlagSet func(name string, fs *flag.FlagSet)

	// localeKey is the --locale-file and --lang last applied: setLocale
	// runs for the global flags and again for the command's, and its
	// warnings are to show once.
	localeKey string
}

// UI is the terminal UI the commands may start; package main wires in
// package tui, so that this package has no terminal UI of its own. A nil
// field means there is none: the walk is not offered, and security-policy
// takes its answers from the flags alone.
type UI struct {
	// Walk runs the interactive walk on the answers file.
	Walk func(env *environ.Env) int
	// SecurityPolicy asks security-policy's questions, a holding the
	// values of the flags; it returns secpolicy.ErrCancelled when the user
	// gives up.
	SecurityPolicy func(env *environ.Env, a *secpolicy.Answers, site evidence.Site) error
	// Confirm asks a yes-or-no question, def being the answer offered; it
	// returns secpolicy.ErrCancelled when the user gives up.
	Confirm func(env *environ.Env, question string, def bool) (bool, error)
	// ReviewImport lets the user settle an import's conflicts one by one,
	// before anything is written: it changes m with m.Choose or
	// m.ChooseAll and returns false when the user cancels the import.
	ReviewImport func(env *environ.Env, m *site.Merge, source string) bool
}

// Command is one subcommand.
type Command struct {
	Name string
	// Summary is the i18n key of the one-line description in --help.
	Summary string
	Run     func(env *Env, args []string) int
}

// commands returns the subcommands by name; each runs from a file of its
// own. A function, not a table filled by init functions: nothing runs
// before main needs it.
func commands() map[string]*Command {
	list := []*Command{
		{Name: "carry", Summary: "ui.carry.summary", Run: runCarry},
		{Name: "check", Summary: "ui.cli.check.summary", Run: runCheck},
		{Name: "completion", Summary: "ui.clidoc.completion.summary", Run: runCompletion},
		{Name: "criteria", Summary: "ui.cli.criteria.summary", Run: runCriteria},
		{Name: "detect", Summary: "ui.detect.summary", Run: runDetect},
		{Name: "diff", Summary: "ui.site.diff.summary", Run: runDiff},
		{Name: "export", Summary: "ui.site.export.summary", Run: runExport},
		{Name: "i18n", Summary: "ui.i18ncmd.summary", Run: runI18n},
		{Name: "import", Summary: "ui.site.import.summary", Run: runImport},
		{Name: "lint", Summary: "ui.lint.summary", Run: runLint},
		{Name: "man", Summary: "ui.clidoc.man.summary", Run: runMan},
		{Name: "propose", Summary: "ui.site.propose.summary", Run: runPropose},
		{Name: "security-policy", Summary: "ui.detect.security.summary", Run: runSecurityPolicy},
		{Name: "status", Summary: "ui.cli.status.summary", Run: runStatus},
	}
	byName := make(map[string]*Command, len(list))
	for _, c := range list {
		byName[c.Name] = c
	}
	return byName
}

// Run runs the command line args (without the program name) in base, with
// ui as the terminal UI.
func Run(base *environ.Env, ui UI, args []string) int {
	return (&Env{Env: base, ui: ui}).run(args)
}

func (env *Env) run(args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Dir == "" {
		env.Dir, _ = os.Getwd()
	}
	env.Catalog = criteria.Default()
	fs := env.flagSet("bestpractices")
	showVersion := fs.Bool("version", false, "")
	env.Loc = i18n.English() // for errors before --lang is read
	if err := parseFlags(fs, args, env.usage); err != nil {
		env.setLocale()
		return env.flagFailed(err, fs.Usage)
	}
	if code, ok := env.setLocale(); !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintln(env.Stdout, versionLine(env.Loc)) // in version.go
		return ExitOK
	}
	rest := fs.Args()
	if len(rest) == 0 {
		if env.ui.Walk == nil {
			env.usage()
			return ExitBadInput
		}
		return env.ui.Walk(env.Env)
	}
	if rest[0] == "help" {
		if len(rest) > 1 {
			if c, ok := commands()[rest[1]]; ok {
				return c.Run(env, []string{"--help"})
			}
		}
		env.usage()
		return ExitOK
	}
	c, ok := commands()[rest[0]]
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
	fs.SetOutput(io.Discard) // its words are English: flagFailed says them
	fs.Usage = func() {}
	fs.StringVar(&env.File, "file", env.File, "")
	fs.StringVar(&env.Lang, "lang", env.Lang, "")
	fs.StringVar(&env.LocaleFile, "locale-file", env.LocaleFile, "")
	fs.BoolVar(&env.NoColor, "no-color", env.NoColor, "")
	fs.BoolVar(&env.Accessible, "accessible", env.Accessible, "")
	fs.BoolVar(&env.NoMouse, "no-mouse", env.NoMouse, "")
	if env.onFlagSet != nil {
		env.onFlagSet(name, fs)
	}
	return fs
}

// parse parses a subcommand's flags, printing its help for -h/--help. It
// returns false with the exit status when the command must stop.
func (env *Env) parse(fs *flag.FlagSet, args []string, helpKey string) (int, bool) {
	if err := parseFlags(fs, args, func() { env.help(helpKey) }); err != nil {
		return env.flagFailed(err, fs.Usage), false
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
	loc, warning := i18n.FromEnvironment(env.Lang, env.Getenv)
	env.Loc = loc
	if env.LocaleFile != "" {
		// The language asked for says why a locale file cannot be used,
		// like every other error; a usable file replaces it.
		return env.useLocaleFile() // in i18n.go
	}
	if warning != "" && env.Lang != "" {
		fmt.Fprintln(env.Stderr, warning)
	}
	return ExitOK, true
}

func (env *Env) usage() {
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.usage"))
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stderr, "  %-16s %s\n", n, env.Loc.T(cmds[n].Summary))
	}
	fmt.Fprintln(env.Stderr)
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.global_flags"))
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

// parseFlags parses fs, whose Usage then prints help (the completion and
// the man page read each command's help through it). While parsing it
// prints nothing: the flag package would show it before the error.
func parseFlags(fs *flag.FlagSet, args []string, help func()) error {
	parsing := true
	fs.Usage = func() {
		if !parsing {
			help()
		}
	}
	err := fs.Parse(args)
	parsing = false
	return err
}

// flagFailed ends a command whose flags did not read: -h or --help shows
// the help (exit 0); anything else is said in the user's language, then
// the help (exit 2).
func (env *Env) flagFailed(err error, help func()) int {
	if errors.Is(err, flag.ErrHelp) {
		help()
		return ExitOK
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", flagMessage(env.Loc, err)))
	help()
	return ExitBadInput
}

// The flag package's errors, as it words them.
var (
	flagUnknown    = lazyregexp.New(`^flag provided but not defined: -+(.*)$`)
	flagValue      = lazyregexp.New(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): `)
	flagNeedsValue = lazyregexp.New(`^flag needs an argument: -+(.*)$`)
	flagSyntax     = lazyregexp.New(`^bad flag syntax: (.*)$`)
)

// flagMessage is a flag error in loc's language; what the user typed is
// shown escaped.
func flagMessage(loc *i18n.Locale, err error) string {
	msg := err.Error()
	flagName := func(n string) string { return safetext.Key("--" + n) }
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		return loc.T("ui.cli.flag_unknown", "Flag", flagName(m[1]))
	}
	if m := flagValue.FindStringSubmatch(msg); m != nil {
		return loc.T("ui.cli.flag_value", "Flag", flagName(m[2]), "Value", safetext.Key(m[1]))
	}
	if m := flagNeedsValue.FindStringSubmatch(msg); m != nil {
		return loc.T("ui.cli.flag_needs_value", "Flag", flagName(m[1]))
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return loc.T("ui.cli.flag_syntax", "Value", safetext.Key(m[1]))
	}
	return safetext.Line(msg)
}
