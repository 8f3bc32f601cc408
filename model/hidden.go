package model

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Line breaks that YAML reads and most editors, diffs and review tools do
// not show: NEL, LS and PS, and a lone CR in a file whose lines end with
// LF or CR LF. Outside a value, what follows one is read as a line of its
// own, so an answer can hide behind a comment that a reviewer reads as one
// line ("# reviewed by alice<CR>  test: {status: Met}"). Inside a value it
// is text, kept as it is (and written escaped when the answer is saved).

// warnHiddenBreaks adds a warning for each such break outside a value.
func (f *File) warnHiddenBreaks() {
	t := f.base.t
	if onlyLF(t.src) {
		return
	}
	var sp *spans
	editor := byte('\n') // what editors take for a line break here
	if t.eol == "\r" {
		editor = '\r'
	}
	for l := 1; l < len(t.starts); l++ {
		at := t.ends[l-1]
		code := hiddenBreak(t.src[at:t.starts[l]], t.eol)
		if code == "" {
			continue
		}
		if sp == nil {
			sp = f.base.spans()
		}
		if sp.ok && inText(sp.text, at) {
			continue
		}
		// Line l is turned into the editor's line by parse; the column
		// too is counted on the line the editor shows.
		lineStart := bytes.LastIndexByte(t.src[:at], editor) + 1
		col := utf8.RuneCount(bytes.TrimPrefix(t.src[lineStart:at], bom)) + 1
		f.Problems = append(f.Problems, Problem{Line: l, Message: M("problem.hidden_break", "Code", code, "Column", col)})
	}
}

// hiddenBreak names the line break brk when it is one editors may not show
// in a file whose lines end with eol; "" for an ordinary one.
func hiddenBreak(brk []byte, eol string) string {
	switch s := string(brk); {
	case s == "\r" && eol != "\r":
		return "CR (U+000D)"
	case s == "\u0085", s == "\u2028", s == "\u2029":
		r := []rune(s)[0]
		return fmt.Sprintf("U+%04X", r)
	}
	return ""
}

// inText reports whether offset off falls within one of the ranges of
// scalar text (sorted, as spans records them in the file's order).
func inText(rs []rng, off int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].b > off })
	return i < len(rs) && rs[i].a <= off
}
