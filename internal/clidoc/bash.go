package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Bash writes the bash completion script.
func Bash(w io.Writer, p *Program) error {
	fn := "_" + strings.ReplaceAll(p.Name, "-", "_")
	var b strings.Builder
	fmt.Fprintf(&b, "# bash completion for %s, written by `%s completion bash`.\n", p.Name, p.Name)
	fmt.Fprintf(&b, "# Load it with: source <(%s completion bash)\n\n", p.Name)

	// The value a flag takes: words, __files__, __any__; none for a switch.
	fmt.Fprintf(&b, "%s_values() {\n    case \"$1|$2\" in\n", fn)
	for _, c := range p.all() {
		for _, f := range valueFlags(c.Flags) {
			fmt.Fprintf(&b, "        %q|%q) echo %s ;;\n", c.Name+"|--"+f.Name, c.Name+"|-"+f.Name, bashValue(f))
		}
	}
	for _, f := range valueFlags(append(append([]Flag{}, p.Global...), p.Flags...)) {
		fmt.Fprintf(&b, "        *%q|*%q) echo %s ;;\n", "|--"+f.Name, "|-"+f.Name, bashValue(f))
	}
	b.WriteString("        *) return 1 ;;\n    esac\n}\n\n")

	fmt.Fprintf(&b, "%s_flags() {\n    case $1 in\n", fn)
	global := strings.Join(spelled(p.Global), " ")
	fmt.Fprintf(&b, "        \"\") echo %s ;;\n", strings.Join(append(spelled(p.Flags), "--help", global), " "))
	for _, c := range p.all() {
		fmt.Fprintf(&b, "        %q) echo %s ;;\n", c.Name, strings.Join(append(spelled(c.Flags), "--help", global), " "))
	}
	b.WriteString("    esac\n}\n\n")

	fmt.Fprintf(&b, "%s() {\n", fn)
	b.WriteString(`    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" i w
    # --flag=value: bash splits the word at "=".
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
            = | -*=*) ;;
            -*)
`)
	fmt.Fprintf(&b, "                if %s_values \"$cmd\" \"$w\" >/dev/null && [[ ${COMP_WORDS[i+1]} != \"=\" ]]; then ((i++)); fi ;;\n", fn)
	b.WriteString(`            *)
                if [[ -z $cmd ]]; then
                    cmd=$w
`)
	for _, c := range p.Commands {
		if len(c.Sub) > 0 {
			fmt.Fprintf(&b, "                elif [[ $cmd == %q ]]; then\n                    cmd=\"$cmd $w\"\n", c.Name)
		}
	}
	b.WriteString("                fi ;;\n        esac\n    done\n")
	fmt.Fprintf(&b, "    if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W \"$(%s_flags \"$cmd\")\" -- \"$cur\"))\n        return\n    fi\n", fn)
	fmt.Fprintf(&b, "    local values\n    if values=$(%s_values \"$cmd\" \"$prev\"); then\n", fn)
	b.WriteString(`        case $values in
            __files__ | __any__) COMPREPLY=() ;;
            *)
                # A list (--take ID,ID): complete the word after the last comma.
                if [[ $cur == *,* ]]; then
                    COMPREPLY=($(compgen -P "${cur%,*}," -W "$values" -- "${cur##*,}"))
                else
                    COMPREPLY=($(compgen -W "$values" -- "$cur"))
                fi ;;
        esac
        return
    fi
    case $cmd in
`)
	names := strings.Join(p.names(), " ")
	fmt.Fprintf(&b, "        \"\") COMPREPLY=($(compgen -W \"%s help\" -- \"$cur\")) ;;\n", names)
	fmt.Fprintf(&b, "        help) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")) ;;\n", names)
	for _, c := range p.Commands {
		if len(c.Sub) > 0 {
			var subs []string
			for _, s := range c.Sub {
				subs = append(subs, strings.TrimPrefix(s.Name, c.Name+" "))
			}
			fmt.Fprintf(&b, "        %q) COMPREPLY=($(compgen -W \"%s help\" -- \"$cur\")) ;;\n", c.Name, strings.Join(subs, " "))
		}
	}
	for _, c := range p.all() {
		if words := safeWords(c.Args); len(words) > 0 {
			fmt.Fprintf(&b, "        %q) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")) ;;\n", c.Name, strings.Join(words, " "))
		}
	}
	b.WriteString("        *) COMPREPLY=() ;; # arguments: file names (complete -o default)\n    esac\n}\n\n")
	fmt.Fprintf(&b, "complete -o default -F %s %s\n", fn, p.Name)
	_, err := io.WriteString(w, b.String())
	return err
}

func bashValue(f Flag) string {
	switch {
	case f.Files:
		return "__files__"
	case len(safeWords(f.Values)) > 0:
		return "'" + strings.Join(safeWords(f.Values), " ") + "'"
	}
	return "__any__"
}
