// Package secinsights reads and writes OpenSSF Security Insights files
// (security-insights.yml, schema 2.2.0): it builds one from a project's
// badge answers, splices it into an existing file without touching what it
// does not own, checks a file against the schema's structure, and turns a
// file's statements into evidence for the badge's criteria.
//
// Everything read here is untrusted: one document, no anchors or aliases,
// no custom tags, no duplicate keys, UTF-8, at most MaxSize bytes.
package secinsights

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// SchemaVersion is the version of the specification we write.
const SchemaVersion = "2.2.0"

// MaxSize is the largest file we read: real files are a few kilobytes,
// and the badge site reads at most 50 KB.
const MaxSize = 64 << 10

// FileName is the name we write by default, at the root of the repository.
const FileName = "security-insights.yml"

// Doc is a parsed file. Root is nil for an empty file.
type Doc struct {
	Src  []byte
	Root *yaml.Node
}

// ParseError is a file we refuse to read: the line (0 for the whole file)
// and what is wrong.
type ParseError struct {
	Line int
	Msg  model.Msg
}

func (e *ParseError) Error() string { return e.In(i18n.English()) }

// In renders the error in loc's language, without the file name.
func (e *ParseError) In(loc *i18n.Locale) string {
	if e.Line > 0 {
		return strconv.Itoa(e.Line) + ": " + e.Msg.In(loc)
	}
	return e.Msg.In(loc)
}

func msg(key string, args ...any) model.Msg { return model.Msg{Key: "ui.secins." + key, Args: args} }

var yamlErrLine = lazyregexp.New(`^yaml: line (\d+): (.*)$`)

// Parse checks and parses src.
func Parse(src []byte) (*Doc, error) {
	if len(src) > MaxSize {
		return nil, &ParseError{Msg: msg("read.too_large", "Size", len(src), "Limit", MaxSize)}
	}
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:model.FirstInvalidUTF8(src)], []byte("\n"))
		return nil, &ParseError{Line: line, Msg: msg("read.not_utf8")}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &Doc{Src: src}, nil
		}
		return nil, yamlError(err)
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return nil, &ParseError{Line: second.Line, Msg: msg("read.second_document")}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(err)
	}
	if err := checkNodes(&doc); err != nil {
		return nil, err
	}
	d := &Doc{Src: src}
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		if !(root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
			if root.Kind != yaml.MappingNode {
				return nil, &ParseError{Line: root.Line, Msg: msg("read.not_mapping")}
			}
			d.Root = root
		}
	}
	return d, nil
}

func yamlError(err error) error {
	if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &ParseError{Line: line, Msg: msg("read.bad_yaml", "Detail", m[2])}
	}
	return &ParseError{Msg: msg("read.bad_yaml", "Detail", strings.TrimPrefix(err.Error(), "yaml: "))}
}

// plainTags are the only tags a file may carry: YAML's own, as a parser
// resolves them. An explicit custom tag could mean anything to a reader.
var plainTags = map[string]bool{"!!str": true, "!!bool": true, "!!int": true, "!!float": true, "!!null": true, "!!timestamp": true, "!!map": true, "!!seq": true}

// checkNodes refuses anchors, aliases, merge keys, custom tags and keys
// given twice: each would make what a reader sees differ from the text.
func checkNodes(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return &ParseError{Line: n.Line, Msg: msg("read.anchor")}
	}
	if n.Kind != yaml.DocumentNode && !plainTags[n.Tag] {
		return &ParseError{Line: n.Line, Msg: msg("read.tag", "Tag", strconv.Quote(n.Tag))}
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return &ParseError{Line: k.Line, Msg: msg("read.complex_key")}
			}
			if first, ok := seen[k.Value]; ok {
				return &ParseError{Line: k.Line, Msg: msg("read.duplicate", "Key", strconv.Quote(k.Value), "First", first)}
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		if err := checkNodes(c); err != nil {
			return err
		}
	}
	return nil
}

// Path is a field's place in the file, as dotted keys: "project.name".
type Path []string

func (p Path) String() string { return strings.Join(p, ".") }

// ParsePath splits a dotted path.
func ParsePath(s string) Path { return Path(strings.Split(s, ".")) }

// lookup returns the key and value nodes at p under m, nil when absent.
func lookup(m *yaml.Node, p Path) (key, val *yaml.Node) {
	cur := m
	for _, seg := range p {
		if cur == nil || cur.Kind != yaml.MappingNode {
			return nil, nil
		}
		key, val = nil, nil
		for i := 0; i+1 < len(cur.Content); i += 2 {
			if cur.Content[i].Value == seg {
				key, val = cur.Content[i], cur.Content[i+1]
				break
			}
		}
		if val == nil {
			return nil, nil
		}
		cur = val
	}
	return key, val
}

// Get returns the value at a dotted path and the line of its key; nil
// when the file has no such field.
func (d *Doc) Get(path string) (*yaml.Node, int) {
	if d == nil || d.Root == nil {
		return nil, 0
	}
	k, v := lookup(d.Root, ParsePath(path))
	if k == nil {
		return nil, 0
	}
	return v, k.Line
}

// Version is the file's header.schema-version, "" when it has none.
func (d *Doc) Version() string {
	if v, _ := d.Get("header.schema-version"); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// IsV1 reports whether the file is in the first version's layout, which
// shares nothing with version 2.
func (d *Doc) IsV1() bool {
	return strings.HasPrefix(d.Version(), "1.")
}

func describe(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		var names []string
		for _, c := range n.Content {
			names = append(names, entryName(c))
		}
		return "[" + strings.Join(names, ", ") + "]"
	}
	return "{…}"
}
