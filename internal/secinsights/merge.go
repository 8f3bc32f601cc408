package secinsights

import (
	"bytes"
	"strings"

	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// Mode says how an assignment treats what the file already holds.
type Mode int

const (
	// Own: the value comes from the answers; it replaces what the file says.
	Own Mode = iota
	// Seed: written only when the file has no value (the maintainer's own
	// afterwards: a date reviewed, a sentence the schema requires).
	Seed
	// Entry: one entry of a list, added when no entry stands for it.
	Entry
	// InExisting: like Own, but only inside a parent the file already has
	// (a block whose other required fields we cannot know).
	InExisting
	// Dated: header.last-updated, today when anything else changes.
	Dated
)

// Assignment is one field an export writes.
type Assignment struct {
	Path  Path
	Value *yaml.Node
	Mode  Mode
	// Same tells whether an existing list entry stands for Value (Entry).
	Same func(item *yaml.Node) bool
}

// Change is a field a merge changes: its path, the line in the old file (0
// when new) and short renderings of the old and new values.
type Change struct {
	Path     string
	Line     int
	Old, New string
}

// ConflictError is a file whose shape leaves no place for a field we own:
// a scalar or list where the schema has a mapping, a flow-style document.
type ConflictError struct {
	Path string
	Line int
}

func (e *ConflictError) Error() string { return e.Path + ": not a mapping" }

// ProofError is a merge whose result failed the check after it was made:
// nothing may be written.
type ProofError struct{ Msg model.Msg }

func (e *ProofError) Error() string { return e.Msg.String() }

// newFileHead opens a file we create. The file is for everyone who reads
// the repository, so it is in English whatever the user's language.
const newFileHead = "# OpenSSF Security Insights (schema " + SchemaVersion + ").\n" +
	"# Written by bestpractices from .bestpractices.yaml; to update it, run\n" +
	"#   bestpractices export --format security-insights -o FILE\n" +
	"# which rewrites only the fields it fills in and keeps everything else,\n" +
	"# comments included. Edit the rest by hand.\n"

// Merge writes the assignments into src (an existing file, or nil for a new
// one) and proves the result: every field we own as intended, everything
// else and every comment as it was. An existing file must already have
// passed Parse.
func Merge(src []byte, as []Assignment) ([]byte, []Change, error) {
	if err := conflicts(src, as); err != nil {
		return nil, nil, err
	}
	m := &merger{text: append([]byte(nil), src...)}
	if len(bytes.TrimSpace(src)) == 0 {
		m.text = []byte(newFileHead)
		m.created = true
	}
	m.unit = indentUnit(m.text)
	m.crlf = bytes.Contains(m.text, []byte("\r\n"))
	var dated *Assignment
	for i := range as {
		a := as[i]
		if a.Mode == Dated {
			dated = &as[i]
			if !m.created {
				continue // decided at the end
			}
			a.Mode = Own
		}
		if err := m.apply(a); err != nil {
			return nil, nil, err
		}
	}
	if dated != nil && !m.created {
		a := *dated
		a.Mode = Seed
		if len(m.changes) > 0 {
			a.Mode = Own
		}
		if err := m.apply(a); err != nil {
			return nil, nil, err
		}
	}
	if err := prove(src, m.text, m.done); err != nil {
		return nil, nil, err
	}
	return m.text, m.changes, nil
}

// conflicts finds, in the file as it is, a field on an assignment's path
// that has a shape the schema does not give it: the user is told its line
// before anything changes.
func conflicts(src []byte, as []Assignment) error {
	var doc yaml.Node
	if len(bytes.TrimSpace(src)) == 0 || yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		if isNull(root) {
			return nil
		}
		return &ConflictError{Line: root.Line}
	}
	for _, a := range as {
		cur := root
		for i, seg := range a.Path {
			idx := pairIndex(cur, seg)
			if idx < 0 {
				break
			}
			v := cur.Content[idx+1]
			last := i == len(a.Path)-1
			switch {
			case isNull(v):
			case last && a.Mode == Entry && v.Kind != yaml.SequenceNode:
				return &ConflictError{Path: a.Path.String(), Line: v.Line}
			case !last && v.Kind != yaml.MappingNode:
				return &ConflictError{Path: a.Path[:i+1].String(), Line: v.Line}
			}
			if last || v.Kind != yaml.MappingNode {
				break
			}
			cur = v
		}
	}
	return nil
}

