package model

import (
	"bytes"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"gopkg.in/yaml.v3"
)

// splice returns src with the answers of the dirty ids rewritten. Only the
// lines of those answers change: everything else, comments and blank lines
// included, stays byte for byte. Shapes we cannot edit line by line (flow
// style) fall back to re-encoding the document, which still keeps comments,
// key order and unknown keys.
//
// root is src already parsed, or nil; splice may change it.
func splice(src []byte, root *yaml.Node, answers Answers, dirty map[string]int, cat *criteria.Catalog) ([]byte, error) {
	if len(dirty) == 0 {
		return src, nil
	}
	var err error
	if root == nil {
		if root, err = parseRoot(src); err != nil {
			return nil, err
		}
	}
	if root == nil || root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		src = append(bytes.TrimRight(src, "\n"), []byte("\nversion: 1\nanswers:\n")...)
		if len(bytes.TrimSpace(src)) == len("version: 1\nanswers:") {
			src = []byte("version: 1\nanswers:\n")
		}
		if root, err = parseRoot(src); err != nil || root == nil {
			return nil, err
		}
	}
	ans, next := findKey(root, "answers")
	if ans == nil {
		src = append(ensureNewline(src), []byte("answers:\n")...)
		if root, err = parseRoot(src); err != nil {
			return nil, err
		}
		ans, next = findKey(root, "answers")
	}
	val := ans.value
	if !isNull(val) && (val.Kind != yaml.MappingNode || val.Style&yaml.FlowStyle != 0 || val.Line == ans.key.Line) {
		return reencode(root, answers, dirty, cat)
	}

	lines := splitLines(src)
	// The answers block ends where the next top-level key starts.
	blockEnd := len(lines)
	if next != nil {
		blockEnd = next.Line - 1
	}
	type entry struct {
		key, val   *yaml.Node
		start, end int // 0-based line range [start, end)
	}
	var entries []entry
	if val.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(val.Content); i += 2 {
			k := val.Content[i]
			end := blockEnd
			if i+2 < len(val.Content) {
				end = val.Content[i+2].Line - 1
			}
			// Leave trailing blank lines and comments at the key's depth or
			// shallower: they belong to what follows.
			for end > k.Line && trailingFiller(lines[end-1], k.Column) {
				end--
			}
			entries = append(entries, entry{k, val.Content[i+1], k.Line - 1, end})
		}
	}
	indent, inner := 2, 2
	if len(entries) > 0 {
		indent = entries[0].key.Column - 1
		if v := entries[0].val; v.Kind == yaml.MappingNode && len(v.Content) > 0 && v.Content[0].Line > entries[0].key.Line {
			inner = v.Content[0].Column - entries[0].key.Column
		}
	}
	type edit struct {
		start, end int
		order      int
		text       string
	}
	var edits []edit
	ids := orderedIDs(dirty, cat)
	for n, id := range ids {
		a := answers[id]
		idx := -1
		for i, e := range entries {
			if e.key.Value == id {
				idx = i
				break
			}
		}
		if idx >= 0 {
			e := entries[idx]
			v := e.val
			if isNull(v) {
				v = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			}
			if removable(v, a) {
				edits = append(edits, edit{e.start, e.end, n, ""})
				continue
			}
			setAnswer(v, a)
			text, err := encodeEntry(e.key, v, indent, inner)
			if err != nil {
				return nil, err
			}
			edits = append(edits, edit{e.start, e.end, n, text})
			continue
		}
		if a.Status == Unknown && a.Justification == "" {
			continue
		}
		// A new answer goes before the first answer that follows it in the
		// catalog, so that the file reads in the badge's order.
		at := ans.key.Line // just below "answers:"
		if len(entries) > 0 {
			at = entries[len(entries)-1].end
		}
		rank := catalogRank(cat)
		for i, e := range entries {
			r, known := rank[e.key.Value]
			if known && r > rank[id] {
				if i > 0 {
					at = entries[i-1].end
				} else {
					at = ans.key.Line
				}
				break
			}
		}
		v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		setAnswer(v, a)
		text, err := encodeEntry(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id}, v, indent, inner)
		if err != nil {
			return nil, err
		}
		edits = append(edits, edit{at, at, n, text})
	}
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].order < edits[j].order
	})
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		for ; pos < e.start; pos++ {
			out.WriteString(lines[pos])
		}
		if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			out.WriteByte('\n')
		}
		out.WriteString(e.text)
		if e.end > pos {
			pos = e.end
		}
	}
	for ; pos < len(lines); pos++ {
		out.WriteString(lines[pos])
	}
	return out.Bytes(), nil
}

