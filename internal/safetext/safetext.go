// Package safetext makes text from files (answers, locale files) safe to
// put on a terminal: no escape sequences, no control characters.
package safetext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean removes terminal escape sequences and control characters from s,
// keeping newlines and tabs. Bidirectional controls go too (the marks
// U+200E, U+200F and U+061C as well as the overrides and isolates): they
// can make a line read differently from what it holds; and so do invisible
// format characters (Invisible). The line breaks that YAML counts and
// terminals do not show as such (NEL, LS, PS) become newlines, so that a
// text is shown on the lines it is read as.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u0085' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\r':
			return -1
		case unicode.IsControl(r), isBidiControl(r), Invisible(r):
			return -1
		}
		return r
	}, s)
}

// Line is Clean for one-line places (a list row, a title): newlines and
// tabs become spaces.
func Line(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, Clean(s))
}

// isPlain is the fast path: printable ASCII and ordinary Unicode only.
func isPlain(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || isBidiControl(r) || Invisible(r) {
			return false
		}
	}
	return true
}

// isBidiControl: Unicode's Bidi_Control characters.
func isBidiControl(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// Invisible reports whether r is a format character that shows nothing
// and takes no cell (zero-width space U+200B, byte-order mark U+FEFF, word
// joiner, soft hyphen, tags...): a text can hide a difference behind it,
// and a terminal shows it as nothing or as garbage. The joiners U+200C and
// U+200D stay (they shape Indic and Persian words and emoji), and so do
// the marks that show (Arabic number signs); bidirectional controls have
// their own rule.
func Invisible(r rune) bool {
	return r >= 0xad && unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d &&
		!unicode.Is(unicode.Prepended_Concatenation_Mark, r) && !isBidiControl(r)
}

// maxKey is how much of a key or id Key shows: enough for any real one.
const maxKey = 64

// maxValue is how much of a value Value shows: a long URL, a name.
const maxValue = 200

// Key shows a key or criterion id read from a file. A plain one (visible
// characters, no spaces) is shown as it is; any other is quoted with its
// odd characters escaped (\x1b, \u202e, \n), so that the user sees what is
// really there and can find it in the file. Past maxKey characters it is
// cut, with an ellipsis.
func Key(s string) string {
	return quoted(s, maxKey, func(r rune) bool { return r != ' ' && !unicode.IsSpace(r) })
}

// Value shows a value read from a file, such as a URL or a project's name,
// in a message, as Key does a key: as it is when it is plain (visible
// characters and spaces, none at either end), else quoted with its odd
// characters escaped, so that a value holding an escape sequence or an
// invisible character never looks like the one it imitates. Past maxValue
// characters it is cut, with an ellipsis.
func Value(s string) string {
	if strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return quoted(s, maxValue, func(rune) bool { return false })
	}
	return quoted(s, maxValue, func(r rune) bool { return r == ' ' || !unicode.IsSpace(r) })
}

// quoted is s as it is when every character is visible and ok, else
// quoted with escapes; cut past max characters.
func quoted(s string, max int, ok func(rune) bool) string {
	plain := s != ""
	n := 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r < ' ' || r == 0x7f || !unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) || !ok(r) || r == '"' {
			plain = false
		}
	}
	cut := s
	if n > max {
		cut = string([]rune(s)[:max])
	}
	if plain {
		if n > max {
			return cut + "…"
		}
		return s
	}
	q := quote(cut)
	if n > max {
		q = q[:len(q)-1] + `…"`
	}
	return q
}

// quote is strconv.QuoteToGraphic, but a space other than U+0020 (a
// no-break space, which reads as one) is escaped too.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == ' ' || unicode.IsGraphic(r) && !unicode.IsSpace(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// Escape shows a value from a file inside a message about that value (a
// status that is no status): its controls, bidirectional controls,
// invisible format characters, line breaks and bytes that are not UTF-8
// are written as escapes (\x1b, \u202e, \n, \xff), so that the message
// shows what is really there. Where Clean would drop them, "Met\x1b[2J"
// would read "Met[2J", and Line's "Met" would be called no status.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r), isBidiControl(r), unicode.Is(unicode.Cf, r), r == '\u2028', r == '\u2029':
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}
