package model

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"gopkg.in/yaml.v3"
)

// The splice: a save changes only the bytes of the values it changes. A
// status or justification is replaced where it stands (its comment, its
// spacing, the line breaks around it stay); a missing one is a new line in
// the entry; a new answer is a new entry in the badge's order. Every other
// byte of the file is kept as it was. What the splice cannot do in place
// (errNoSplice) falls back to re-encoding the node tree; either way the
// result is proven (proof.go) before it is written.

var errNoSplice = errors.New("cannot splice this file")

// change is what a save writes: every answer as it must read back, the ids
// changed (in the catalog's order) and, when it changes, the project.
type change struct {
	answers Answers
	dirty   []string
	project *Project
}

type edit struct {
	start, end int
	text       string
	seq        int
	// lines: whole lines inserted; a line break goes first when the text
	// before does not end with one. inner: inside an existing entry, so
	// it goes before a new entry inserted at the same place.
	lines, inner bool
}

type splicer struct {
	st    *state
	t     *text
	sp    *spans
	cs    []comment
	cat   *criteria.Catalog
	edits []edit
}

func (s *splicer) replace(start, end int, text string) {
	s.edits = append(s.edits, edit{start: start, end: end, text: text, seq: len(s.edits), inner: true})
}

// insertLines puts whole lines at offset at (a line start).
func (s *splicer) insertLines(at int, lines string) {
	s.edits = append(s.edits, edit{start: at, end: at, text: lines, seq: len(s.edits), lines: true})
}

// insertFieldLines puts lines of an existing entry at offset at.
func (s *splicer) insertFieldLines(at int, lines string) {
	s.edits = append(s.edits, edit{start: at, end: at, text: lines, seq: len(s.edits), lines: true, inner: true})
}

// hasComment reports whether a comment starts in [a, b).
func (s *splicer) hasComment(a, b int) bool {
	i := sort.Search(len(s.cs), func(i int) bool { return s.cs[i].off >= a })
	return i < len(s.cs) && s.cs[i].off < b
}

func splice(st *state, ch change, cat *criteria.Catalog) ([]byte, error) {
	sp := st.spans()
	if !sp.ok {
		return nil, errNoSplice
	}
	cs, _ := sp.comments()
	s := &splicer{st: st, t: st.t, sp: sp, cs: cs, cat: cat}
	if err := s.run(ch); err != nil {
		return nil, err
	}
	return s.apply()
}

func (s *splicer) apply() ([]byte, error) {
	sort.SliceStable(s.edits, func(i, j int) bool {
		a, b := s.edits[i], s.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if (a.start == a.end) != (b.start == b.end) {
			return a.start == a.end // insert before replacing what follows
		}
		if a.inner != b.inner {
			return a.inner
		}
		return a.seq < b.seq
	})
	src := s.t.src
	out := make([]byte, 0, len(src)+256)
	pos := 0
	for _, e := range s.edits {
		if e.start < pos {
			return nil, errNoSplice // two edits overlap
		}
		out = append(out, src[pos:e.start]...)
		if e.lines && len(out) > 0 && !endsWithBreak(out) {
			out = append(out, s.t.eol...)
		}
		out = append(out, e.text...)
		pos = e.end
	}
	return append(out, src[pos:]...), nil
}

