package detect

import (
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
)

// The documents a reader opens are read as sections: a heading and the
// lines under it, up to the next heading of the same or a higher level.
// Markdown (# and underlined), reStructuredText (underlined), AsciiDoc (=)
// and HTML headings count; lines inside fenced code blocks never do.

var (
	atxHeading  = lazyregexp.New(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	adocHeading = lazyregexp.New(`^(={1,6})\s+(\S.*)$`)
	htmlHeading = lazyregexp.New(`(?i)^\s*<h([1-6])\b[^>]*>(.*?)(</h[1-6]>|$)`)
	htmlTag     = lazyregexp.New(`<[^>]*>`)
	fence       = lazyregexp.New("^\\s{0,3}(```|~~~)")
)

// section is a heading of a document and the lines it governs.
type section struct {
	title string
	level int  // 1 is the highest
	line  int  // the heading's line, 1-based
	end   int  // the last line of its body, 1-based
	under bool // underlined: the next line is part of the heading
}

// sections lists the headings of t in order. Each section's body runs to
// the line before the next heading of the same or a higher level.
func sections(t *text) []section {
	if t.secs != nil {
		return *t.secs
	}
	var out []section
	inFence := ""
	n := len(t.lines)
	for i := 0; i < n; i++ {
		l := t.lines[i]
		if m := fence.FindStringSubmatch(l); m != nil {
			switch {
			case inFence == "":
				inFence = m[1]
			case inFence == m[1]:
				inFence = ""
			}
			continue
		}
		if inFence != "" {
			continue
		}
		title, level, under := "", 0, false
		switch {
		case atxHeading.MatchString(l):
			m := atxHeading.FindStringSubmatch(l)
			title, level = m[2], len(m[1])
		case adocHeading.MatchString(l):
			m := adocHeading.FindStringSubmatch(l)
			title, level = m[2], len(m[1])
		case htmlHeading.MatchString(l):
			m := htmlHeading.FindStringSubmatch(l)
			title, level = htmlTag.ReplaceAllString(m[2], ""), int(m[1][0]-'0')
		case i+1 < n && strings.TrimSpace(l) != "" && underline.MatchString(t.lines[i+1]) && !underline.MatchString(l) && !listItem.MatchString(l):
			title, level, under = strings.TrimSpace(l), 2, true
			if strings.HasPrefix(strings.TrimSpace(t.lines[i+1]), "=") {
				level = 1
			}
		}
		title = strings.TrimSpace(emphasis.Replace(title))
		if level == 0 || title == "" {
			continue
		}
		out = append(out, section{title: title, level: level, line: i + 1, end: n, under: under})
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].level <= out[i].level {
				out[i].end = out[j].line - 1
				break
			}
		}
	}
	t.secs = &out
	return out
}

var listItem = lazyregexp.New(`^\s*([-*+]|\d+[.)])\s`)

// sectionMatching returns the first section whose title matches re.
func sectionMatching(t *text, re *lazyregexp.Regexp) (section, bool) {
	for _, sec := range sections(t) {
		if re.MatchString(sec.title) {
			return sec, true
		}
	}
	return section{}, false
}

// findIn returns the first line of the section's body (after its heading)
// matching re; 0 when none does.
func (t *text) findIn(sec section, re *lazyregexp.Regexp) int {
	for i := sec.body(); i < sec.end && i < len(t.lines); i++ {
		if re.MatchString(t.lines[i]) {
			return i + 1
		}
	}
	return 0
}

// words counts the words of a section's body: a heading followed by
// nothing says nothing.
func (t *text) words(sec section) int {
	n := 0
	for i := sec.body(); i < sec.end && i < len(t.lines); i++ {
		n += len(wordPattern.FindAllStringIndex(t.lines[i], -1))
	}
	return n
}

// isHeadingLine reports whether line i (0-based) is a heading or its
// underline: not prose.
func isHeadingLine(t *text, i int) bool {
	for _, sec := range sections(t) {
		if sec.line == i+1 || sec.under && sec.line == i {
			return true
		}
	}
	return false
}

// body is the 0-based index of the section's first body line.
func (sec section) body() int {
	if sec.under {
		return sec.line + 1
	}
	return sec.line
}