type keyValue struct{ key, value *yaml.Node }

// findKey finds key in a mapping and the key that follows it, if any.
func findKey(m *yaml.Node, key string) (*keyValue, *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			var next *yaml.Node
			if i+2 < len(m.Content) {
				next = m.Content[i+2]
			}
			return &keyValue{m.Content[i], m.Content[i+1]}, next
		}
	}
	return nil, nil
}

func ensureNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(b, '\n')
	}
	return b
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

// trailingFiller: a blank line, or a comment no deeper than column col
// (1-based). Block scalar text is always deeper than its key, so it is
// never mistaken for one.
func trailingFiller(line string, col int) bool {
	t := strings.TrimLeft(line, " \t")
	if strings.TrimSpace(t) == "" {
		return true
	}
	return strings.HasPrefix(t, "#") && len(line)-len(t) < col
}

func catalogRank(cat *criteria.Catalog) map[string]int {
	rank := make(map[string]int, len(cat.IDs()))
	for i, id := range cat.IDs() {
		rank[id] = i
	}
	return rank
}

// orderedIDs sorts ids in catalog order, unknown ones last by name, so that
// a save is the same whatever order the answers were given in.
func orderedIDs(dirty map[string]int, cat *criteria.Catalog) []string {
	rank := catalogRank(cat)
	ids := make([]string, 0, len(dirty))
	for id := range dirty {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		ri, oki := rank[ids[i]]
		rj, okj := rank[ids[j]]
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

// removable: an answer cleared back to nothing, in an entry holding nothing
// else of the user's, is removed rather than left as an empty shell.
func removable(v *yaml.Node, a Answer) bool {
	if a.Status != Unknown || a.Justification != "" {
		return false
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if (k.Value != "status" && k.Value != "justification") || k.HeadComment != "" || k.LineComment != "" || v.Content[i+1].LineComment != "" {
			return false
		}
	}
	return true
}

// setAnswer writes a into the answer mapping v, keeping its other keys.
func setAnswer(v *yaml.Node, a Answer) {
	status := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: a.Status.String()}
	if a.Status == Unknown {
		status.Style = yaml.DoubleQuotedStyle
	}
	setKey(v, "status", status)
	if a.Justification == "" {
		deleteKey(v, "justification")
		return
	}
	j := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: a.Justification}
	if strings.Contains(a.Justification, "\n") {
		j.Style = yaml.LiteralStyle
	}
	setKey(v, "justification", j)
}

func setKey(m *yaml.Node, key string, val *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			val.LineComment, val.HeadComment, val.FootComment = old.LineComment, old.HeadComment, old.FootComment
			m.Content[i+1] = val
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, val)
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// encodeEntry renders "key: value" at the given indentation. Comments above
// the key and after the entry stay in the file untouched, so they are left
// out here.
func encodeEntry(key, val *yaml.Node, indent, inner int) (string, error) {
	k := *key
	k.HeadComment, k.FootComment = "", ""
	v := *val
	v.FootComment = ""
	if v.Kind == yaml.MappingNode {
		v.Content = append([]*yaml.Node(nil), v.Content...)
		if n := len(v.Content); n > 0 {
			last := *v.Content[n-1]
			last.FootComment = ""
			v.Content[n-1] = &last
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(max(inner, 2))
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{&k, &v}}); err != nil {
		return "", err
	}
	enc.Close()
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

// reencode applies the changes to the node tree and writes the whole
// document again: the fallback for flow-style files.
func reencode(root *yaml.Node, answers Answers, dirty map[string]int, cat *criteria.Catalog) ([]byte, error) {
	ans, _ := findKey(root, "answers")
	m := ans.value
	if m.Kind != yaml.MappingNode {
		*m = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	m.Style = 0
	for _, id := range orderedIDs(dirty, cat) {
		a := answers[id]
		kv, _ := findKey(m, id)
		if kv == nil {
			if a.Status == Unknown && a.Justification == "" {
				continue
			}
			v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			setAnswer(v, a)
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id}, v)
			continue
		}
		if kv.value.Kind != yaml.MappingNode {
			*kv.value = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		}
		setAnswer(kv.value, a)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	enc.Close()
	return buf.Bytes(), nil
}
