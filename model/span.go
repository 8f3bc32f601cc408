package model

import (
	"bytes"
	"sort"

	"gopkg.in/yaml.v3"
)

// span is where a node's text lies in the file. The parser gives only where
// a node starts; where it ends we work out with YAML's own rules for each
// style, so that a value can be replaced byte for byte and everything
// around it (comments, spacing, line breaks) stays as it is.
type span struct {
	start int // the node's first byte: its anchor or tag, if any
	body  int // where the value itself starts, after anchor and tag
	end   int // just past its last byte
	// hdrEnd is, for a block scalar (| or >), the end of its indicator
	// header: a comment may follow on that line, the text starts below.
	hdrEnd int
}

// spans measures every node of a parsed file. ok is false when some node
// is not where the parser said or in a shape we do not measure: callers
// then neither splice nor trust our reading of the comments.
type spans struct {
	t  *text
	at map[*yaml.Node]span
	ok bool
	// text holds the byte ranges of scalar text and tags, in the order met
	// (the file's order): a # there is not a comment. Any other # is one:
	// the parser takes a # between two tokens for a comment even with no
	// blank before it (|#, "a"#, }#).
	text []rng
}

type rng struct{ a, b int }

func measure(t *text, root *yaml.Node) *spans {
	s := &spans{t: t, at: make(map[*yaml.Node]span, 2*len(t.starts)), ok: true, text: make([]rng, 0, 2*len(t.starts))}
	if root != nil {
		s.walk(root, -1, false)
	}
	return s
}

func (s *spans) fail() { s.ok = false }

func isFlowIndicator(c byte) bool { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' }
func isBlankByte(c byte) bool     { return c == ' ' || c == '\t' }

// walk measures n, whose enclosing block collection is indented by indent
// columns (-1 at the top), inside a flow collection when flow is set.
func (s *spans) walk(n *yaml.Node, indent int, flow bool) {
	if n.Line < 1 || n.Column < 1 || n.Line > len(s.t.starts) {
		s.fail()
		return
	}
	start := s.t.offset(n.Line, n.Column)
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.walk(c, -1, false)
		}
		return
	case yaml.AliasNode:
		end := start
		if end < len(s.t.src) && s.t.src[end] == '*' {
			end = s.anchorEnd(end + 1)
		} else {
			s.fail()
		}
		s.at[n] = span{start: start, body: start, end: end}
		s.text = append(s.text, rng{start, end})
		return
	case yaml.ScalarNode:
		sp := s.scalar(n, start, indent, flow)
		s.at[n] = sp
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			s.text = append(s.text, rng{sp.body, sp.hdrEnd})
			if sp.end > sp.hdrEnd {
				s.text = append(s.text, rng{s.t.lineEnd(n.Line), sp.end})
			}
		} else {
			s.text = append(s.text, rng{sp.body, sp.end})
		}
		return
	}
	// A collection.
	body := s.props(start, flow)
	isFlow := flow || n.Style&yaml.FlowStyle != 0
	if !isFlow {
		for _, c := range n.Content {
			s.walk(c, n.Column-1, false)
		}
		sp := span{start: start, body: body, end: body}
		if len(n.Content) > 0 {
			sp.end = s.at[n.Content[len(n.Content)-1]].end
		}
		s.at[n] = sp
		return
	}
	for _, c := range n.Content {
		s.walk(c, indent, true)
	}
	sp := span{start: start, body: body, end: body}
	if len(n.Content) > 0 {
		sp.end = s.at[n.Content[len(n.Content)-1]].end
	}
	if body < len(s.t.src) && (s.t.src[body] == '{' || s.t.src[body] == '[') {
		closer := byte('}')
		if s.t.src[body] == '[' {
			closer = ']'
		}
		from := sp.end
		if len(n.Content) == 0 {
			from = body + 1
		}
		i := s.skipFiller(from, true)
		if i < len(s.t.src) && s.t.src[i] == ',' {
			i = s.skipFiller(i+1, true)
		}
		if i >= len(s.t.src) || s.t.src[i] != closer {
			s.fail()
			sp.end = from
		} else {
			sp.end = i + 1
		}
	}
	s.at[n] = sp
}

