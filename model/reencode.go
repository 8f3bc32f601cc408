package model

import (
	"bytes"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"gopkg.in/yaml.v3"
)

// reencode is the fallback when the splice cannot change the file in place:
// the change is made to a copy of the node tree, which is written out
// whole. Keys keep their order, values their style, comments their place
// as far as the YAML library keeps them; the file's line breaks and byte
// order mark are kept. The proof then decides whether it may be written.
func reencode(st *state, ch change, cat *criteria.Catalog) ([]byte, error) {
	var doc *yaml.Node
	if st.doc != nil {
		doc = copyNode(st.doc)
	} else {
		doc = &yaml.Node{Kind: yaml.DocumentNode}
	}
	root := docRoot(doc)
	if root == nil {
		root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode("version"), {Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"}}}
		if len(doc.Content) > 0 {
			old := doc.Content[0]
			root.HeadComment, root.LineComment, root.FootComment = old.HeadComment, old.LineComment, old.FootComment
		}
		doc.Content = []*yaml.Node{root}
	}
	if root.Kind != yaml.MappingNode {
		return nil, errNoSplice
	}
	flow := root.Style&yaml.FlowStyle != 0
	if ch.project != nil {
		pk, pv := pair(root, "project")
		if pk == nil {
			pk, pv = strNode("project"), &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			at := len(root.Content)
			if i := keyIndex(root, "answers"); i >= 0 {
				at = i
			}
			root.Content = append(root.Content[:at], append([]*yaml.Node{pk, pv}, root.Content[at:]...)...)
		}
		if pv.Kind != yaml.MappingNode {
			*pv = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: pv.HeadComment, LineComment: pv.LineComment, FootComment: pv.FootComment}
		}
		for _, f := range projectFields(*ch.project) {
			v := strNode(f.value)
			if f.number {
				v.Tag = "!!int"
			} else if needsEscape(v.Value) {
				v.Style = yaml.DoubleQuotedStyle
			}
			setPair(pv, f.key, v)
		}
	}
	if len(ch.dirty) > 0 {
		ak, av := pair(root, "answers")
		if ak == nil {
			ak, av = strNode("answers"), &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			root.Content = append(root.Content, ak, av)
		}
		if av.Kind != yaml.MappingNode {
			*av = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: av.HeadComment, LineComment: av.LineComment, FootComment: av.FootComment}
		}
		flow = flow || av.Style&yaml.FlowStyle != 0
		for _, id := range ch.dirty {
			a := ch.answers[id]
			idx := keyIndex(av, id)
			if idx < 0 {
				if cleared(a) {
					continue
				}
				at := len(av.Content)
				if r, known := cat.Index(id); known {
					for i := 0; i+1 < len(av.Content); i += 2 {
						if er, ok := cat.Index(av.Content[i].Value); ok && er > r {
							at = i
							break
						}
					}
				}
				k := strNode(id)
				if needsEscape(id) {
					k.Style = yaml.DoubleQuotedStyle
				}
				v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
				setFields(v, a, flow)
				av.Content = append(av.Content[:at], append([]*yaml.Node{k, v}, av.Content[at:]...)...)
				continue
			}
			k, v := av.Content[idx], av.Content[idx+1]
			if v.Kind != yaml.MappingNode {
				if cleared(a) {
					continue
				}
				*v = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: v.HeadComment, LineComment: v.LineComment, FootComment: v.FootComment}
			}
			setFields(v, a, flow || v.Style&yaml.FlowStyle != 0)
			if cleared(a) && len(v.Content) == 0 && k.HeadComment+k.LineComment+k.FootComment+v.HeadComment+v.LineComment+v.FootComment == "" {
				av.Content = append(av.Content[:idx], av.Content[idx+2:]...)
			}
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(fileIndent(st))
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if st.t.eol != "\n" {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte(st.t.eol))
	}
	if bytes.HasPrefix(st.src, bom) {
		out = append(append([]byte(nil), bom...), out...)
	}
	return out, nil
}

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// setFields writes a's status and justification into the answer mapping v,
// keeping its other keys and the comments of the values replaced.
func setFields(v *yaml.Node, a Answer, flow bool) {
	if cleared(a) {
		deletePair(v, "status")
		deletePair(v, "justification")
		return
	}
	if a.Status != Unknown || hasPair(v, "status") {
		s := strNode(a.Status.String())
		if a.Status == Unknown {
			s.Style = yaml.DoubleQuotedStyle
		}
		setPair(v, "status", s)
	}
	if a.Justification == "" {
		deletePair(v, "justification")
		return
	}
	j := strNode(a.Justification)
	switch {
	case !flow && strings.Contains(a.Justification, "\n"):
		if _, ok := literalBlock(a.Justification, 2, "\n"); ok {
			j.Style = yaml.LiteralStyle
		} else {
			j.Style = yaml.DoubleQuotedStyle
		}
	case needsEscape(a.Justification) || strings.Contains(a.Justification, "\n"):
		j.Style = yaml.DoubleQuotedStyle
	}
	setPair(v, "justification", j)
}

func hasPair(m *yaml.Node, key string) bool {
	k, _ := pair(m, key)
	return k != nil
}

// setPair sets key's value in mapping m, keeping the old value's comments.
func setPair(m *yaml.Node, key string, val *yaml.Node) {
	if i := keyIndex(m, key); i >= 0 {
		old := m.Content[i+1]
		val.HeadComment, val.LineComment, val.FootComment = old.HeadComment, old.LineComment, old.FootComment
		m.Content[i+1] = val
		return
	}
	m.Content = append(m.Content, strNode(key), val)
}

// deletePair removes key from mapping m; its comments go to the pair that
// takes its place, or the mapping's foot.
func deletePair(m *yaml.Node, key string) {
	i := keyIndex(m, key)
	if i < 0 {
		return
	}
	k, v := m.Content[i], m.Content[i+1]
	cs := joinComments(k.HeadComment, k.LineComment, v.HeadComment, v.LineComment, v.FootComment, k.FootComment)
	m.Content = append(m.Content[:i], m.Content[i+2:]...)
	if cs != "" {
		if i < len(m.Content) {
			m.Content[i].HeadComment = joinComments(cs, m.Content[i].HeadComment)
		} else {
			m.FootComment = joinComments(cs, m.FootComment)
		}
	}
}

func joinComments(cs ...string) string {
	var out []string
	for _, c := range cs {
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, "\n")
}

func copyNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, x := range n.Content {
			c.Content[i] = copyNode(x)
		}
	}
	return &c
}

// fileIndent is the indentation step the file uses (2 unless it says
// otherwise).
func fileIndent(st *state) int {
	if st.root == nil {
		return 2
	}
	for i := 1; i < len(st.root.Content); i += 2 {
		v := st.root.Content[i]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			if d := v.Content[0].Column - st.root.Content[i-1].Column; d >= 2 && d <= 9 {
				return d
			}
		}
	}
	return 2
}