func (s *splicer) run(ch change) error {
	root := s.st.root
	if root == nil {
		if s.st.src != nil && len(s.st.t.src) > 0 && s.nullRootText() {
			return errNoSplice
		}
		var b strings.Builder
		b.WriteString("version: 1" + s.t.eol)
		if ch.project != nil {
			b.WriteString("project:" + s.t.eol)
			s.projectLines(&b, *ch.project, 2)
		}
		b.WriteString("answers:" + s.t.eol)
		for _, id := range ch.dirty {
			s.entryLines(&b, id, ch.answers[id], 2, 2)
		}
		s.insertLines(s.docEnd(), b.String())
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return errNoSplice
	}
	flowRoot := root.Style&yaml.FlowStyle != 0
	pk, pv := pair(root, "project")
	ak, av := pair(root, "answers")
	if ch.project != nil {
		if err := s.project(root, pk, pv, ak, *ch.project, flowRoot); err != nil {
			return err
		}
	}
	if len(ch.dirty) == 0 {
		return nil
	}
	switch {
	case ak == nil:
		if flowRoot {
			return s.flowInsert(root, ", answers: "+s.flowEntries(ch))
		}
		var b strings.Builder
		b.WriteString("answers:" + s.t.eol)
		for _, id := range ch.dirty {
			s.entryLines(&b, id, ch.answers[id], 2, 2)
		}
		s.insertLines(s.docEnd(), b.String())
		return nil
	case isNull(av):
		if flowRoot || av.Style&yaml.FlowStyle != 0 {
			return errNoSplice
		}
		var b strings.Builder
		for _, id := range ch.dirty {
			s.entryLines(&b, id, ch.answers[id], ak.Column-1+2, 2)
		}
		return s.fillNull(ak, av, b.String())
	case av.Kind != yaml.MappingNode:
		return errNoSplice
	case !flowRoot && s.emptyFlow(ak, av):
		// "answers: {}" is a user's empty block: the answers go below,
		// one per line, as in any answers file.
		var b strings.Builder
		for _, id := range ch.dirty {
			s.entryLines(&b, id, ch.answers[id], ak.Column-1+2, 2)
		}
		if b.Len() == 0 {
			return nil // nothing to add ("answers:" alone would read as no mapping)
		}
		return s.fillNull(ak, av, b.String())
	case flowRoot || av.Style&yaml.FlowStyle != 0:
		return s.flowAnswers(av, ch)
	}
	return s.blockAnswers(ak, av, ch)
}

// emptyFlow: v is an empty flow mapping ({}) written whole on key k's
// line, which block lines may replace.
func (s *splicer) emptyFlow(k, v *yaml.Node) bool {
	if v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle == 0 || len(v.Content) > 0 {
		return false
	}
	vs, ok := s.sp.at[v]
	return ok && vs.end > vs.start && s.t.lineOf(vs.start) == k.Line && s.t.lineOf(vs.end-1) == k.Line
}

// nullRootText: the document is a written null (~, null), which an
// appended mapping cannot follow.
func (s *splicer) nullRootText() bool {
	for l := 1; l <= s.t.lines(); l++ {
		line := strings.TrimSpace(string(s.t.src[s.t.lineStart(l):s.t.contentEnd(l)]))
		if line == "" || line[0] == '#' || line == "---" || line[0] == '%' {
			continue
		}
		return true
	}
	return false
}

// docEnd is where top-level text is added: before a closing ... marker, if
// any, else at the end.
func (s *splicer) docEnd() int {
	from := 1
	if s.st.root != nil {
		from = s.t.lineOf(s.sp.at[s.st.root].end)
	}
	for l := from; l <= s.t.lines(); l++ {
		if st := s.t.lineStart(l); st < len(s.t.src) && string(s.t.src[st:min(st+3, len(s.t.src))]) == "..." && docMarker(s.t.src[st:s.t.contentEnd(l)]) {
			return st
		}
	}
	return len(s.t.src)
}

// pair finds key in mapping m.
func pair(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if i := keyIndex(m, key); i >= 0 {
		return m.Content[i], m.Content[i+1]
	}
	return nil, nil
}

// keyIndex is where key's key node stands in mapping m's Content, -1 when
// m lacks it. A key is found once: the load refuses a key given twice.
func keyIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return i
		}
	}
	return -1
}

// fillNull gives a key whose value is null (key:, key: ~) the block lines.
func (s *splicer) fillNull(k, v *yaml.Node, lines string) error {
	vs := s.sp.at[v]
	kLine := k.Line
	if vs.end > vs.start {
		if s.t.lineOf(vs.start) != kLine {
			return errNoSplice
		}
		// "key: ~" becomes "key:", with no blank left at the end; a
		// comment after it keeps its own spacing ("key: {}  # c").
		start := vs.start
		for start > 0 && isBlankByte(s.t.src[start-1]) {
			start--
		}
		s.replace(start, vs.end, "")
	}
	s.insertFieldLines(s.t.lineEnd(kLine), lines)
	return nil
}