type merger struct {
	text    []byte
	unit    int
	crlf    bool // the file ends its lines with CR LF: so do the lines we add
	created bool
	changes []Change
	done    []applied
}

// applied is an assignment that changed the text, for the proof.
type applied struct {
	a       Assignment
	existed bool // the field (or list) was in the file before
	oldLen  int  // Entry: the list's length before
}

// frame is one step of a path: a mapping and the index of a pair in it.
type frame struct {
	m *yaml.Node
	i int
}

func (m *merger) root() (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(m.text, &doc); err != nil {
		return nil, &ProofError{Msg: msg("write.reparse", "Detail", err.Error())}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	r := doc.Content[0]
	if r.Kind == yaml.ScalarNode && r.Tag == "!!null" {
		return nil, nil
	}
	return r, nil
}

func (m *merger) lines() []string { return splitLines(m.text) }

func (m *merger) apply(a Assignment) error {
	root, err := m.root()
	if err != nil {
		return err
	}
	if root != nil && (root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0) {
		return &ConflictError{Path: "", Line: root.Line}
	}
	var stack []frame
	cur := root
	for i, seg := range a.Path {
		last := i == len(a.Path)-1
		idx := pairIndex(cur, seg)
		if idx < 0 {
			if a.Mode == InExisting && !last {
				return nil
			}
			val := nest(a.Path[i+1:], a.Value, a.Mode)
			m.record(a, a.Path, 0, nil, a.Value, false, 0)
			return m.insert(cur, stack, seg, val)
		}
		k, v := cur.Content[idx], cur.Content[idx+1]
		here := append(stack, frame{cur, idx})
		if last {
			return m.set(a, k, v, here)
		}
		switch {
		case isNull(v):
			if a.Mode == InExisting {
				return nil
			}
			val := nest(a.Path[i+1:], a.Value, a.Mode)
			m.record(a, a.Path, 0, nil, a.Value, false, 0)
			return m.replace(k, here, val)
		case v.Kind != yaml.MappingNode:
			return &ConflictError{Path: a.Path[:i+1].String(), Line: v.Line}
		case v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0:
			// A flow mapping is rewritten in block style, with our field.
			nv := blockCopy(v)
			changed, err := setIn(nv, a.Path[i+1:], a)
			if err != nil || !changed {
				return err
			}
			oldK, oldV := lookup(v, a.Path[i+1:])
			line := 0
			if oldK != nil {
				line = oldK.Line
			}
			_, newV := lookup(nv, a.Path[i+1:])
			m.record(a, a.Path, line, oldV, newV, oldK != nil, seqLen(oldV))
			return m.replace(k, here, nv)
		}
		stack = here
		cur = v
	}
	return nil
}

// set handles the last step: the field exists as k: v.
func (m *merger) set(a Assignment, k, v *yaml.Node, here []frame) error {
	switch a.Mode {
	case Seed:
		if !isNull(v) {
			return nil
		}
	case Entry:
		if isNull(v) {
			val := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{a.Value}}
			m.record(a, a.Path, k.Line, v, a.Value, false, 0)
			return m.replace(k, here, val)
		}
		if v.Kind != yaml.SequenceNode {
			return &ConflictError{Path: a.Path.String(), Line: v.Line}
		}
		for _, item := range v.Content {
			if a.Same(item) {
				return nil
			}
		}
		m.record(a, a.Path, k.Line, nil, a.Value, true, len(v.Content))
		if v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
			nv := blockCopy(v)
			nv.Content = append(nv.Content, a.Value)
			return m.replace(k, here, nv)
		}
		return m.appendItem(v, here, a.Value)
	default:
		if equal(v, a.Value) {
			return nil
		}
	}
	m.record(a, a.Path, k.Line, v, a.Value, true, 0)
	if v.Kind == yaml.ScalarNode && a.Value.Kind == yaml.ScalarNode && v.Line == k.Line {
		if done := m.inlineScalar(v, a.Value); done {
			return nil
		}
	}
	return m.replace(k, here, a.Value)
}

