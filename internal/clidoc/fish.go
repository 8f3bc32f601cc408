package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Fish writes the fish completion script.
func Fish(w io.Writer, p *Program) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# fish completion for %s, written by `%s completion fish`.\n", p.Name, p.Name)
	fmt.Fprintf(&b, "# Save it as ~/.config/fish/completions/%s.fish, or load it with: %s completion fish | source\n\n", p.Name, p.Name)
	c := "complete -c " + p.Name
	// Arguments are not file names unless a command says so.
	b.WriteString(c + " -f\n")
	for _, f := range p.Global {
		b.WriteString(c + fishFlag(f) + "\n")
	}
	for _, f := range p.Flags {
		b.WriteString(c + " -n __fish_use_subcommand" + fishFlag(f) + "\n")
	}
	b.WriteString(c + " -s h -l help\n")
	names := strings.Join(p.names(), " ")
	for _, cmd := range p.Commands {
		fmt.Fprintf(&b, "%s -n __fish_use_subcommand -a %s -d %s\n", c, fishQuote(cmd.Name), fishQuote(oneLine(cmd.Summary)))
	}
	fmt.Fprintf(&b, "%s -n __fish_use_subcommand -a help -d %s\n", c, fishQuote(oneLine(p.HelpSummary)))
	fmt.Fprintf(&b, "%s -n '__fish_seen_subcommand_from help' -a %s\n", c, fishQuote(names))
	// A subcommand's name may also be a command's (i18n status, status):
	// a command's own flags apply only outside the commands that have
	// subcommands.
	var parents []string
	for _, cmd := range p.Commands {
		if len(cmd.Sub) > 0 {
			parents = append(parents, cmd.Name)
		}
	}
	for _, cmd := range p.Commands {
		if len(cmd.Sub) == 0 {
			cond := "__fish_seen_subcommand_from " + cmd.Name
			if len(parents) > 0 {
				cond += "; and not __fish_seen_subcommand_from " + strings.Join(parents, " ")
			}
			fishCommand(&b, c, cond, cmd)
			continue
		}
		var subs []string
		for _, s := range cmd.Sub {
			subs = append(subs, strings.TrimPrefix(s.Name, cmd.Name+" "))
		}
		none := fmt.Sprintf("__fish_seen_subcommand_from %s; and not __fish_seen_subcommand_from %s", cmd.Name, strings.Join(subs, " "))
		for i, s := range cmd.Sub {
			fmt.Fprintf(&b, "%s -n %s -a %s -d %s\n", c, fishQuote(none), fishQuote(subs[i]), fishQuote(oneLine(s.Summary)))
			fishCommand(&b, c, fmt.Sprintf("__fish_seen_subcommand_from %s; and __fish_seen_subcommand_from %s", cmd.Name, subs[i]), s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func fishCommand(b *strings.Builder, c, cond string, cmd Command) {
	for _, f := range cmd.Flags {
		b.WriteString(c + " -n " + fishQuote(cond) + fishFlag(f) + "\n")
	}
	switch {
	case cmd.Files:
		b.WriteString(c + " -n " + fishQuote(cond) + " -F\n")
	case len(safeWords(cmd.Args)) > 0:
		b.WriteString(c + " -n " + fishQuote(cond) + " -a " + fishQuote(strings.Join(safeWords(cmd.Args), " ")) + "\n")
	}
}

// fishFlag is the part of a complete line that names a flag and its value.
func fishFlag(f Flag) string {
	s := " -l " + f.Name
	if len(f.Name) == 1 {
		s = " -s " + f.Name
	}
	switch {
	case f.Bool:
		return s
	case f.Files:
		return s + " -r -F"
	case len(safeWords(f.Values)) > 0:
		return s + " -x -a " + fishQuote(strings.Join(safeWords(f.Values), " "))
	}
	return s + " -x"
}

// fishQuote single-quotes s for fish, where \ and ' are the only escapes.
func fishQuote(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
}