// blockAnswers edits an answers block written one entry per line.
func (s *splicer) blockAnswers(ak, av *yaml.Node, ch change) error {
	indent, inner := av.Column-1, 2
	for i := 1; i < len(av.Content); i += 2 {
		v := av.Content[i]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			inner = v.Content[0].Column - av.Content[i-1].Column
			break
		}
	}
	if inner < 1 {
		inner = 2
	}
	for _, id := range ch.dirty {
		a := ch.answers[id]
		idx := keyIndex(av, id)
		if idx >= 0 {
			if reads(av.Content[idx+1], a) {
				continue // it already says so: not a byte changes
			}
			if err := s.entry(av, idx, a, inner); err != nil {
				return err
			}
			continue
		}
		if cleared(a) {
			continue
		}
		// A new answer goes after the last answer that comes before it in
		// the catalog, so that the file reads in the badge's order.
		at := s.t.lineEnd(ak.Line)
		r, known := s.cat.Index(id)
		for i := 0; i+1 < len(av.Content); i += 2 {
			if er, ok := s.cat.Index(av.Content[i].Value); known && ok && er > r {
				break
			}
			at = s.t.lineEnd(s.entryEndLine(av, i))
		}
		var b strings.Builder
		s.entryLines(&b, id, a, indent, inner)
		s.insertLines(at, b.String())
	}
	return nil
}

// entryEndLine is the last line of entry i of a block mapping: its value,
// and the comments below it indented deeper than its key (they are about
// it).
func (s *splicer) entryEndLine(m *yaml.Node, i int) int {
	k, v := m.Content[i], m.Content[i+1]
	last := max(k.Line, s.t.lineOf(s.sp.at[v].end))
	limit := s.t.lines()
	if i+2 < len(m.Content) {
		limit = m.Content[i+2].Line - 1
	}
	for l := last + 1; l <= limit; l++ {
		in := s.t.indentOf(l)
		st := s.t.lineStart(l) + in
		if st < s.t.contentEnd(l) && s.t.src[st] == '#' && in > k.Column-1 {
			last = l
			continue
		}
		break
	}
	return last
}

// endsWithBreak reports whether b ends with a line break.
func endsWithBreak(b []byte) bool {
	for i := max(0, len(b)-3); i < len(b); i++ {
		if n := breakLen(b, i); n > 0 && i+n == len(b) {
			return true
		}
	}
	return false
}

func cleared(a Answer) bool { return a.Status == Unknown && a.Justification == "" }

// reads reports whether the answer entry v already reads as a, as the
// loader reads it.
func reads(v *yaml.Node, a Answer) bool {
	var cur Answer
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, fv := v.Content[i], v.Content[i+1]
			switch {
			case k.Value == "status" && fv.Kind == yaml.ScalarNode:
				st, err := ParseStatus(fv.Value)
				if err != nil {
					return false
				}
				cur.Status = st
			case k.Value == "justification" && fv.Kind == yaml.ScalarNode && (fv.Tag == "!!str" || isNull(fv)):
				if !isNull(fv) {
					cur.Justification = fv.Value
				}
			case k.Value == "justification":
				return false
			}
		}
	} else if !isNull(v) {
		return false
	}
	return cur.Status == a.Status && cur.Justification == a.Justification
}

// entryLines writes a new answer as block lines.
func (s *splicer) entryLines(b *strings.Builder, id string, a Answer, indent, inner int) {
	if cleared(a) {
		return
	}
	b.WriteString(strings.Repeat(" ", indent) + inlineScalar(id, false) + ":" + s.t.eol)
	pad := indent + inner
	b.WriteString(strings.Repeat(" ", pad) + "status: " + statusText(a.Status) + s.t.eol)
	if a.Justification != "" {
		b.WriteString(strings.Repeat(" ", pad) + "justification: " + s.blockValue(a.Justification, pad+2) + s.t.eol)
	}
}

// blockValue is a justification as written in a block mapping.
func (s *splicer) blockValue(j string, indent int) string {
	if lit, ok := literalBlock(j, indent, s.t.eol); ok {
		return lit
	}
	return inlineScalar(j, false)
}

// entry edits answer entry i of the block answers mapping av.
func (s *splicer) entry(av *yaml.Node, i int, a Answer, inner int) error {
	k, v := av.Content[i], av.Content[i+1]
	if cleared(a) && s.removable(av, i) {
		return s.removeLines(k, v)
	}
	switch {
	case isNull(v):
		if cleared(a) {
			return nil
		}
		pad := k.Column - 1 + inner
		var b strings.Builder
		s.fieldLines(&b, a, pad, true)
		return s.fillNull(k, v, b.String())
	case v.Kind != yaml.MappingNode:
		return errNoSplice
	case v.Style&yaml.FlowStyle != 0:
		return s.flowFields(v, a)
	}
	return s.blockFields(k, v, a)
}