// skipFiller skips spaces, tabs, line breaks and (when comments is set)
// comments from i.
func (s *spans) skipFiller(i int, comments bool) int {
	src := s.t.src
	for i < len(src) {
		switch {
		case isBlankByte(src[i]):
			i++
		case breakLen(src, i) > 0:
			i += breakLen(src, i)
		case comments && src[i] == '#':
			i = s.t.contentEnd(s.t.lineOf(i))
		default:
			return i
		}
	}
	return i
}

// nameEnd is the end of a tag starting at i.
func (s *spans) nameEnd(i int, flow bool) int {
	src := s.t.src
	for i < len(src) && !isBlankByte(src[i]) && breakLen(src, i) == 0 && !isFlowIndicator(src[i]) {
		i++
	}
	return i
}

// anchorEnd is the end of an anchor or alias name starting at i: letters,
// digits, _ and -, as the parser reads it (in "&a: x" the anchor is "a"
// and the colon the key's).
func (s *spans) anchorEnd(i int) int {
	src := s.t.src
	for i < len(src) && (src[i] >= 'a' && src[i] <= 'z' || src[i] >= 'A' && src[i] <= 'Z' || src[i] >= '0' && src[i] <= '9' || src[i] == '_' || src[i] == '-') {
		i++
	}
	return i
}

// props skips a node's anchor and tag from i, and the blanks after them,
// to where its value starts (or to the end of the line when the value is
// not on it).
func (s *spans) props(i int, flow bool) int {
	src := s.t.src
	for i < len(src) && (src[i] == '&' || src[i] == '!') {
		from := i
		if src[i] == '!' && i+1 < len(src) && src[i+1] == '<' {
			for i < len(src) && src[i] != '>' && breakLen(src, i) == 0 {
				i++
			}
			if i < len(src) && src[i] == '>' {
				i++
			}
		} else if src[i] == '&' {
			i = s.anchorEnd(i + 1)
		} else {
			i = s.nameEnd(i+1, flow)
		}
		if src[from] == '!' {
			s.text = append(s.text, rng{from, i}) // a # in a tag is the tag's
		}
		for i < len(src) && isBlankByte(src[i]) {
			i++
		}
	}
	return i
}

func (s *spans) scalar(n *yaml.Node, start, indent int, flow bool) span {
	src := s.t.src
	body := s.props(start, flow)
	sp := span{start: start, body: body, end: body, hdrEnd: body}
	if body >= len(src) || breakLen(src, body) > 0 || src[body] == '#' || isBlankByte(src[body]) {
		// No value on this line: an implicit null (its empty span is where
		// a value would go), or a value below its tag, which we do not edit.
		if n.Value != "" || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			s.fail()
		}
		return sp
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if body >= len(src) || src[body] != '"' {
			s.fail()
			return sp
		}
		for i := body + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				sp.end = i + 1
				return sp
			}
		}
		s.fail()
	case n.Style&yaml.SingleQuotedStyle != 0:
		if body >= len(src) || src[body] != '\'' {
			s.fail()
			return sp
		}
		for i := body + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				sp.end = i + 1
				return sp
			}
		}
		s.fail()
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return s.block(sp, n.Line, indent)
	default:
		sp.end = s.plain(body, n.Line, indent, flow)
	}
	return sp
}

// plain is the end of a plain (unquoted) scalar starting at i.
func (s *spans) plain(i, line, indent int, flow bool) int {
	t, src := s.t, s.t.src
	end := i
	for {
		ce := t.contentEnd(line)
		for ; i < ce; i++ {
			c := src[i]
			if c == '#' && i > 0 && isBlankByte(src[i-1]) {
				return end
			}
			if c == ':' && (i+1 >= ce || isBlankByte(src[i+1]) || (flow && isFlowIndicator(src[i+1]))) {
				return end
			}
			if flow && isFlowIndicator(c) {
				return end
			}
			if !isBlankByte(c) {
				end = i + 1
			}
		}
		// A continuation line: the next line with text, indented more than
		// the enclosing block (any indentation in a flow collection), not a
		// comment, not a document marker.
		next := line + 1
		for next <= t.lines() && t.blank(next) {
			next++
		}
		if next > t.lines() {
			return end
		}
		j, col := t.lineStart(next), 0
		for j < len(src) && isBlankByte(src[j]) {
			j++
			col++
		}
		if (!flow && col < indent+1) || src[j] == '#' || (col == 0 && docMarker(src[j:])) {
			return end
		}
		line, i = next, j
	}
}

