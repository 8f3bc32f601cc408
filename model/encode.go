package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// How a value is written to the file. The rule: what we write reads back as
// exactly the same text, and puts no raw line break, control or invisible
// character in the file (each would make its lines differ from what YAML,
// editors and reviewers see). Text that holds one is written in double
// quotes with escapes (\r, \L, \u202e...).

// plainRune: a character we write as itself.
func plainRune(r rune) bool {
	return r == ' ' || (unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) && r != utf8.RuneError)
}

// needsEscape reports whether s holds a character we do not write raw.
func needsEscape(s string) bool {
	for _, r := range s {
		if r >= 0x20 && r < 0x7f {
			continue
		}
		if !plainRune(r) {
			return true
		}
	}
	return false
}

// doubleQuoted writes s in double quotes, escaping what is not plain.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case r >= 0x20 && r < 0x7f || r >= 0x80 && plainRune(r):
				b.WriteRune(r)
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// inlineScalar writes s on one line: plain when YAML reads that back as the
// same text (in a flow collection, also without , [ ] { }), else quoted.
func inlineScalar(s string, flow bool) string {
	if needsEscape(s) || strings.Contains(s, "\n") {
		return doubleQuoted(s)
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return doubleQuoted(s)
	}
	text := strings.TrimSuffix(string(out), "\n")
	if strings.ContainsAny(text, "\n\r") || (flow && strings.ContainsAny(text, ",[]{}") && text[0] != '\'' && text[0] != '"') {
		return doubleQuoted(s)
	}
	return text
}

// literalBlock writes s as a | block whose lines are indented by indent
// spaces and end with eol, when s suits one: several lines, the first one
// with text and not starting with a blank (YAML takes the block's
// indentation from it), no trailing blanks, at most one final line break.
// ok is false otherwise.
func literalBlock(s string, indent int, eol string) (string, bool) {
	if !strings.Contains(s, "\n") || needsEscape(strings.NewReplacer("\n", " ", "\t", " ").Replace(s)) || strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, "\n") {
		return "", false
	}
	header := "|-"
	body := s
	if strings.HasSuffix(s, "\n") {
		header = "|"
		body = strings.TrimSuffix(s, "\n")
	}
	lines := strings.Split(body, "\n")
	firstText := true
	for _, l := range lines {
		if l == "" {
			continue
		}
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
			return "", false
		}
		if firstText && (l[0] == ' ' || l[0] == '\t') {
			return "", false
		}
		firstText = false
	}
	if firstText {
		return "", false // only line breaks
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	b.WriteString(header)
	for _, l := range lines {
		b.WriteString(eol)
		if l != "" {
			b.WriteString(pad)
			b.WriteString(l)
		}
	}
	return b.String(), true
}

// statusText is how a status is written: its canonical word, with ? quoted.
func statusText(s Status) string {
	if s == Unknown {
		return `"?"`
	}
	return s.String()
}