// fieldLines writes status and justification lines.
func (s *splicer) fieldLines(b *strings.Builder, a Answer, pad int, status bool) {
	if status {
		b.WriteString(strings.Repeat(" ", pad) + "status: " + statusText(a.Status) + s.t.eol)
	}
	if a.Justification != "" {
		b.WriteString(strings.Repeat(" ", pad) + "justification: " + s.blockValue(a.Justification, pad+2) + s.t.eol)
	}
}

// removable: entry i holds nothing but status and justification, and no
// comment: clearing it removes it rather than leave an empty shell.
func (s *splicer) removable(m *yaml.Node, i int) bool {
	k, v := m.Content[i], m.Content[i+1]
	if v.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(v.Content); j += 2 {
			if f := v.Content[j].Value; f != "status" && f != "justification" {
				return false
			}
		}
	} else if !isNull(v) {
		return false
	}
	return !s.hasComment(s.sp.at[k].start, s.t.lineEnd(s.entryEndLine(m, i)))
}

// removableFlow: pair i of a flow mapping holds only status and
// justification, and no comment.
func (s *splicer) removableFlow(m *yaml.Node, i int) bool {
	k, v := m.Content[i], m.Content[i+1]
	for j := 0; j+1 < len(v.Content); j += 2 {
		if f := v.Content[j].Value; f != "status" && f != "justification" {
			return false
		}
	}
	return (v.Kind == yaml.MappingNode || isNull(v)) && !s.hasComment(s.sp.at[k].start, s.sp.at[v].end)
}

// removeLines removes the whole lines from key k to the end of value v,
// when nothing else stands on them.
func (s *splicer) removeLines(k, v *yaml.Node) error {
	ks, ve := s.sp.at[k].start, max(s.sp.at[v].end, s.sp.at[k].end)
	first, last := s.t.lineOf(ks), s.t.lineOf(ve)
	if strings.TrimLeft(string(s.t.src[s.t.lineStart(first):ks]), " ") != "" ||
		strings.TrimSpace(string(s.t.src[ve:s.t.contentEnd(last)])) != "" {
		return errNoSplice
	}
	s.replace(s.t.lineStart(first), s.t.lineEnd(last), "")
	return nil
}

// blockFields edits the status and justification of a block entry.
func (s *splicer) blockFields(k, v *yaml.Node, a Answer) error {
	sk, sv := pair(v, "status")
	jk, jv := pair(v, "justification")
	pad := v.Content[0].Column - 1
	// Where new lines go: after the key's line, or after the status.
	after := s.t.lineEnd(k.Line)
	var adds strings.Builder
	switch {
	case cleared(a) && sk != nil:
		if err := s.deleteField(sk, sv); err != nil {
			return err
		}
	case sk != nil:
		if st, err := ParseStatus(sv.Value); sv.Kind != yaml.ScalarNode || err != nil || st != a.Status {
			if err := s.replaceValue(sk, sv, statusText(a.Status), false); err != nil {
				return err
			}
		}
		after = s.t.lineEnd(s.t.lineOf(s.sp.at[sv].end))
	case a.Status != Unknown:
		adds.WriteString(strings.Repeat(" ", pad) + "status: " + statusText(a.Status) + s.t.eol)
	}
	switch {
	case a.Justification == "" && jk != nil:
		if jv.Value != "" {
			if err := s.deleteField(jk, jv); err != nil {
				return err
			}
		}
	case a.Justification == "":
	case jk != nil:
		if jv.Kind != yaml.ScalarNode || jv.Value != a.Justification || jv.Tag != "!!str" {
			if err := s.replaceValue(jk, jv, a.Justification, true); err != nil {
				return err
			}
		}
	default:
		adds.WriteString(strings.Repeat(" ", pad) + "justification: " + s.blockValue(a.Justification, pad+2) + s.t.eol)
	}
	if adds.Len() > 0 {
		s.insertFieldLines(after, adds.String())
	}
	return nil
}