// docMarker reports whether b starts with a document marker (--- or ...).
func docMarker(b []byte) bool {
	if len(b) < 3 || !(string(b[:3]) == "---" || string(b[:3]) == "...") {
		return false
	}
	return len(b) == 3 || isBlankByte(b[3]) || breakLen(b, 3) > 0
}

// block measures a literal or folded scalar: its header, then the lines
// indented at least as much as its first line (YAML's rule when no
// indentation is given).
func (s *spans) block(sp span, hdrLine, indent int) span {
	t, src := s.t, s.t.src
	i := sp.body
	if i >= len(src) || (src[i] != '|' && src[i] != '>') {
		s.fail()
		return sp
	}
	i++
	keep, explicit := false, 0
	for i < len(src) {
		c := src[i]
		if c == '+' || c == '-' {
			keep = c == '+'
		} else if c >= '1' && c <= '9' {
			explicit = int(c - '0')
		} else {
			break
		}
		i++
	}
	sp.hdrEnd = i
	sp.end = i
	want := 0
	if explicit > 0 {
		want = explicit
		if indent >= 0 {
			want = indent + explicit
		}
	} else {
		max := 0
		for l := hdrLine + 1; l <= t.lines(); l++ {
			in := t.indentOf(l)
			if in > max {
				max = in
			}
			if t.lineStart(l)+in < t.contentEnd(l) {
				break // the first line with text
			}
		}
		want = max
		if want < indent+1 {
			want = indent + 1
		}
		if want < 1 {
			want = 1
		}
	}
	lastText, lastAny := 0, 0
	for l := hdrLine + 1; l <= t.lines(); l++ {
		in := t.indentOf(l)
		hasText := t.lineStart(l)+in < t.contentEnd(l)
		if hasText && in < want {
			break
		}
		lastAny = l
		if hasText {
			lastText = l
		}
	}
	switch {
	case keep && lastAny > 0:
		sp.end = t.contentEnd(lastAny)
	case lastText > 0:
		sp.end = t.contentEnd(lastText)
	}
	return sp
}

// comments lists the file's comments as written (from # to the end of the
// line, trailing blanks dropped), in order. ok is false when the spans could
// not be measured.
func (s *spans) comments() ([]comment, bool) {
	if !s.ok {
		return nil, false
	}
	rs := s.text
	if !sort.SliceIsSorted(rs, func(i, j int) bool { return rs[i].a < rs[j].a }) {
		rs = append([]rng(nil), rs...)
		sort.Slice(rs, func(i, j int) bool { return rs[i].a < rs[j].a })
	}
	src := s.t.src
	all := string(src) // one copy; each comment's text is a slice of it
	var out []comment
	ri, line := 0, 1
	first := s.t.lineStart(1)
	for i := first; i < len(src); {
		j := bytes.IndexByte(src[i:], '#')
		if j < 0 {
			break
		}
		i += j
		for ri < len(rs) && rs[ri].b <= i {
			ri++
		}
		if ri < len(rs) && rs[ri].a <= i {
			i = rs[ri].b // inside a scalar's text
			continue
		}
		for line < len(s.t.starts) && s.t.starts[line] <= i {
			line++ // the lines before i; then i is on line "line"
		}
		end := s.t.contentEnd(line)
		e := end
		for e > i && isBlankByte(src[e-1]) {
			e--
		}
		out = append(out, comment{off: i, text: all[i:e]})
		i = end
	}
	return out, true
}

// comment is one comment of the file and where it starts.
type comment struct {
	off  int
	text string
}
