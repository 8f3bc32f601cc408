// Package textwidth lays text out by the cells a terminal gives it, not by
// bytes or characters: a Japanese character takes two cells, a combining
// accent none. Padding, truncating and line breaking (UAX #14: never before
// 、 。 ）, never inside a word or a URL) for the commands' tables and the
// walk, and links shown whole.
package textwidth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Ellipsis ends a truncated text.
const Ellipsis = "…"

// Width is the number of cells s takes on a terminal. Escape sequences
// take none, wide (East Asian) characters two.
func Width(s string) int { return ansi.StringWidth(s) }

// MaxWidth is the width of the widest of ss.
func MaxWidth(ss ...string) int {
	w := 0
	for _, s := range ss {
		w = max(w, Width(s))
	}
	return w
}

// Pad fills s with spaces on the right to w cells. A wider s is left as it
// is: Pad never cuts (Fit does).
func Pad(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// PadLeft fills s with spaces on the left to w cells (numbers in columns).
func PadLeft(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// Truncate cuts s to at most w cells, ending with … when something was
// cut; a wide character that would straddle the edge goes whole.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// Fit is s truncated and padded to exactly w cells.
func Fit(s string, w int) string { return Pad(Truncate(s, w), w) }

// Wrap breaks plain text into lines of at most w cells, where the
// language allows (Unicode line breaking, UAX #14): between words, after
// a Japanese character but never before 、 。 ）, a small kana (ッ ょ) or
// ー (strict kinsoku), never inside an English word such as MUST. Where
// UAX #14 allows no break (before the dot of ".bestpractices.json", even
// after a space) and the piece does not fit, it breaks at a space inside
// it rather than inside a word. A URL is never broken: one longer than w
// gets a line of its own, wider than w. Only a word longer than w (a long
// German compound) is cut by characters, the only way it fits. Line
// breaks in s are kept.
func Wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines = append(lines, wrapLine(para, w)...)
	}
	return lines
}

// wrapLine wraps text without line breaks.
func wrapLine(s string, w int) []string {
	if Width(s) <= w {
		return []string{strings.TrimRight(s, " ")}
	}
	urls := urlSpans(s)
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	// place puts one piece (a segment, or a part of one; text is it
	// without its trailing spaces, tw its width) on the line, or on the
	// next when it does not fit what is left.
	place := func(seg segment, text string, tw int) {
		if lineW > 0 && lineW+tw > w {
			flush()
		}
		if lineW == 0 && tw > w && !seg.url {
			// No break opportunity fits: cut the word by characters,
			// after what the line holds that takes no cell (a mark
			// that came alone).
			text = line.String() + text
			line.Reset()
			// The width left is counted down, not measured again after
			// each line: a word of a million characters (a blob pasted
			// into a justification) took minutes.
			left := Width(text)
			for left > w {
				head := cutHead(text, w)
				if head == "" { // a wide character in a one-cell column
					head = firstGrapheme(text)
				}
				// Not before a small kana or closing punctuation: the
				// character before it goes down with it.
				for noBreakBefore(text[len(head):]) && lastGraphemeStart(head) > 0 {
					head = head[:lastGraphemeStart(head)]
				}
				lines = append(lines, head)
				text = text[len(head):]
				left -= Width(head)
			}
			line.WriteString(text)
			lineW = left
			if trail := seg.text[len(strings.TrimRight(seg.text, " ")):]; trail != "" {
				line.WriteString(trail)
				lineW += len(trail)
			}
			return
		}
		line.WriteString(seg.text)
		lineW += Width(seg.text)
	}
	for _, seg := range segments(s, urls) {
		// UAX #14 joins a word to a space before it when no line may
		// start with the word (".bestpractices.json" after "see ", class
		// IS): such a piece, wider than the room left, breaks first at
		// its spaces, and only a word wider than the line is cut.
		text := strings.TrimRight(seg.text, " ")
		tw := Width(text)
		if !seg.url && lineW+tw > w && strings.IndexByte(text, ' ') > 0 {
			if parts := spaceParts(seg.text); len(parts) > 1 {
				for _, p := range parts {
					pt := strings.TrimRight(p, " ")
					place(segment{text: p}, pt, Width(pt))
				}
				continue
			}
		}
		place(seg, text, tw)
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// spaceParts splits a piece of text after each run of spaces (U+0020; a
// no-break space is none) that has text before it and that may end a
// line: not before punctuation no line starts with (a French " :", a
// Japanese 。), not after an opening bracket. Each part keeps its spaces.
func spaceParts(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && strings.TrimLeft(s[start:i], " ") != "" && spaceBreaks(s[:i], s[j:]) {
			parts = append(parts, s[start:j])
			start = j
		}
		i = j
	}
	return append(parts, s[start:])
}

// spaceBreaks reports whether a line may end with before and the next
// start with after, at a space between them.
func spaceBreaks(before, after string) bool {
	if noBreakBefore(after) || strings.ContainsRune(openers, lastRune(before)) {
		return false
	}
	r, size := utf8.DecodeRuneInString(after)
	if r == '.' { // a dot-file's name, not a stray full stop
		next, _ := utf8.DecodeRuneInString(after[size:])
		return unicode.IsLetter(next) || unicode.IsDigit(next)
	}
	return !strings.ContainsRune(",;:!?)]}»%", r)
}

// openers are the brackets and quotes no line ends with.
const openers = "([{«（「『【〔〈《｛［"

// cutHead is the start of s that fills w cells. ansi.Cut reads the whole
// of what it is given, so it is given a window of s a few bytes a cell
// wide, twice as wide until the head ends inside it.
func cutHead(s string, w int) string {
	for window := 4 * (w + 1); ; window *= 2 {
		if window >= len(s) {
			return ansi.Cut(s, 0, w)
		}
		for window < len(s) && !utf8.RuneStart(s[window]) {
			window++
		}
		if head := ansi.Cut(s[:window], 0, w); len(head) < window {
			return head
		}
	}
}

type segment struct {
	text string
	url  bool // part of a URL: shown whole, even past the width
}

// segments splits s at its line break opportunities, leaving out those
// inside a URL.
func segments(s string, urls [][2]int) []segment {
	var out []segment
	state := -1
	start, pos := 0, 0
	rest := s
	for len(rest) > 0 {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if inside(pos, urls) && len(rest) > 0 {
			continue // no break inside a URL
		}
		out = append(out, segment{text: s[start:pos], url: overlaps(start, pos, urls)})
		start = pos
	}
	return out
}

// noLineStart are the characters Japanese typesetting never puts at the
// start of a line (strict kinsoku): small kana and the long vowel mark
// (UAX #14 class CJ, which uniseg resolves as NS, the strict choice),
// closing punctuation and iteration marks. Between segments uniseg keeps
// them; a word cut by characters must too.
const noLineStart = "っゃゅょぁぃぅぇぉゎゕゖッャュョァィゥェォヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーｯｬｭｮｧｨｩｪｫｰ" +
	"、。，．・：；？！）」』】〕〉》｝］々ゝゞヽヾ"

// noBreakBefore reports whether s starts with a character no line may
// start with.
func noBreakBefore(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && strings.ContainsRune(noLineStart, r)
}

// lastGraphemeStart is the byte offset of the last character of s (a
// grapheme cluster: a letter with its accents stays whole).
func lastGraphemeStart(s string) int {
	start, rest := 0, s
	for rest != "" {
		g := firstGrapheme(rest)
		if len(g) == len(rest) {
			return start
		}
		start += len(g)
		rest = rest[len(g):]
	}
	return 0
}

// urlSpans finds the URLs in s, as [start, end) byte offsets: from a
// scheme's "://" (or "mailto:") to the next space, without the
// punctuation that usually ends a sentence after it.
func urlSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "://")
		if j < 0 {
			break
		}
		j += i
		start := j
		for start > i && isSchemeByte(s[start-1]) {
			start--
		}
		// A scheme starts with a letter (RFC 3986): "000://0" is no URL.
		for start < j && !isLetter(s[start]) {
			start++
		}
		end := j + 3
		for end < len(s) && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' {
			end++
		}
		for end > j+3 && strings.ContainsRune(".,;:!?)」』）。、", lastRune(s[:end])) {
			end -= len(string(lastRune(s[:end])))
		}
		if start < j {
			out = append(out, [2]int{start, end})
		}
		i = max(end, j+3)
	}
	return out
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isSchemeByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '+' || b == '-' || b == '.'
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// inside reports whether the byte offset p falls strictly within a span.
func inside(p int, spans [][2]int) bool {
	for _, sp := range spans {
		if p > sp[0] && p < sp[1] {
			return true
		}
	}
	return false
}