// deleteField removes a key and its value from a block mapping. A comment
// on those lines stays, on a line of its own.
func (s *splicer) deleteField(k, v *yaml.Node) error {
	ks, ve := s.sp.at[k].start, max(s.sp.at[v].end, s.sp.at[k].end)
	first, last := s.t.lineOf(ks), s.t.lineOf(ve)
	if strings.TrimLeft(string(s.t.src[s.t.lineStart(first):ks]), " ") != "" {
		return errNoSplice
	}
	if rest := strings.TrimSpace(string(s.t.src[ve:s.t.contentEnd(last)])); rest != "" && rest[0] != '#' {
		return errNoSplice
	}
	var text strings.Builder
	i := sort.Search(len(s.cs), func(i int) bool { return s.cs[i].off >= ks })
	for ; i < len(s.cs) && s.cs[i].off < s.t.lineEnd(last); i++ {
		text.WriteString(strings.Repeat(" ", k.Column-1) + s.cs[i].text + s.t.eol)
	}
	s.replace(s.t.lineStart(first), s.t.lineEnd(last), text.String())
	return nil
}

// replaceValue writes a new value for key k in place of v. A justification
// (text) may become a | block; a comment on its line moves to the block's
// header, so that it stays a comment.
func (s *splicer) replaceValue(k, v *yaml.Node, value string, text bool) error {
	vs := s.sp.at[v]
	if vs.end == vs.start && vs.start < len(s.t.src) && s.t.lineOf(vs.start) != k.Line {
		return errNoSplice
	}
	newText := value
	block := false
	if text {
		newText, block = literalBlock(value, k.Column-1+2, s.t.eol)
		if !block {
			newText = inlineScalar(value, false)
		}
	}
	start, end := vs.start, vs.end
	if vs.end == vs.start {
		// An implicit null (key: with nothing): the value goes after the
		// colon, before any comment.
		newText = " " + newText
		if block {
			// "key: |-", the comment, then the block's lines.
			line := s.t.lineOf(start)
			rest := string(s.t.src[start:s.t.contentEnd(line)])
			header, body, _ := strings.Cut(newText, s.t.eol)
			s.replace(start, s.t.contentEnd(line), header+rest+s.t.eol+body)
			return nil
		}
		s.replace(start, end, newText)
		return nil
	}
	oldBlock := v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	var comment string // after the old block's header
	if oldBlock {
		hl := s.t.lineOf(vs.hdrEnd)
		comment = string(s.t.src[vs.hdrEnd:s.t.contentEnd(hl)])
		if strings.TrimSpace(comment) == "" {
			comment = ""
		}
	}
	switch {
	case block:
		header, body, _ := strings.Cut(newText, s.t.eol)
		if oldBlock {
			newText = header + comment + s.t.eol + body
		} else {
			// The rest of the old value's last line (its comment) goes on
			// the header line.
			last := s.t.lineOf(end)
			rest := string(s.t.src[end:s.t.contentEnd(last)])
			if strings.TrimSpace(rest) != "" && strings.TrimSpace(rest)[0] != '#' {
				return errNoSplice
			}
			if strings.TrimSpace(rest) == "" {
				rest = ""
			}
			newText = header + rest + s.t.eol + body
			end = s.t.contentEnd(last)
		}
		if header == "|" && end == len(s.t.src) {
			newText += s.t.eol // a kept final line break needs a line break
		}
	case oldBlock && comment != "":
		newText += comment
	}
	s.replace(start, end, newText)
	return nil
}

// flow collections: { key: value, ... } on one line or several.

// flowInsert adds text (", key: value") before the closing } of mapping m.
func (s *splicer) flowInsert(m *yaml.Node, text string) error {
	ms := s.sp.at[m]
	if ms.body >= len(s.t.src) || s.t.src[ms.body] != '{' {
		return errNoSplice
	}
	at := ms.body + 1
	if len(m.Content) > 0 {
		at = s.sp.at[m.Content[len(m.Content)-1]].end
		if last := m.Content[len(m.Content)-1]; isNull(last) && s.sp.at[last].end == s.sp.at[last].start {
			at = s.sp.at[m.Content[len(m.Content)-2]].end
		}
	} else {
		text = strings.TrimPrefix(text, ", ")
	}
	s.replace(at, at, text)
	return nil
}

