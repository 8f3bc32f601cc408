package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

// What Load refuses before looking at the answers: what is not text, what
// YAML itself refuses, and what a save could not keep.

var yamlLine = lazyregexp.New(`^yaml: line (\d+): (.*)$`)

// parseDocument checks src and parses its one YAML document: nil for an
// empty file.
func parseDocument(path string, src []byte) (*yaml.Node, error) {
	if !utf8.Valid(src) {
		t := newText(src)
		return nil, &FileError{Path: path, Line: t.lineOf(FirstInvalidUTF8(src)), Message: M("not_utf8"), Fix: M("fix_utf8")}
	}
	if off, r := firstControl(src); off >= 0 {
		t := newText(src)
		line := t.lineOf(off)
		col := utf8.RuneCount(src[t.lineStart(line):off]) + 1
		return nil, &FileError{Path: path, Line: line, Message: M("control_char", "Code", fmt.Sprintf("U+%04X", r), "Column", col), Fix: M("fix_control")}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(path, src, err)
	}
	// YAML reads one document: what follows a --- or ... would be lost to
	// every reader of ours, and then to the next save.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, &FileError{Path: path, Line: secondDocLine(src, &next), Message: M("second_document"), Fix: M("fix_second_document")}
	case !errors.Is(err, io.EOF):
		return nil, yamlError(path, src, err)
	}
	return &doc, nil
}

func yamlError(path string, src []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	// Text after a ... that does not start a new document with ---: YAML
	// calls it a syntax error; it is a second document all the same.
	if l := endMarker(newText(src), line); l > 0 && line > 0 {
		return &FileError{Path: path, Line: l, Message: M("second_document"), Fix: M("fix_second_document")}
	}
	// A break YAML counts and editors do not show, just before the line
	// YAML found wrong, is the likely cause: name it.
	if t := newText(src); line > 1 && line <= t.lines() && !onlyLF(src) {
		if code := hiddenBreak(src[t.ends[line-2]:t.starts[line-1]], t.eol); code != "" {
			return &FileError{Path: path, Line: line, Message: M("bad_yaml_hidden_break", "Detail", msg, "Code", code), Fix: M("fix_hidden_break")}
		}
	}
	return &FileError{Path: path, Line: line, Message: M("bad_yaml", "Detail", msg), Fix: M("fix_yaml")}
}

// secondDocLine is the line of the marker (--- or ...) that ends the first
// document, else where the second one starts.
func secondDocLine(src []byte, second *yaml.Node) int {
	if l := endMarker(newText(src), second.Line); l > 0 {
		return l
	}
	return second.Line
}

// endMarker is the line of the first document marker after the first
// document's start, up to line limit; 0 if none. A --- before any content
// starts the first document rather than ending it.
func endMarker(t *text, limit int) int {
	content := false
	for l := 1; l <= t.lines() && l <= limit; l++ {
		line := t.src[t.lineStart(l):t.contentEnd(l)]
		trimmed := bytes.TrimSpace(line)
		switch {
		case docMarker(line):
			if content || bytes.HasPrefix(line, []byte("...")) {
				return l
			}
			content = true // the first document's ---
		case len(trimmed) == 0 || trimmed[0] == '#' || (!content && trimmed[0] == '%'):
		default:
			content = true
		}
	}
	return 0
}

// firstControl finds the first character YAML does not allow in a file
// (C0 and C1 controls but tab and line breaks, DEL, U+FFFE, U+FFFF): its
// offset and the character, or -1.
func firstControl(src []byte) (int, rune) {
	for i := 0; i < len(src); {
		c := src[i]
		if c >= 0x20 && c < 0x7f { // most bytes: printable ASCII
			i++
			continue
		}
		if c < 0x80 {
			if c != '\t' && c != '\n' && c != '\r' {
				return i, rune(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if (r >= 0x80 && r < 0xa0 && r != 0x85) || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff) {
			return i, r
		}
		i += size
	}
	return -1, 0
}

// FirstInvalidUTF8 is the offset of the first byte that is not UTF-8, or
// len(b) when all of it is.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// isJSON: a JSON document (a .bestpractices.json, the badge site's entry)
// given as the answers file. JSON is YAML too, so it would read as a file
// with no answers: we say what it is instead. A flow-style answers file
// with version or answers keys stays an answers file.
func isJSON(src []byte, root *yaml.Node) bool {
	body := bytes.TrimSpace(bytes.TrimPrefix(src, bom))
	if len(body) == 0 || (body[0] != '{' && body[0] != '[') || !json.Valid(body) {
		return false
	}
	if root.Kind == yaml.MappingNode {
		if len(root.Content) == 0 {
			return false // {}: nothing, whatever it is written in
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i].Value; k == "version" || k == "answers" {
				return false
			}
		}
	}
	return true
}

// readAll reads at most limit bytes; nil when there are more.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, nil
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}
