package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Man writes the man page (roff, man macros) for section 1. It has no
// date, so that the same program always gives the same page.
func Man(w io.Writer, p *Program) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 \"\" %s\n", roffArg(strings.ToUpper(p.Name)), roffArg(p.Name+" "+p.Version))
	// Left-aligned and unhyphenated: flags and file names stay whole, and
	// Japanese lines, which have no spaces to stretch, need no adjusting.
	b.WriteString(".ad l\n.nh\n")
	heading(&b, p.Headings.Name)
	fmt.Fprintf(&b, "%s \\- %s\n", roffText(p.Name), roffText(oneLine(p.Summary)))
	heading(&b, p.Headings.Synopsis)
	b.WriteString(".nf\n")
	for _, line := range p.Synopsis {
		b.WriteString(roffText(oneLine(line)) + "\n")
	}
	b.WriteString(".fi\n")
	heading(&b, p.Headings.Description)
	preformatted(&b, p.Usage)
	heading(&b, p.Headings.Commands)
	for _, c := range p.Commands {
		command(&b, c)
		for _, s := range c.Sub {
			command(&b, s)
		}
	}
	heading(&b, p.Headings.Options)
	preformatted(&b, p.GlobalHelp)
	for _, s := range p.Sections {
		heading(&b, s.Title)
		preformatted(&b, s.Body)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func heading(b *strings.Builder, title string) {
	fmt.Fprintf(b, ".SH %s\n", roffArg(strings.ToUpper(oneLine(title))))
}

func command(b *strings.Builder, c Command) {
	fmt.Fprintf(b, ".SS %s\n", roffArg(c.Name))
	// As --help shows them, line for line: roff cannot break Japanese.
	b.WriteString(".nf\n" + roffText(oneLine(c.Summary)) + "\n.fi\n")
	if c.Help != "" {
		preformatted(b, c.Help)
	}
}

// preformatted keeps a help text's own lines, as --help prints them.
func preformatted(b *strings.Builder, text string) {
	b.WriteString(".PP\n.nf\n")
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(roffText(strings.TrimRight(safeLine(line), " ")) + "\n")
	}
	b.WriteString(".fi\n")
}

// safeLine is one line of text with no control characters left, its
// indentation kept.
func safeLine(s string) string {
	indent := len(s) - len(strings.TrimLeft(s, " "))
	return strings.Repeat(" ", indent) + oneLine(s)
}

// roffText escapes a line of text: backslashes, hyphens (so that flags stay
// copyable), and a leading dot or quote that roff would read as a request.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffArg is a macro argument: escaped text in double quotes.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(roffText(oneLine(s)), `"`, `\(dq`) + `"`
}
