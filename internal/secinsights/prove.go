package secinsights

import (
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// value is a node as a reader sees it: maps, lists and typed scalars,
// without positions, styles or comments.
func value(n *yaml.Node) any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, value(c))
		}
		return l
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return value(n.Content[0])
	}
	switch n.Tag {
	case "!!bool":
		return "bool:" + strings.ToLower(n.Value)
	case "!!null":
		return nil
	case "!!str", "!!timestamp":
		return "str:" + n.Value
	}
	return n.Tag + ":" + n.Value
}

// equal: the same value to a reader.
func equal(a, b *yaml.Node) bool { return reflect.DeepEqual(value(a), value(b)) }

// prove checks a merge's result against the file it came from: it parses
// as strictly as any file we read; each field written holds its intended
// value; with those fields set aside, both files hold the same values; and
// every comment of the old file is still there.
func prove(old, out []byte, done []applied) error {
	nd, err := Parse(out)
	if err != nil {
		return &ProofError{Msg: msg("write.proof_parse", "Detail", err.Error())}
	}
	for _, d := range done {
		_, v := lookup(nd.Root, d.a.Path)
		ok := v != nil
		switch {
		case !ok:
		case d.a.Mode == Entry:
			ok = false
			for _, item := range v.Content {
				ok = ok || equal(item, d.a.Value)
			}
		default:
			ok = equal(v, d.a.Value)
		}
		if !ok {
			return &ProofError{Msg: msg("write.proof_field", "Field", d.a.Path.String())}
		}
	}
	var od yaml.Node
	var oldTree, origTree any
	if len(strings.TrimSpace(string(old))) > 0 {
		if err := yaml.Unmarshal(old, &od); err != nil {
			return &ProofError{Msg: msg("write.reparse", "Detail", err.Error())}
		}
		oldTree, origTree = value(&od), value(&od)
	}
	newTree := value(nd.Root)
	for _, d := range done {
		switch {
		case d.a.Mode == Entry && d.existed:
			truncate(newTree, d.a.Path, d.oldLen)
		default:
			newTree = remove(newTree, d.a.Path, origTree)
			oldTree = remove(oldTree, d.a.Path, origTree)
		}
	}
	if oldTree == nil {
		oldTree = map[string]any{}
	}
	if newTree == nil {
		newTree = map[string]any{}
	}
	if !reflect.DeepEqual(oldTree, newTree) {
		return &ProofError{Msg: msg("write.proof_other")}
	}
	var ndoc yaml.Node
	if err := yaml.Unmarshal(out, &ndoc); err != nil {
		return &ProofError{Msg: msg("write.reparse", "Detail", err.Error())}
	}
	have := map[string]int{}
	comments(&ndoc, have)
	want := map[string]int{}
	comments(&od, want)
	var lost []string
	for c, n := range want {
		if have[c] < n {
			lost = append(lost, c)
		}
	}
	if len(lost) > 0 {
		sort.Strings(lost)
		return &ProofError{Msg: msg("write.proof_comment", "Comment", lost[0])}
	}
	return nil
}

// remove deletes the field at p from tree, then the mappings left empty
// that orig (when given) does not have: those the merge created.
func remove(tree any, p Path, orig any) any {
	m, ok := tree.(map[string]any)
	if !ok || len(p) == 0 {
		return tree
	}
	if len(p) == 1 {
		delete(m, p[0])
		return m
	}
	child, ok := m[p[0]]
	if !ok {
		return m
	}
	var origChild any
	om, _ := orig.(map[string]any)
	if om != nil {
		origChild = om[p[0]]
	}
	m[p[0]] = remove(child, p[1:], origChild)
	if cm, ok := m[p[0]].(map[string]any); ok && len(cm) == 0 {
		switch was, had := om[p[0]]; {
		case !had:
			delete(m, p[0])
		case was == nil:
			m[p[0]] = nil // an empty block the merge filled in
		}
	}
	return m
}

// truncate cuts the list at p back to n entries.
func truncate(tree any, p Path, n int) {
	m, ok := tree.(map[string]any)
	for ok && len(p) > 1 {
		m, ok = m[p[0]].(map[string]any)
		p = p[1:]
	}
	if !ok {
		return
	}
	if l, isList := m[p[0]].([]any); isList && len(l) >= n {
		m[p[0]] = l[:n]
	}
}

// comments counts every comment line under n.
func comments(n *yaml.Node, into map[string]int) {
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, l := range strings.Split(c, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				into[l]++
			}
		}
	}
	for _, c := range n.Content {
		comments(c, into)
	}
}
