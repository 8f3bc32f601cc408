package model

import (
	"errors"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// SaveProject is Save that also sets the project block's name, url and
// badge_id to p's, where p has one and it differs. Only those lines
// change; comments and everything else stay. Like Save, it refuses when
// the file changed on disk, and writes nothing on error.
func (f *File) SaveProject(p Project, force bool) error {
	pend, err := f.Encode()
	if err != nil {
		return err
	}
	data, err := spliceProject(pend.Data, f.Project, p)
	if err != nil {
		return err
	}
	check, err := Parse(f.Path, data, f.cat)
	if err != nil || check.Project != f.mergedProject(p) {
		return &FileError{Path: f.Path, Message: M("project_not_set"), Fix: M("fix_project_by_hand")}
	}
	pend.Data = data
	if err := f.Write(pend, force); err != nil {
		return err
	}
	f.Saved(pend)
	f.Project = f.mergedProject(p)
	return nil
}

// mergedProject is f.Project with p's non-empty fields.
func (f *File) mergedProject(p Project) Project {
	out := f.Project
	if p.Name != "" {
		out.Name = p.Name
	}
	if p.URL != "" {
		out.URL = p.URL
	}
	if p.BadgeID > 0 {
		out.BadgeID = p.BadgeID
	}
	return out
}

func spliceProject(src []byte, old, p Project) ([]byte, error) {
	var err error
	set := func(key, value string) {
		if err == nil {
			src, err = setProjectField(src, key, value)
		}
	}
	if p.Name != "" && p.Name != old.Name {
		set("name", p.Name)
	}
	if p.URL != "" && p.URL != old.URL {
		set("url", p.URL)
	}
	if p.BadgeID > 0 && p.BadgeID != old.BadgeID {
		set("badge_id", strconv.Itoa(p.BadgeID))
	}
	return src, err
}

// setProjectField writes project.key: value into src, in place when the
// key is there, else as a new line at the end of the project block (or a
// new block before answers).
func setProjectField(src []byte, key, value string) ([]byte, error) {
	node := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value}
	if key == "badge_id" {
		node.Tag = "!!int"
	}
	scalar := value
	if node.Tag == "!!str" {
		scalar = yamlScalar(value)
	}
	root, err := parseRoot(src)
	if err != nil {
		return nil, err
	}
	lines := splitLines(src)
	if root == nil {
		return append(ensureNewline(append([]byte(nil), src...)), "project:\n  "+key+": "+scalar+"\n"...), nil
	}
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		return nil, errors.New("the file is not a block mapping")
	}
	replace := func(start, end int, text string) []byte {
		out := append([]string(nil), lines[:start]...)
		if start > 0 && !strings.HasSuffix(out[start-1], "\n") {
			out[start-1] += "\n"
		}
		out = append(out, text)
		out = append(out, lines[end:]...)
		return []byte(strings.Join(out, ""))
	}
	kv, next := findKey(root, "project")
	if kv == nil {
		at := len(lines)
		if a, _ := findKey(root, "answers"); a != nil {
			at = a.key.Line - 1
			// Comments right above answers: belong to it.
			for at > 0 && strings.HasPrefix(lines[at-1], "#") {
				at--
			}
		}
		return replace(at, at, "project:\n  "+key+": "+scalar+"\n"), nil
	}
	blockEnd := len(lines)
	if next != nil {
		blockEnd = next.Line - 1
	}
	blockEnd = trimFiller(lines, kv.key.Line, blockEnd, kv.key.Column)
	v := kv.value
	if v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
		// Null or flow style: write the block anew.
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		if v.Kind == yaml.MappingNode {
			m.Content = append(m.Content, v.Content...)
		}
		setKey(m, key, node)
		text, err := encodeEntry(kv.key, m, kv.key.Column-1, 2)
		if err != nil {
			return nil, err
		}
		return replace(kv.key.Line-1, blockEnd, text), nil
	}
	indent := v.Content[0].Column - 1
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Value != key {
			continue
		}
		if val.Kind == yaml.ScalarNode && val.Line == k.Line && val.Value != "" && val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			// The value sits on the key's line: change it there, keeping the
			// comment after it as it is aligned.
			line := lines[k.Line-1]
			prefix := line[:byteOffset(line, val.Column-1)]
			rest := line[len(prefix):]
			tail := ""
			if strings.HasSuffix(rest, "\n") {
				tail = "\n"
			}
			if c := val.LineComment; c != "" {
				if at := strings.LastIndex(rest, c); at >= 0 {
					j := at
					for j > 0 && (rest[j-1] == ' ' || rest[j-1] == '\t') {
						j--
					}
					tail = rest[j:]
				}
			}
			return replace(k.Line-1, k.Line, prefix+scalar+tail), nil
		}
		end := blockEnd
		if i+2 < len(v.Content) {
			end = v.Content[i+2].Line - 1
		}
		end = trimFiller(lines, k.Line, end, k.Column)
		node.LineComment = val.LineComment
		text, err := encodeEntry(k, node, indent, 2)
		if err != nil {
			return nil, err
		}
		return replace(k.Line-1, end, text), nil
	}
	return replace(blockEnd, blockEnd, strings.Repeat(" ", indent)+key+": "+scalar+"\n"), nil
}

// trimFiller moves end up over blank lines and comments no deeper than col:
// they belong to what follows.
func trimFiller(lines []string, keyLine, end, col int) int {
	for end > keyLine && trailingFiller(lines[end-1], col) {
		end--
	}
	return end
}

// byteOffset is the byte offset of the n-th character of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
