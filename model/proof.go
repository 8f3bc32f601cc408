package model

import (
	"errors"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"gopkg.in/yaml.v3"
)

// The proof: before any text replaces the answers file, it is read back
// with the same loader and compared with what was meant. Every answer must
// read back exactly as intended (status and justification, to the byte),
// the project block too, every other key and value of the old file must
// be there unchanged, and every comment of the old file must still be
// there. A text that fails is never written.

// prove checks data as the new text of the file whose text is old. It
// returns data parsed (the next save's starting point), or what is wrong.
func prove(path string, old *state, data []byte, ch change, project Project, cat *criteria.Catalog) (*File, *Msg) {
	nf, err := parse(path, data, cat, false)
	if err != nil {
		var fe *FileError
		line := 0
		if errors.As(err, &fe) {
			line = fe.Line
		}
		return nil, ptr(M("proof.load", "Line", line))
	}
	for id, want := range ch.answers {
		if got := nf.Answers[id]; got.Status != want.Status || got.Justification != want.Justification {
			return nil, ptr(M("proof.answer", "ID", safetext.Key(id)))
		}
	}
	for id, got := range nf.Answers {
		if _, ok := ch.answers[id]; !ok && !cleared(got) {
			return nil, ptr(M("proof.answer", "ID", safetext.Key(id)))
		}
	}
	if nf.Project != project {
		return nil, ptr(M("proof.project"))
	}
	if key := changedKey(old.root, nf.base.root, ch); key != "" {
		return nil, ptr(M("proof.changed", "Key", safetext.Key(key)))
	}
	if c, ok := lostComment(old, nf.base); ok {
		return nil, ptr(M("proof.comment", "Comment", safetext.Line(clipRunes(c, 60))))
	}
	return nf, nil
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// sameNode compares two trees by what they say: kinds, tags, values,
// anchors, keys in order; not by how they are written (style, position,
// comments). Aliases compare by name, never by what they stand for.
func sameNode(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode || a.Kind == yaml.AliasNode {
		return a.Value == b.Value
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

type kv struct{ k, v *yaml.Node }

// pairs lists a mapping's pairs; none for nil or null.
func pairs(m *yaml.Node) []kv {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]kv, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, kv{m.Content[i], m.Content[i+1]})
	}
	return out
}

// without drops the pairs whose key is one of keys.
func without(ps []kv, keys ...string) []kv {
	out := ps[:0:0]
	for _, p := range ps {
		drop := false
		for _, k := range keys {
			if p.k.Kind == yaml.ScalarNode && p.k.Value == k {
				drop = true
			}
		}
		if !drop {
			out = append(out, p)
		}
	}
	return out
}

// samePairs compares two pair lists; the first key that differs, "" when
// they are the same.
func samePairs(a, b []kv) (string, bool) {
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return b[i].k.Value, false
		case i >= len(b):
			return a[i].k.Value, false
		case !sameNode(a[i].k, b[i].k) || !sameNode(a[i].v, b[i].v):
			return a[i].k.Value, false
		}
	}
	return "", true
}

// changedKey compares the old and new trees outside what the change may
// touch: the key that differs, "" when none does.
func changedKey(old, new *yaml.Node, ch change) string {
	if old != nil && new == nil || old != nil && old.Kind != new.Kind {
		return "(document)"
	}
	op, np := pairs(old), pairs(new)
	skip := []string{"project", "answers"}
	if _, v := pairOf(op, "version"); v == nil {
		skip = append(skip, "version")
	}
	if k, ok := samePairs(without(op, skip...), without(np, skip...)); !ok {
		return k
	}
	_, oldProject := pairOf(op, "project")
	_, newProject := pairOf(np, "project")
	if ch.project == nil {
		if !sameNode(nullToNil(oldProject), nullToNil(newProject)) {
			return "project"
		}
	} else if k, ok := samePairs(without(pairs(oldProject), "name", "url", "badge_id"), without(pairs(newProject), "name", "url", "badge_id")); !ok {
		return "project." + k
	}
	_, oldAnswers := pairOf(op, "answers")
	_, newAnswers := pairOf(np, "answers")
	dirty := make(map[string]bool, len(ch.dirty))
	for _, id := range ch.dirty {
		dirty[id] = true
	}
	keep := func(ps []kv) ([]kv, map[string]*yaml.Node) {
		var out []kv
		changed := map[string]*yaml.Node{}
		for _, p := range ps {
			if dirty[p.k.Value] {
				changed[p.k.Value] = p.v
			} else {
				out = append(out, p)
			}
		}
		return out, changed
	}
	oa, oc := keep(pairs(oldAnswers))
	na, nc := keep(pairs(newAnswers))
	if k, ok := samePairs(oa, na); !ok {
		return "answers." + k
	}
	for _, id := range ch.dirty {
		if k, ok := samePairs(without(pairs(oc[id]), "status", "justification"), without(pairs(nc[id]), "status", "justification")); !ok {
			return "answers." + id + "." + k
		}
	}
	return ""
}

func pairOf(ps []kv, key string) (*yaml.Node, *yaml.Node) {
	for _, p := range ps {
		if p.k.Kind == yaml.ScalarNode && p.k.Value == key {
			return p.k, p.v
		}
	}
	return nil, nil
}

func nullToNil(n *yaml.Node) *yaml.Node {
	if n == nil || isNull(n) {
		return nil
	}
	return n
}

// lostComment finds a comment of old that new does not have (as many
// times as old has it). Comments are read from the text where it could be
// measured, else from the parser's tree.
func lostComment(old, new *state) (string, bool) {
	oc, ok1 := old.spans().comments()
	nc, ok2 := new.spans().comments()
	count := map[string]int{}
	var olds []string
	if ok1 && ok2 {
		// A splice keeps the comments in their order: check that first,
		// and count them only when they moved (a re-encode).
		j := 0
		for _, c := range nc {
			if j < len(oc) && oc[j].text == c.text {
				j++
			}
		}
		if j == len(oc) {
			return "", false
		}
		for _, c := range nc {
			count[c.text]++
		}
		for _, c := range oc {
			olds = append(olds, c.text)
		}
	} else {
		for _, c := range treeComments(new.doc) {
			count[c]++
		}
		olds = treeComments(old.doc)
	}
	for _, c := range olds {
		if count[c] == 0 {
			return c, true
		}
		count[c]--
	}
	return "", false
}

// treeComments lists the comments the parser attached to the tree, one
// line each.
func treeComments(n *yaml.Node) []string {
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out = append(out, l)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}
