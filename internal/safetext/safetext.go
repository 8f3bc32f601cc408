// Package safetext makes text from files (answers, locale files) safe to
// put on a terminal: no escape sequences, no control characters.
package safetext

import (
	"strings"
	"unicode"

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