func overlaps(a, b int, spans [][2]int) bool {
	for _, sp := range spans {
		if a < sp[1] && b > sp[0] {
			return true
		}
	}
	return false
}

func firstGrapheme(s string) string {
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	return g
}

// WrapStyled is Wrap for text that holds escape sequences (colours, bold:
// glamour's output): the lines break where Wrap breaks the text without
// them, and each sequence stays beside the character it came before, or at
// the end of a line when it closed the text before a break.
func WrapStyled(s string, w int) []string {
	if !strings.Contains(s, "\n") {
		return wrapStyledLine(s, w)
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapStyledLine(para, w)...)
	}
	return out
}

// wrapStyledLine is WrapStyled for text without line breaks.
func wrapStyledLine(s string, w int) []string {
	type token struct {
		text   string
		escape bool
	}
	var toks []token
	var plain strings.Builder
	state := byte(0)
	for rest := s; rest != ""; {
		seq, width, n, st := ansi.DecodeSequence(rest, state, nil)
		state = st
		if n <= 0 {
			n, seq = len(rest), rest
		}
		rest = rest[n:]
		esc := width == 0 && (seq[0] < 0x20 || seq[0] == 0x7f || seq[0] >= 0x80 && seq[0] < 0xa0 || strings.HasPrefix(seq, "\u009b"))
		toks = append(toks, token{seq, esc})
		if !esc {
			plain.WriteString(seq)
		}
	}
	text := plain.String()
	lines := Wrap(text, w)
	if text == s {
		return lines
	}
	// Where each line starts in the text: Wrap only drops spaces between
	// lines.
	starts := make([]int, len(lines))
	at := 0
	for i, l := range lines {
		for at < len(text) && text[at] == ' ' && !strings.HasPrefix(text[at:], l) {
			at++
		}
		starts[i] = at
		at += len(l)
	}
	out := make([]strings.Builder, len(lines))
	line, p := 0, 0
	var pending strings.Builder // sequences since the last character
	for _, t := range toks {
		if t.escape {
			pending.WriteString(t.text)
			continue
		}
		if p >= starts[line]+len(lines[line]) {
			if line+1 < len(lines) && p >= starts[line+1] {
				line++
			} else {
				// A space dropped at the break: what came before it
				// closes this line.
				out[line].WriteString(pending.String())
				pending.Reset()
				p += len(t.text)
				continue
			}
		}
		out[line].WriteString(pending.String())
		pending.Reset()
		out[line].WriteString(t.text)
		p += len(t.text)
	}
	out[line].WriteString(pending.String())
	res := make([]string, len(out))
	for i := range out {
		res[i] = out[i].String()
	}
	return res
}
