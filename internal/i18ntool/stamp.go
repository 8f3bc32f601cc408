package i18ntool

import (
	"maps"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"gopkg.in/yaml.v3"
)

// Stamp returns src with the _source entries of the given keys set to the
// given hashes, and every other byte as it was: an entry already there has
// its value replaced where it stands, a new one is added at the end of the
// block, and a file without a block gets one at its end, after the header
// comment. The result is parsed again and compared with src before it is
// returned, so that a file it cannot edit safely is refused, not damaged.
func Stamp(name string, src []byte, hashes map[string]string, header string) ([]byte, error) {
	before, err := i18n.Parse(name, src)
	if err != nil {
		return nil, err
	}
	want := hashes
	hashes = maps.Clone(hashes) // entries found in place are crossed off
	var doc yaml.Node
	yaml.Unmarshal(src, &doc) // Parse succeeded: so does this
	text := string(src)
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	var srcKey, srcVal *yaml.Node
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value != "_source" {
				continue
			}
			if srcKey != nil {
				return nil, &StampError{File: name, Line: root.Content[i].Line, Kind: "twice"}
			}
			srcKey, srcVal = root.Content[i], root.Content[i+1]
		}
	}
	lines := strings.SplitAfter(text, "\n")
	add := orderedKeys(hashes) // in English order
	entry := func(indent, k string) string {
		return indent + scalar(k) + `: "` + hashes[k] + `"` + nl
	}

	switch {
	case srcKey == nil:
		var b strings.Builder
		b.WriteString(text)
		if text != "" && !strings.HasSuffix(text, "\n") {
			b.WriteString(nl)
		}
		b.WriteString(nl)
		for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
			b.WriteString(strings.TrimRight("# "+l, " ") + nl)
		}
		b.WriteString("_source:" + nl)
		for _, k := range add {
			b.WriteString(entry("  ", k))
		}
		text = b.String()

	case srcVal.Kind == yaml.ScalarNode: // _source: (null)
		if srcVal.Value != "" { // an explicit ~ or null goes
			l, ok := replaceValue(lines[srcVal.Line-1], srcVal, "")
			if !ok {
				return nil, &StampError{File: name, Line: srcVal.Line, Kind: "header_line"}
			}
			lines[srcVal.Line-1] = l
		}
		var b strings.Builder
		for _, k := range add {
			b.WriteString(entry("  ", k))
		}
		lines = insertAfter(lines, srcKey.Line, b.String(), nl)
		text = strings.Join(lines, "")

	case srcVal.Kind == yaml.MappingNode && srcVal.Style&yaml.FlowStyle == 0:
		var rest []string
		last := srcKey.Line
		indent := strings.Repeat(" ", srcVal.Content[0].Column-1)
		for i := 0; i+1 < len(srcVal.Content); i += 2 {
			k, v := srcVal.Content[i], srcVal.Content[i+1]
			last = max(last, v.Line, k.Line)
			h, want := hashes[k.Value]
			if !want {
				continue
			}
			delete(hashes, k.Value) // done here; not to be added
			if v.Value == h {
				continue
			}
			l, ok := replaceValue(lines[v.Line-1], v, `"`+h+`"`)
			if !ok {
				return nil, &StampError{File: name, Line: v.Line, Kind: "entry", Key: k.Value}
			}
			lines[v.Line-1] = l
		}
		for _, k := range add {
			if _, ok := hashes[k]; ok {
				rest = append(rest, entry(indent, k))
			}
		}
		lines = insertAfter(lines, last, strings.Join(rest, ""), nl)
		text = strings.Join(lines, "")

	default:
		return nil, &StampError{File: name, Line: srcVal.Line, Kind: "block"}
	}

	after, err := i18n.Parse(name, []byte(text))
	ok := err == nil && sameTexts(before, after)
	for k, h := range want {
		ok = ok && after.Sources[k] == h
	}
	for k, h := range before.Sources {
		if _, stamped := want[k]; !stamped {
			ok = ok && after.Sources[k] == h
		}
	}
	if !ok {
		return nil, &ProofError{File: name, Kind: "record"}
	}
	return []byte(text), nil
}

// orderedKeys lists the keys of hashes in English file order, then any
// others sorted.
func orderedKeys(hashes map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range EnglishKeys() {
		if _, ok := hashes[k]; ok {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range hashes {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// insertAfter puts block after line n (1-based) of lines.
func insertAfter(lines []string, n int, block, nl string) []string {
	if block == "" {
		return lines
	}
	if n > len(lines) {
		n = len(lines)
	}
	if n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += nl // the last line of a file without a final newline
	}
	out := append([]string{}, lines[:n]...)
	out = append(out, block)
	return append(out, lines[n:]...)
}

// replaceValue replaces the one-line scalar v on its line with repl. An
// empty value (key: with nothing after) gets repl after the colon.
func replaceValue(line string, v *yaml.Node, repl string) (string, bool) {
	start := byteOffset(line, v.Column-1)
	if start < 0 {
		return "", false
	}
	end := start
	switch {
	case v.Tag == "!!null" && v.Value == "" && v.Style == 0:
		repl = " " + repl
	case v.Style == yaml.DoubleQuotedStyle:
		end = quoteEnd(line, start, '"')
	case v.Style == yaml.SingleQuotedStyle:
		end = quoteEnd(line, start, '\'')
	case v.Style == 0:
		end = start + len(v.Value)
		if end > len(line) || line[start:end] != v.Value {
			return "", false
		}
	default:
		return "", false
	}
	if end < 0 {
		return "", false
	}
	return line[:start] + repl + line[end:], true
}

// byteOffset turns a 0-based character column into a byte offset.
func byteOffset(line string, col int) int {
	n := 0
	for i := range line {
		if n == col {
			return i
		}
		n++
	}
	if n == col {
		return len(line)
	}
	return -1
}

// quoteEnd is the offset just past the quote closing the scalar opened at
// start, or -1 when it does not close on this line.
func quoteEnd(line string, start int, q byte) int {
	if start >= len(line) || line[start] != q {
		return -1
	}
	for i := start + 1; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i + 1
		}
	}
	return -1
}

// sameTexts reports whether two parses of a file hold the same texts.
func sameTexts(a, b *i18n.File) bool {
	if a.Tag != b.Tag || a.Name != b.Name || len(a.Messages) != len(b.Messages) {
		return false
	}
	for k, m := range a.Messages {
		n, ok := b.Messages[k]
		if !ok || m.Text != n.Text || !maps.Equal(m.Forms, n.Forms) {
			return false
		}
	}
	return true
}

// StampError is a _source block stamp cannot edit in place: its words are
// en.yaml's ui.i18ncmd.stamp.error.<Kind>, naming the file's line.
type StampError struct {
	File      string
	Line      int
	Kind, Key string
}

// stampErrorKinds lists every Kind, so that a test can see each has its text.
var stampErrorKinds = []string{"twice", "header_line", "entry", "block"}

// Message is the error in loc's language.
func (e *StampError) Message(loc *i18n.Locale) string {
	return loc.T("ui.i18ncmd.stamp.error."+e.Kind, "File", safetext.Line(e.File), "Line", e.Line, "Key", safetext.Key(e.Key))
}

func (e *StampError) Error() string { return e.Message(i18n.English()) }
