// Package clidoc writes what a shell and man need to know about the
// command line: completion scripts for bash, zsh and fish, and a man page.
// Both are made from one description of the commands (Program), which
// package cli reads from the commands themselves and their help texts, so
// that neither can drift from the program.
package clidoc

import (
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Program is the command line as completion and man see it.
type Program struct {
	Name    string // bestpractices
	Version string
	// Summary is the one-line description (man's NAME section).
	Summary string
	// HelpSummary describes the help command (help COMMAND).
	HelpSummary string
	// Synopsis are the ways to run the program, one a line.
	Synopsis []string
	// Usage is the general help text; GlobalHelp the text on the flags
	// every command takes.
	Usage, GlobalHelp string
	// Flags are those of the program itself (--version); Global those every
	// command takes too.
	Flags, Global []Flag
	Commands      []Command
	// Sections are the man page's closing sections (exit status, files,
	// environment, see also), in order.
	Sections []Section
	// Headings are the man page's section titles in the page's language:
	// name, synopsis, description, commands, options.
	Headings Headings
}

// Headings are the man page's own section titles.
type Headings struct {
	Name, Synopsis, Description, Commands, Options string
}

// Section is a titled block of preformatted text.
type Section struct {
	Title, Body string
}

// Command is one command, or one subcommand (Name "i18n check").
type Command struct {
	Name    string
	Summary string
	Help    string
	Flags   []Flag
	// Files is true when the command takes file names as arguments; Args
	// are the words it takes instead (completion bash|zsh|fish).
	Files bool
	Args  []string
	Sub   []Command
}

// Flag is one flag and what may follow it.
type Flag struct {
	Name string
	Bool bool
	// Values are the words the flag takes (level names, formats,
	// criterion ids); Files means a file name.
	Values []string
	Files  bool
}

// Spelled is the flag as users type it: --level, -o.
func (f Flag) Spelled() string {
	if len(f.Name) == 1 {
		return "-" + f.Name
	}
	return "--" + f.Name
}

// word is what a completion script may offer as a value without quoting.
var word = lazyregexp.New(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)

// safeWords keeps the values a shell can take as they are: anything else
// (a locale file may say anything) is left out rather than quoted wrong.
func safeWords(vs []string) []string {
	var out []string
	for _, v := range vs {
		if word.MatchString(v) {
			out = append(out, v)
		}
	}
	return out
}

// oneLine makes a description fit on one line of a script.
func oneLine(s string) string { return strings.TrimSpace(safetext.Line(s)) }

// all lists the commands and subcommands, each once.
func (p *Program) all() []Command {
	var out []Command
	for _, c := range p.Commands {
		out = append(out, c)
		out = append(out, c.Sub...)
	}
	return out
}

func (p *Program) names() []string {
	out := make([]string, len(p.Commands))
	for i, c := range p.Commands {
		out[i] = c.Name
	}
	return out
}

// valueFlags lists the flags that take a value, global ones last.
func valueFlags(fs []Flag) []Flag {
	var out []Flag
	for _, f := range fs {
		if !f.Bool {
			out = append(out, f)
		}
	}
	return out
}

func spelled(fs []Flag) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Spelled()
	}
	return out
}