// flowDelete removes pair i of flow mapping m and one comma.
func (s *splicer) flowDelete(m *yaml.Node, i int) error {
	n := len(m.Content)
	var a, b int
	switch {
	case n == 2:
		a, b = s.sp.at[m.Content[0]].start, s.sp.at[m.Content[1]].end
	case i+2 >= n:
		a, b = s.sp.at[m.Content[i-1]].end, s.sp.at[m.Content[i+1]].end
	default:
		a, b = s.sp.at[m.Content[i]].start, s.sp.at[m.Content[i+2]].start
	}
	if b < a || s.hasComment(a, b) {
		return errNoSplice
	}
	s.replace(a, b, "")
	return nil
}

// flowFields edits the status and justification of an entry written
// { status: ..., justification: ... }.
func (s *splicer) flowFields(v *yaml.Node, a Answer) error {
	var add []string
	var dels []int
	for _, f := range []string{"status", "justification"} {
		idx := keyIndex(v, f)
		want := ""
		switch {
		case f == "status" && !cleared(a) && (a.Status != Unknown || idx >= 0):
			want = statusText(a.Status)
		case f == "justification" && a.Justification != "":
			want = inlineScalar(a.Justification, true)
		}
		switch {
		case want == "" && idx >= 0:
			dels = append(dels, idx)
		case want == "":
		case idx < 0:
			add = append(add, f+": "+want)
		default:
			val := v.Content[idx+1]
			same := val.Kind == yaml.ScalarNode && val.Tag == "!!str" && val.Value == a.Justification
			if f == "status" {
				st, err := ParseStatus(val.Value)
				same = val.Kind == yaml.ScalarNode && err == nil && st == a.Status
			}
			if !same {
				vs := s.sp.at[val]
				if vs.end == vs.start {
					return errNoSplice
				}
				s.replace(vs.start, vs.end, want)
			}
		}
	}
	if len(dels) > 0 {
		if len(dels) == len(v.Content)/2 && len(add) == 0 {
			vs := s.sp.at[v]
			s.replace(vs.body, vs.end, "{}")
			return nil
		}
		if len(dels) > 1 || len(add) > 0 {
			return errNoSplice
		}
		return s.flowDelete(v, dels[0])
	}
	if len(add) > 0 {
		return s.flowInsert(v, ", "+strings.Join(add, ", "))
	}
	return nil
}

// flowAnswers edits an answers mapping in flow style.
func (s *splicer) flowAnswers(av *yaml.Node, ch change) error {
	var adds []string
	for _, id := range ch.dirty {
		a := ch.answers[id]
		idx := keyIndex(av, id)
		if idx < 0 {
			if !cleared(a) {
				adds = append(adds, inlineScalar(id, true)+": "+flowAnswer(a))
			}
			continue
		}
		v := av.Content[idx+1]
		if reads(v, a) {
			continue
		}
		switch {
		case cleared(a) && s.removableFlow(av, idx):
			if err := s.flowDelete(av, idx); err != nil {
				return err
			}
		case isNull(v):
			if cleared(a) {
				continue
			}
			vs := s.sp.at[v]
			if vs.end == vs.start {
				return errNoSplice
			}
			s.replace(vs.start, vs.end, flowAnswer(a))
		case v.Kind == yaml.MappingNode:
			if err := s.flowFields(v, a); err != nil {
				return err
			}
		default:
			return errNoSplice
		}
	}
	if len(adds) > 0 {
		return s.flowInsert(av, ", "+strings.Join(adds, ", "))
	}
	return nil
}

// flowAnswer is an answer as a flow mapping.
func flowAnswer(a Answer) string {
	s := "{status: " + statusText(a.Status)
	if a.Justification != "" {
		s += ", justification: " + inlineScalar(a.Justification, true)
	}
	return s + "}"
}

