package clidoc

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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
	fmt.Fprintf(&b, "%s \\- %s\n", roffText(p.Name), roffText(breakable(oneLine(p.Summary))))
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
	b.WriteString(roffText(breakable(oneLine(c.Summary))) + "\n")
	if c.Help != "" {
		preformatted(b, c.Help)
	}
}

// preformatted writes a help text: paragraphs of prose are filled to the
// reader's width; a paragraph laid out by hand (indented lines, columns
// aligned with spaces) keeps its lines, as --help prints them.
func preformatted(b *strings.Builder, text string) {
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n\n") {
		lines := strings.Split(para, "\n")
		b.WriteString(".PP\n")
		if laidOut(lines) {
			b.WriteString(".nf\n")
			for _, line := range lines {
				b.WriteString(roffText(strings.TrimRight(safeLine(line), " ")) + "\n")
			}
			b.WriteString(".fi\n")
			continue
		}
		b.WriteString(roffText(breakable(joinLines(lines))) + "\n")
	}
}

// laidOut reports whether a paragraph's layout is part of its meaning.
func laidOut(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, " ") || strings.Contains(strings.TrimSpace(l), "  ") {
			return true
		}
	}
	return false
}

// joinLines makes one line of a paragraph's lines: with a space, except
// between two wide (CJK) characters, where a space would be a mistake.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = oneLine(l)
		if i > 0 && b.Len() > 0 && l != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !wide(prev) || !wide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// breakable marks where roff may break a line that has no spaces: after
// each wide character (Japanese and Chinese text has no spaces to break at).
func breakable(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if wide(r) {
			b.WriteString("\x00")
		}
	}
	return b.String()
}

// wide reports whether r is East Asian wide: Hangul Jamo, the CJK
// blocks (punctuation, kana, ideographs), Hangul syllables, full-width forms.
func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
		r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6:
		return true
	}
	return false
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
	s = strings.ReplaceAll(s, "\x00", `\:`) // break points set by breakable
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffArg is a macro argument: escaped text in double quotes.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(roffText(oneLine(s)), `"`, `\(dq`) + `"`
}