func (m *merger) record(a Assignment, p Path, line int, old, nw *yaml.Node, existed bool, oldLen int) {
	c := Change{Path: p.String(), Line: line, New: describe(nw)}
	if old != nil && !isNull(old) {
		c.Old = describe(old)
	}
	if a.Mode == Entry {
		c.Path += "[+]"
		c.New = entryName(a.Value)
	}
	m.changes = append(m.changes, c)
	m.done = append(m.done, applied{a: a, existed: existed, oldLen: oldLen})
}

func entryName(n *yaml.Node) string {
	for _, f := range []string{"name", "url"} {
		if _, v := lookup(n, Path{f}); v != nil && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return describe(n)
}

func seqLen(n *yaml.Node) int {
	if n != nil && n.Kind == yaml.SequenceNode {
		return len(n.Content)
	}
	return 0
}

func pairIndex(m *yaml.Node, key string) int {
	if m == nil {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// nest wraps v in mappings for the rest of a path; an Entry becomes a
// one-entry list.
func nest(rest Path, v *yaml.Node, mode Mode) *yaml.Node {
	if mode == Entry {
		v = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{v}}
	}
	for i := len(rest) - 1; i >= 0; i-- {
		v = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(rest[i]), v}}
	}
	return v
}

// setIn applies a to the in-memory mapping n at the relative path p; it
// reports whether anything changed.
func setIn(n *yaml.Node, p Path, a Assignment) (bool, error) {
	cur := n
	for i, seg := range p {
		idx := pairIndex(cur, seg)
		if idx < 0 {
			if a.Mode == InExisting && i < len(p)-1 {
				return false, nil
			}
			cur.Content = append(cur.Content, str(seg), nest(p[i+1:], a.Value, a.Mode))
			return true, nil
		}
		v := cur.Content[idx+1]
		if i < len(p)-1 {
			if isNull(v) {
				cur.Content[idx+1] = nest(p[i+1:], a.Value, a.Mode)
				return true, nil
			}
			if v.Kind != yaml.MappingNode {
				return false, &ConflictError{Path: p[:i+1].String(), Line: v.Line}
			}
			cur = v
			continue
		}
		switch a.Mode {
		case Seed:
			if !isNull(v) {
				return false, nil
			}
		case Entry:
			if v.Kind == yaml.SequenceNode {
				for _, item := range v.Content {
					if a.Same(item) {
						return false, nil
					}
				}
				v.Content = append(v.Content, a.Value)
				return true, nil
			}
			cur.Content[idx+1] = nest(nil, a.Value, Entry)
			return true, nil
		default:
			if equal(v, a.Value) {
				return false, nil
			}
		}
		cur.Content[idx+1] = a.Value
		return true, nil
	}
	return false, nil
}

// blockCopy is a deep copy of n in block style, without positions.
func blockCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Style &^= yaml.FlowStyle
	c.Line, c.Column = 0, 0
	c.Content = nil
	for _, k := range n.Content {
		c.Content = append(c.Content, blockCopy(k))
	}
	return &c
}

// regionEnd is the 0-based line index just past the pair at the top of
// stack, without the blank lines and shallower comments that end it: they
// belong to what follows.
func regionEnd(lines []string, stack []frame) int {
	end := len(lines)
	for j := len(stack) - 1; j >= 0; j-- {
		f := stack[j]
		if f.i+2 < len(f.m.Content) {
			end = f.m.Content[f.i+2].Line - 1
			break
		}
	}
	top := stack[len(stack)-1]
	k := top.m.Content[top.i]
	for end > k.Line && trailingFiller(lines[end-1], k.Column) {
		end--
	}
	return end
}

// insert adds key: val at the end of mapping cur (nil: the empty document).
func (m *merger) insert(cur *yaml.Node, stack []frame, key string, val *yaml.Node) error {
	lines := m.lines()
	if cur == nil {
		text, err := renderPair(key, val, 0, m.unit)
		if err != nil {
			return err
		}
		m.text = append(ensureNewline(m.text), m.eol(text)...)
		return nil
	}
	last := frame{cur, len(cur.Content) - 2}
	at := regionEnd(lines, append(stack, last))
	indent := cur.Content[0].Column - 1
	text, err := renderPair(key, val, indent, m.unit)
	if err != nil {
		return err
	}
	m.splice(lines, at, at, text)
	return nil
}

// replace rewrites the pair at the top of here as key: val.
func (m *merger) replace(k *yaml.Node, here []frame, val *yaml.Node) error {
	lines := m.lines()
	end := regionEnd(lines, here)
	text, err := renderPair(k.Value, val, k.Column-1, m.unit)
	if err != nil {
		return err
	}
	m.splice(lines, k.Line-1, end, text)
	return nil
}

