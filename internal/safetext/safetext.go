// Package safetext makes text from files (answers, locale files) safe to
// put on a terminal: no escape sequences, no control characters.
package safetext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean removes terminal escape sequences and control characters from s,
// keeping newlines and tabs. Bidirectional overrides go too: they can make
// a line read differently from what it holds.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case unicode.IsControl(r), isBidiControl(r):
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
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// maxKey is how much of a key or id Key shows: enough for any real one.
const maxKey = 64

// Key shows a key or criterion id read from a file. A plain one (visible
// characters, no spaces) is shown as it is; any other is quoted with its
// odd characters escaped (\x1b, \u202e, \n), so that the user sees what is
// really there and can find it in the file. Past maxKey characters it is
// cut, with an ellipsis.
func Key(s string) string {
	plain := s != ""
	n := 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r <= ' ' || r == 0x7f || !unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) || r == '"' {
			plain = false
		}
	}
	cut := s
	if n > maxKey {
		cut = string([]rune(s)[:maxKey])
	}
	if plain {
		if n > maxKey {
			return cut + "…"
		}
		return s
	}
	q := strconv.QuoteToGraphic(cut)
	if n > maxKey {
		q = q[:len(q)-1] + `…"`
	}
	return q
}
