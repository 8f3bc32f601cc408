package model

import (
	"bytes"
	"unicode/utf8"
)

// text is a file's bytes with the lines YAML sees in them. YAML ends a line
// at CR LF, LF, a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029), and
// counts columns in characters: so do we, so that a node's line and column
// always point at the bytes the parser read, whatever the line breaks.
type text struct {
	src    []byte
	starts []int // byte offset where each line starts; line 1 is starts[0]
	ends   []int // where each line's text ends (its line break starts)
	eol    string
	// The last position offset found: nodes are looked up in the file's
	// order, so the next one is found from there, not from the line's
	// start (a 1 MiB line of a flow list would otherwise take hours).
	atLine, atCol, atOff int
}

// bom is the UTF-8 byte order mark; YAML skips it and so do columns.
var bom = []byte("\xef\xbb\xbf")

func newText(src []byte) *text {
	t := &text{src: src, starts: make([]int, 1, 64), ends: make([]int, 0, 64)}
	if bytes.HasPrefix(src, bom) {
		t.starts[0] = len(bom)
	}
	if onlyLF(src) {
		// The common case, found fast.
		t.eol = "\n"
		for i := t.starts[0]; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			t.ends = append(t.ends, i+j)
			i += j + 1
			t.starts = append(t.starts, i)
		}
		t.ends = append(t.ends, len(src))
		return t
	}
	for i := t.starts[0]; i < len(src); {
		n := breakLen(src, i)
		if n == 0 {
			i++
			continue
		}
		if t.eol == "" {
			switch string(src[i : i+n]) {
			case "\r\n", "\r":
				t.eol = string(src[i : i+n])
			default:
				t.eol = "\n"
			}
		}
		t.ends = append(t.ends, i)
		i += n
		t.starts = append(t.starts, i)
	}
	t.ends = append(t.ends, len(src))
	if t.eol == "" {
		t.eol = "\n"
	}
	return t
}

var (
	nel = []byte("\u0085")
	ls  = []byte("\u2028")
	ps  = []byte("\u2029")
)

// onlyLF: the text's only line breaks are LF.
// editorLine is the line an editor shows YAML's line l on: editors end
// lines at LF (or CR LF), or at CR in a file whose lines end with CR
// alone, and at nothing else.
func (t *text) editorLine(l int) int {
	if l < 1 || l > len(t.starts) {
		return l
	}
	brk := byte('\n')
	if t.eol == "\r" {
		brk = '\r'
	}
	return bytes.Count(t.src[:t.starts[l-1]], []byte{brk}) + 1
}

func onlyLF(src []byte) bool {
	return bytes.IndexByte(src, '\r') < 0 && !bytes.Contains(src, nel) && !bytes.Contains(src, ls) && !bytes.Contains(src, ps)
}

// breakLen is the length of the line break at src[i], 0 if there is none.
func breakLen(src []byte, i int) int {
	switch c := src[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xc2:
		if i+1 < len(src) && src[i+1] == 0x85 {
			return 2
		}
	case c == 0xe2:
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// lines is the number of lines (a final line break does not open one).
func (t *text) lines() int {
	n := len(t.starts)
	if n > 1 && t.starts[n-1] == len(t.src) {
		n--
	}
	return n
}

// lineStart is the offset of line l's first byte (1-based; past the end
// for a line after the last).
func (t *text) lineStart(l int) int {
	if l < 1 {
		return 0
	}
	if l > len(t.starts) {
		return len(t.src)
	}
	return t.starts[l-1]
}

// lineEnd is the offset just past line l's line break (or the end).
func (t *text) lineEnd(l int) int {
	if l < len(t.starts) {
		return t.starts[l]
	}
	return len(t.src)
}

// contentEnd is the offset of line l's line break (or the end).
func (t *text) contentEnd(l int) int {
	if l < 1 {
		return 0
	}
	if l > len(t.ends) {
		return len(t.src)
	}
	return t.ends[l-1]
}

// lineOf is the line holding offset off.
func (t *text) lineOf(off int) int {
	lo, hi := 0, len(t.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

// offset is the byte offset of (line, column), both 1-based, column in
// characters as the YAML parser counts them.
func (t *text) offset(line, col int) int {
	off, c := t.lineStart(line), 1
	if line == t.atLine && col >= t.atCol && t.atCol > 0 {
		off, c = t.atOff, t.atCol
	}
	end := t.contentEnd(line)
	for ; c < col && off < end; c++ {
		if t.src[off] < utf8.RuneSelf {
			off++
			continue
		}
		_, size := utf8.DecodeRune(t.src[off:end])
		off += size
	}
	t.atLine, t.atCol, t.atOff = line, c, off
	return off
}

// indentOf is the number of spaces starting line l.
func (t *text) indentOf(l int) int {
	s, e := t.lineStart(l), t.contentEnd(l)
	n := 0
	for s+n < e && t.src[s+n] == ' ' {
		n++
	}
	return n
}

// blank reports whether line l holds only spaces and tabs.
func (t *text) blank(l int) bool {
	for _, c := range t.src[t.lineStart(l):t.contentEnd(l)] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