// appendItem adds item at the end of the block sequence seq.
func (m *merger) appendItem(seq *yaml.Node, here []frame, item *yaml.Node) error {
	lines := m.lines()
	end := regionEnd(lines, here)
	first := seq.Content[0]
	dash := strings.IndexByte(lines[first.Line-1], '-')
	if dash < 0 {
		dash = max(first.Column-3, 0)
	}
	text, err := render(&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{item}}, dash, m.unit)
	if err != nil {
		return err
	}
	m.splice(lines, end, end, text)
	return nil
}

// inlineScalar replaces a one-line scalar in place, keeping what follows it
// on the line (a comment). It reports false when the scalar is not one
// line or the new value needs more than one.
func (m *merger) inlineScalar(old, nw *yaml.Node) bool {
	if old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return false
	}
	out, err := yaml.Marshal(nw)
	if err != nil {
		return false
	}
	val := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(val, "\n") {
		return false
	}
	lines := m.lines()
	line := lines[old.Line-1]
	start := byteOffset(line, old.Column-1)
	end := scalarEnd(line, start)
	if end < 0 {
		return false
	}
	lines[old.Line-1] = line[:start] + val + line[end:]
	m.text = []byte(strings.Join(lines, ""))
	return true
}

// scalarEnd finds where a one-line scalar starting at line[start] ends; -1
// when it goes on to the next line.
func scalarEnd(line string, start int) int {
	body := strings.TrimRight(line, "\r\n")
	if start >= len(body) {
		return -1
	}
	switch body[start] {
	case '\'':
		for i := start + 1; i < len(body); i++ {
			if body[i] == '\'' {
				if i+1 < len(body) && body[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return -1
	case '"':
		for i := start + 1; i < len(body); i++ {
			switch body[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return -1
	}
	end := len(body)
	if c := strings.Index(body[start:], " #"); c >= 0 {
		end = start + c
	}
	if c := strings.Index(body[start:], "\t#"); c >= 0 && start+c < end {
		end = start + c
	}
	return start + len(strings.TrimRight(body[start:end], " \t"))
}

func (m *merger) splice(lines []string, start, end int, text string) {
	out := append([]string(nil), lines[:start]...)
	if start > 0 && !strings.HasSuffix(out[start-1], "\n") {
		out[start-1] += m.eol("\n")
	}
	out = append(out, m.eol(text))
	out = append(out, lines[end:]...)
	m.text = []byte(strings.Join(out, ""))
}

func (m *merger) eol(text string) string {
	if m.crlf {
		return strings.ReplaceAll(text, "\n", "\r\n")
	}
	return text
}

// renderPair renders "key: val" at the given indentation.
func renderPair(key string, val *yaml.Node, indent, unit int) (string, error) {
	return render(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(key), val}}, indent, unit)
}

func render(n *yaml.Node, indent, unit int) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(unit)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", indent)
	var out strings.Builder
	for _, l := range splitLines(buf.Bytes()) {
		if strings.TrimSpace(l) != "" {
			out.WriteString(pad)
		}
		out.WriteString(l)
	}
	return out.String(), nil
}

// indentUnit is the file's indentation step, from its first nested block
// mapping; 2 for a new file.
func indentUnit(src []byte) int {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return 2
	}
	r := doc.Content[0]
	for i := 0; i+1 < len(r.Content); i += 2 {
		k, v := r.Content[i], r.Content[i+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Line > k.Line {
			if u := v.Content[0].Column - k.Column; u >= 2 && u <= 8 {
				return u
			}
		}
	}
	return 2
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func boolean(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}

func splitLines(b []byte) []string {
	if len(b) == 0 {
		return nil
	}
	s := strings.SplitAfter(string(b), "\n")
	if s[len(s)-1] == "" {
		s = s[:len(s)-1]
	}
	return s
}

func ensureNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(b, '\n')
	}
	return b
}

// trailingFiller: a blank line, or a comment no deeper than column col.
func trailingFiller(line string, col int) bool {
	t := strings.TrimLeft(line, " \t")
	if strings.TrimSpace(t) == "" {
		return true
	}
	return strings.HasPrefix(t, "#") && len(line)-len(t) < col
}

func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
