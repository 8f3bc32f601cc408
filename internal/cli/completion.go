package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/clidoc"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// runCompletion writes the completion script for a shell.
func runCompletion(env *Env, args []string) int {
	fs := env.flagSet("completion")
	pos, code, ok := env.parseArgs(fs, args, "ui.clidoc.completion.help")
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.clidoc.completion.need_shell"))
		return ExitBadInput
	}
	write := map[string]func(io.Writer, *clidoc.Program) error{"bash": clidoc.Bash, "zsh": clidoc.Zsh, "fish": clidoc.Fish}[pos[0]]
	if write == nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.clidoc.completion.unknown_shell", "Shell", safetext.Line(pos[0])))
		return ExitBadInput
	}
	return env.writeDoc(write)
}

// runMan writes the man page.
func runMan(env *Env, args []string) int {
	fs := env.flagSet("man")
	if code, ok := env.parse(fs, args, "ui.clidoc.man.help"); !ok {
		return code
	}
	return env.writeDoc(clidoc.Man)
}

func (env *Env) writeDoc(write func(io.Writer, *clidoc.Program) error) int {
	if err := write(env.Stdout, env.Program()); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return ExitBadInput
	}
	return ExitOK
}

// Program describes the command line for completion and man, read from
// the commands themselves: each runs with --help, and the flags it
// defines and the help it prints are taken down. Words a flag takes come
// from the English help (--format text|json) or from the catalog.
func (env *Env) Program() *clidoc.Program {
	en := i18n.English()
	bi, _ := debug.ReadBuildInfo()
	p := &clidoc.Program{
		Name:        "bestpractices",
		Version:     ReadVersion(Version, Commit, bi).Version,
		Summary:     env.Loc.T("ui.clidoc.man.summary_line"),
		HelpSummary: env.Loc.T("ui.clidoc.help_summary"),
		Usage:       env.Loc.T("ui.clidoc.man.description"),
		GlobalHelp:  env.Loc.T("ui.cli.global_flags"),
		Headings: clidoc.Headings{
			Name:        env.Loc.T("ui.clidoc.man.name"),
			Synopsis:    env.Loc.T("ui.clidoc.man.synopsis"),
			Description: env.Loc.T("ui.clidoc.man.description_title"),
			Commands:    env.Loc.T("ui.clidoc.man.commands"),
			Options:     env.Loc.T("ui.clidoc.man.options"),
		},
	}
	// The synopsis is the usage's own lines: "  bestpractices COMMAND [flags]   what".
	for _, m := range regexp.MustCompile(`(?m)^  (bestpractices\b.*?\S)(?: {2,}.*)?$`).FindAllStringSubmatch(env.Loc.T("ui.cli.usage"), -1) {
		p.Synopsis = append(p.Synopsis, m[1])
	}
	for _, s := range []string{"exit_status", "files", "environment", "see_also"} {
		p.Sections = append(p.Sections, clidoc.Section{Title: env.Loc.T("ui.clidoc.man." + s + "_title"), Body: env.Loc.T("ui.clidoc.man." + s)})
	}

	global := map[string]bool{}
	for _, f := range env.flags((&Env{Env: &environ.Env{}}).flagSet("global"), "", en) {
		global[f.Name] = true
		p.Global = append(p.Global, f)
	}
	for _, f := range env.flags(env.probe(nil).sets["bestpractices"], "", en) {
		if !global[f.Name] {
			p.Flags = append(p.Flags, f) // --version
		}
	}
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := env.describe([]string{n}, global)
		c.Summary = env.Loc.T(cmds[n].Summary)
		for _, sub := range subcommands(c.english) {
			s := env.describe([]string{n, sub}, global)
			if s.Help == "" {
				continue // a line of the help, not a subcommand of its own
			}
			s.Summary = subcommandSummary(sub, c.Help, c.english)
			c.Sub = append(c.Sub, s.Command)
		}
		p.Commands = append(p.Commands, c.Command)
	}
	return p
}

// probe runs the command line args with --help, quietly, and keeps the
// flag sets the command made.
type probed struct {
	env  *Env
	sets map[string]*flag.FlagSet
}

func (env *Env) probe(args []string) probed {
	sub := &Env{Env: &environ.Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Dir: env.Dir}}
	pr := probed{env: sub, sets: map[string]*flag.FlagSet{}}
	sub.onFlagSet = func(name string, fs *flag.FlagSet) { pr.sets[name] = fs }
	sub.run(append(append([]string(nil), args...), "--help"))
	return pr
}