// flowEntries is the answers of ch as a flow mapping.
func (s *splicer) flowEntries(ch change) string {
	var parts []string
	for _, id := range ch.dirty {
		if a := ch.answers[id]; !cleared(a) {
			parts = append(parts, inlineScalar(id, true)+": "+flowAnswer(a))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// project writes the project's name, url and badge_id where they differ
// from the file's.
func (s *splicer) project(root, pk, pv, ak *yaml.Node, p Project, flowRoot bool) error {
	fields := projectFields(p)
	if pk == nil {
		if flowRoot {
			var parts []string
			for _, f := range fields {
				parts = append(parts, f.key+": "+f.text())
			}
			return s.flowInsert(root, ", project: {"+strings.Join(parts, ", ")+"}")
		}
		var b strings.Builder
		b.WriteString("project:" + s.t.eol)
		s.projectLines(&b, p, 2)
		at := s.docEnd()
		if ak != nil {
			// Before answers, and before the comments right above it.
			l := ak.Line
			for l > 1 {
				st := s.t.lineStart(l - 1)
				if st < len(s.t.src) && s.t.src[st] == '#' {
					l--
					continue
				}
				break
			}
			at = s.t.lineStart(l)
		}
		s.insertLines(at, b.String())
		return nil
	}
	switch {
	case isNull(pv) || (!flowRoot && s.emptyFlow(pk, pv)):
		if flowRoot || (isNull(pv) && pv.Style&yaml.FlowStyle != 0) {
			return errNoSplice
		}
		var b strings.Builder
		s.projectLines(&b, p, pk.Column-1+2)
		return s.fillNull(pk, pv, b.String())
	case pv.Kind != yaml.MappingNode:
		return errNoSplice
	}
	flow := flowRoot || pv.Style&yaml.FlowStyle != 0
	var adds []string
	for _, f := range fields {
		fk, fv := pair(pv, f.key)
		if fk != nil && projectSame(f.key, fv, p) {
			continue
		}
		switch {
		case fk == nil:
			adds = append(adds, f.key+": "+f.text())
		case flow:
			vs := s.sp.at[fv]
			if vs.end == vs.start {
				return errNoSplice
			}
			s.replace(vs.start, vs.end, f.text())
		default:
			if err := s.replaceValue(fk, fv, f.text(), false); err != nil {
				return err
			}
		}
	}
	if len(adds) == 0 {
		return nil
	}
	if flow {
		return s.flowInsert(pv, ", "+strings.Join(adds, ", "))
	}
	last := len(pv.Content) - 2
	pad := strings.Repeat(" ", pv.Content[0].Column-1)
	var b strings.Builder
	for _, a := range adds {
		b.WriteString(pad + a + s.t.eol)
	}
	s.insertLines(s.t.lineEnd(s.entryEndLine(pv, last)), b.String())
	return nil
}

// projectField is one of the project's fields we write.
type projectField struct {
	key, value string
	number     bool // badge_id
}

// text is the field's value as YAML.
func (f projectField) text() string {
	if f.number {
		return f.value
	}
	return inlineScalar(f.value, true)
}

// projectFields are p's fields to write: those it has.
func projectFields(p Project) []projectField {
	var out []projectField
	if p.Name != "" {
		out = append(out, projectField{key: "name", value: p.Name})
	}
	if p.URL != "" {
		out = append(out, projectField{key: "url", value: p.URL})
	}
	if p.BadgeID > 0 {
		out = append(out, projectField{key: "badge_id", value: strconv.Itoa(p.BadgeID), number: true})
	}
	return out
}

// projectSame: the file already says what p says for this field.
func projectSame(field string, v *yaml.Node, p Project) bool {
	if v.Kind != yaml.ScalarNode {
		return false
	}
	switch field {
	case "name":
		return v.Tag == "!!str" && v.Value == p.Name
	case "url":
		return v.Tag == "!!str" && v.Value == p.URL
	}
	n, err := strconv.Atoi(v.Value)
	return err == nil && n == p.BadgeID
}

// projectLines writes the project's fields as block lines.
func (s *splicer) projectLines(b *strings.Builder, p Project, indent int) {
	for _, f := range projectFields(p) {
		b.WriteString(strings.Repeat(" ", indent) + f.key + ": " + f.text() + s.t.eol)
	}
}

// orderedIDs sorts ids in catalog order, unknown ones last by name, so that
// a save is the same whatever order the answers were given in.
func orderedIDs(dirty map[string]int, cat *criteria.Catalog) []string {
	ids := make([]string, 0, len(dirty))
	for id := range dirty {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		ri, oki := cat.Index(ids[i])
		rj, okj := cat.Index(ids[j])
		if oki != okj {
			return oki
		}
		if ri != rj {
			return ri < rj
		}
		return ids[i] < ids[j]
	})
	return ids
}
