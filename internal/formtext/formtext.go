// Package formtext is the edit form's spelling of a justification: what
// the text field shows, and the answer it stands for.
package formtext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The edit form's text field (bubbles' textarea) cleans what it is given:
// tabs become four spaces, carriage returns and control characters are
// dropped. A justification must survive an edit whole, and its hostile
// characters must not act on the terminal. So the form shows a visible,
// reversible spelling of the characters the field would change or that
// would mislead the eye, and the answer is spelled back on submit:
//
//	tab                  ␉
//	carriage return      ␍
//	other controls, bidirectional controls, line and paragraph
//	separators, U+FFFD, and these marks themselves   ⟪U+202E⟫
//
// Answer(Show(j)) is j for every text, and a justification that
// the user did not touch is kept byte for byte.

const (
	tabMark = '␉'
	crMark  = '␍'
)

// TabSpaces is a tab in a text shown, not edited (the walk's detail, the
// import review): four cells, as the text field's own.
const TabSpaces = "    "

// Show is a justification as the form shows it.
func Show(j string) string {
	if isPlain(j) {
		return j
	}
	var b strings.Builder
	for _, r := range j {
		switch {
		case r == '\t':
			b.WriteRune(tabMark)
		case r == '\r':
			b.WriteRune(crMark)
		case needsSpelling(r):
			fmt.Fprintf(&b, "⟪U+%04X⟫", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Answer is the justification a text of the form stands for.
func Answer(s string) string {
	if !strings.ContainsAny(s, "␉␍⟪") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch r {
		case tabMark:
			b.WriteByte('\t')
		case crMark:
			b.WriteByte('\r')
		case '⟪':
			if c, size, ok := spelled(s); ok {
				b.WriteRune(c)
				n = size
				break
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		s = s[n:]
	}
	return b.String()
}

// spelled reads "⟪U+XXXX⟫" at the start of s, for the characters that
// Show spells that way only.
func spelled(s string) (rune, int, bool) {
	const open, close = "⟪U+", "⟫"
	end := strings.Index(s, close)
	if !strings.HasPrefix(s, open) || end < 0 || end > len(open)+6 {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[len(open):end], 16, 32)
	if err != nil || !needsSpelling(rune(v)) {
		return 0, 0, false
	}
	return rune(v), end + len(close), true
}

// needsSpelling: characters the text field would drop or that change how
// the text reads without being seen.
func needsSpelling(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r == utf8.RuneError, r == '\u2028', r == '\u2029':
		return true
	case r == tabMark, r == crMark, r == '⟪': // the spelling's own marks, when written as text
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return unicode.IsControl(r)
}

func isPlain(s string) bool {
	for _, r := range s {
		if r == '\t' || r == '\r' || needsSpelling(r) {
			return false
		}
	}
	return true
}

// Typed is what keys typed or pasted into the form insert: the same
// spelling as Show, so that a pasted bidirectional control or line
// separator is seen, and a pasted tab stays a tab (the text field would
// make it spaces). A pasted line break is a newline whatever its bytes
// (CR LF from a Windows clipboard, a lone CR); other control characters,
// the rest of an escape sequence the terminal did not take, are dropped,
// as the text field drops them.
func Typed(rs []rune) []rune {
	plain := true
	for _, r := range rs {
		if r == '\t' || r == '\r' || needsSpelling(r) && r != tabMark && r != crMark && r != '⟪' {
			plain = false
			break
		}
	}
	if plain {
		return rs
	}
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch {
		case r == '\t':
			out = append(out, tabMark)
		case r == '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
		case r == tabMark, r == crMark, r == '⟪':
			out = append(out, r) // typed as text, kept as text
		case unicode.IsControl(r) && r != '\n':
			// dropped
		case needsSpelling(r):
			out = append(out, []rune(fmt.Sprintf("⟪U+%04X⟫", r))...)
		default:
			out = append(out, r)
		}
	}
	return out
}