// helpIn is the help a probed flag set prints, in loc's language, without
// the closing text on the global flags.
func (pr probed) helpIn(fs *flag.FlagSet, loc *i18n.Locale) string {
	if fs == nil || fs.Usage == nil {
		return ""
	}
	var buf bytes.Buffer
	pr.env.Loc, pr.env.Stderr = loc, &buf
	fs.Usage()
	text := strings.TrimSuffix(buf.String(), loc.T("ui.cli.global_flags")+"\n")
	return strings.TrimRight(text, "\n")
}

type described struct {
	clidoc.Command
	english string // the English help, where words and file arguments are read
}

func (env *Env) describe(path []string, global map[string]bool) described {
	pr := env.probe(path)
	name := strings.Join(path, " ")
	fs := pr.sets[name]
	d := described{Command: clidoc.Command{Name: name}}
	if fs == nil {
		return d
	}
	d.english = pr.helpIn(fs, i18n.English())
	d.Help = pr.helpIn(fs, env.Loc)
	for _, f := range env.flags(fs, d.english, i18n.English()) {
		if !global[f.Name] {
			d.Flags = append(d.Flags, f)
		}
	}
	d.Files = takesFiles(d.english)
	d.Args = argChoices(d.english, name)
	return d
}

// flags lists a flag set's flags with the words they take.
func (env *Env) flags(fs *flag.FlagSet, help string, en *i18n.Locale) []clidoc.Flag {
	var out []clidoc.Flag
	if fs == nil {
		return nil
	}
	global := en.T("ui.cli.global_flags")
	fs.VisitAll(func(fl *flag.Flag) {
		f := clidoc.Flag{Name: fl.Name}
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			f.Bool = true
			out = append(out, f)
			return
		}
		switch fl.Name {
		case "level":
			f.Values = env.Catalog.LevelNames()
		case "lang":
			f.Values = i18n.Available()
		case "take", "search":
			f.Values = env.Catalog.IDs()
		default:
			f.Values = choices(help, fl.Name)
			f.Files = takesFile(help+"\n"+global, fl.Name)
		}
		out = append(out, f)
	})
	return out
}

// choices reads "--format text|json|markdown" in a help text.
func choices(help, name string) []string {
	m := regexp.MustCompile(`(?:^|[\s\[])--?` + regexp.QuoteMeta(name) + `[ =]([a-z0-9-]+(?:\|[a-z0-9-]+)+)`).FindStringSubmatch(help)
	if m == nil {
		return nil
	}
	return strings.Split(m[1], "|")
}

// takesFile reads "--file PATH" or "-o FILE" in a help text.
func takesFile(help, name string) bool {
	return regexp.MustCompile(`(?:^|[\s\[])--?` + regexp.QuoteMeta(name) + `[ =](FILE|PATH)\b`).MatchString(help)
}

// takesFiles reads a usage line with FILE arguments, like
// "Usage: bestpractices import FILE [--overwrite]".
func takesFiles(help string) bool {
	line, _, _ := strings.Cut(help, "\n")
	line = regexp.MustCompile(`\[-[^\]]*\]`).ReplaceAllString(line, "")
	return regexp.MustCompile(`\bFILE\b`).MatchString(line)
}

// argChoices reads the words a command takes as its argument in its
// usage line: "Usage: bestpractices completion bash|zsh|fish".
func argChoices(help, name string) []string {
	line, _, _ := strings.Cut(help, "\n")
	m := regexp.MustCompile(`bestpractices ` + regexp.QuoteMeta(name) + ` ([a-z0-9-]+(?:\|[a-z0-9-]+)+)(?:\s|$)`).FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	return strings.Split(m[1], "|")
}

// subcommands reads a command's subcommands from its English help: the
// lines "  status [--format text|json] ...  what it does".
func subcommands(help string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^  ([a-z][a-z0-9-]*) .*\S {2,}\S`).FindAllStringSubmatch(help, -1) {
		out = append(out, m[1])
	}
	return out
}

// subcommandSummary is what a subcommand does, as its command's help says
// it after the usage ("  check [--verbose] FILE...   lint locale files"):
// in the user's language, else in English.
func subcommandSummary(sub string, helps ...string) string {
	re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(sub) + ` .*?\S {2,}(\S.*)$`)
	for _, h := range helps {
		if m := re.FindStringSubmatch(h); m != nil {
			return m[1]
		}
	}
	return ""
}
