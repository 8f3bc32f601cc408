package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Zsh writes the zsh completion script (a #compdef file for $fpath, or to
// source).
func Zsh(w io.Writer, p *Program) error {
	fn := "_" + strings.ReplaceAll(p.Name, "-", "_")
	var b strings.Builder
	fmt.Fprintf(&b, "#compdef %s\n# zsh completion for %s, written by `%s completion zsh`.\n", p.Name, p.Name, p.Name)
	fmt.Fprintf(&b, "# Save it as _%s in a directory of $fpath, or load it with: source <(%s completion zsh)\n\n", p.Name, p.Name)
	fmt.Fprintf(&b, "%s() {\n    local curcontext=\"$curcontext\" state line ret=1\n", fn)
	fmt.Fprintf(&b, "    local -a global=(%s)\n", zshSpecs(p.Global))
	fmt.Fprintf(&b, "    local -a commands=(%s %s)\n", zshDescribed(p.Commands, ""), zshQuote("help:"+strings.ReplaceAll(oneLine(p.HelpSummary), ":", `\:`)))
	fmt.Fprintf(&b, "    _arguments -C $global %s '(-h --help)'{-h,--help} '1:command:->command' '*::argument:->argument' && ret=0\n", zshSpecs(p.Flags))
	b.WriteString("    case $state in\n")
	b.WriteString("    command)\n        _describe -t commands command commands && ret=0 ;;\n")
	b.WriteString("    argument)\n        case $words[1] in\n")
	b.WriteString("        help) _describe -t commands command commands && ret=0 ;;\n")
	for _, c := range p.Commands {
		if len(c.Sub) == 0 {
			fmt.Fprintf(&b, "        %s) _arguments $global %s && ret=0 ;;\n", zshWord(c.Name), zshCommandSpecs(c))
			continue
		}
		fmt.Fprintf(&b, "        %s)\n", zshWord(c.Name))
		fmt.Fprintf(&b, "            local -a subcommands=(%s)\n", zshDescribed(c.Sub, c.Name+" "))
		b.WriteString("            if (( CURRENT == 2 )); then\n                _describe -t commands subcommand subcommands && ret=0\n            else\n")
		b.WriteString("                shift words\n                (( CURRENT-- ))\n                case $words[1] in\n")
		for _, s := range c.Sub {
			fmt.Fprintf(&b, "                %s) _arguments $global %s && ret=0 ;;\n", zshWord(strings.TrimPrefix(s.Name, c.Name+" ")), zshCommandSpecs(s))
		}
		b.WriteString("                esac\n            fi ;;\n")
	}
	b.WriteString("        esac ;;\n    esac\n    return ret\n}\n\n")
	fmt.Fprintf(&b, "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n    %s \"$@\"\nelse\n    compdef %s %s\nfi\n", fn, fn, p.Name)
	_, err := io.WriteString(w, b.String())
	return err
}

// zshQuote single-quotes s for zsh.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshWord is a command name as a case pattern; names are plain words.
func zshWord(s string) string { return zshQuote(s) }

func zshSpecs(fs []Flag) string {
	var out []string
	for _, f := range fs {
		out = append(out, zshQuote(zshSpec(f)))
	}
	return strings.Join(out, " ")
}

// zshSpec is one _arguments option: --level=:level:(passing silver).
func zshSpec(f Flag) string {
	if f.Bool {
		return f.Spelled()
	}
	sep := "=" // --file=x or --file x
	if len(f.Name) == 1 {
		sep = "+" // -ox or -o x
	}
	spec := f.Spelled() + sep + ":" + f.Name + ":"
	switch {
	case f.Files:
		return spec + "_files"
	case len(safeWords(f.Values)) > 0:
		return spec + "(" + strings.Join(safeWords(f.Values), " ") + ")"
	}
	return spec + " "
}

func zshCommandSpecs(c Command) string {
	s := zshSpecs(c.Flags)
	switch {
	case c.Files:
		s += " '*:file:_files'"
	case len(safeWords(c.Args)) > 0:
		s += " " + zshQuote("1:argument:("+strings.Join(safeWords(c.Args), " ")+")")
	}
	return s
}

// zshDescribed lists name:summary pairs for _describe.
func zshDescribed(cs []Command, prefix string) string {
	var out []string
	for _, c := range cs {
		name := strings.TrimPrefix(c.Name, prefix)
		desc := strings.ReplaceAll(oneLine(c.Summary), ":", `\:`)
		out = append(out, zshQuote(name+":"+desc))
	}
	return strings.Join(out, " ")
}
