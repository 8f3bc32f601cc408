package i18n

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"gopkg.in/yaml.v3"
)

// Where a locale file goes wrong, said at the line to fix: the YAML
// parser's own line is often another one (an indentation error is
// reported at the mapping it breaks, lines above), and it does not say
// where a bad byte is, nor that a second document is never read.

// YAMLError is the line to fix and the parser's message for a YAML error
// of src. indent is true when the line is one whose indentation does not
// match its neighbours': the parser names the mapping it broke instead.
func YAMLError(src []byte, err error) (line int, msg string, indent bool) {
	line, msg = YAMLErrorLine(err)
	if l := UnquotedBrace(src); l > 0 {
		return l, msg, false // the parser names the key above it
	}
	if !indentMessage(msg) {
		return max(line, 1), msg, false // the parser leaves out the number of line 1
	}
	if l := misindented(src); l > 0 {
		return l, msg, true
	}
	return max(line, 1), msg, false
}

// UnquotedBrace is the line of the first value written without quotes
// that starts with { or [ and does not read as YAML there: a text that
// opens with a template ({{.Count}} answers…), which YAML takes for the
// start of a mapping and then fails on, naming the key above. 0 when
// there is none.
func UnquotedBrace(src []byte) int {
	block := -1 // the indentation of the key whose block scalar goes on
	for i, raw := range strings.Split(string(src), "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		trimmed := strings.TrimLeft(raw, " ")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := len(raw) - len(trimmed)
		if block >= 0 && indent > block {
			continue // the text of a block scalar
		}
		block = -1
		trimmed = strings.TrimPrefix(strings.TrimPrefix(trimmed, "- "), "? ")
		if trimmed == "" {
			continue // "- " alone
		}
		_, v, ok := splitKey(trimmed)
		if !ok || v == "" {
			continue
		}
		switch v[0] {
		case '|', '>':
			block = indent
		case '{', '[':
			var x any
			if strings.HasPrefix(v, "{{") || yaml.Unmarshal([]byte(v), &x) != nil {
				return i + 1
			}
		}
	}
	return 0
}

// indentMessage reports whether the parser's message is one a line
// indented wrongly gives.
func indentMessage(msg string) bool {
	for _, m := range []string{"did not find expected key", "mapping values are not allowed", "did not find expected '-' indicator",
		"block sequence entries are not allowed", "tab character that violate", "did not find expected node content"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// contentLine is a line of YAML that holds a key or a value.
type contentLine struct {
	n, indent int
	opens     bool // "key:" with nothing after it (a comment aside): its children follow
	plain     bool // "key: value" with an unquoted value, which may go on below
	key       bool // it starts with "key:"
}

// misindented finds the first line whose indentation matches neither a
// level open above it nor a child's: the line a translator must fix. When
// a line is deeper than its neighbours, or shallower, the one of the two
// groups that has fewer lines is the odd one out. 0 when the indentation
// is consistent (the error is something else).
func misindented(src []byte) int {
	lines := contentLines(src)
	stack := []int{0} // the indentation of each level open
	started := map[int]int{0: 0}
	for i, l := range lines {
		if l.indent < 0 {
			return l.n // a tab in the indentation
		}
		var prev contentLine
		if i > 0 {
			prev = lines[i-1]
		}
		if i > 0 && prev.opens && l.indent > prev.indent {
			stack = append(stack, l.indent)
			started[l.indent] = i
			continue
		}
		if i > 0 && prev.plain && l.indent > prev.indent && !l.key {
			lines[i].plain = true // a plain value going on below its key
			continue
		}
		at := -1
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j] == l.indent {
				at = j
				break
			}
		}
		if at >= 0 {
			stack = stack[:at+1]
			continue
		}
		top := stack[len(stack)-1]
		if l.indent < top {
			// Between two levels: the deeper block above, or this line
			// and those after it at its indentation, is wrong.
			above := 0
			for _, p := range lines[started[top]:i] {
				if p.indent == top {
					above++
				}
			}
			below := 0
			for _, p := range lines[i:] {
				if p.indent < l.indent {
					break
				}
				if p.indent == l.indent {
					below++
				}
			}
			if above < below {
				return lines[started[top]].n
			}
			return l.n
		}
		// Deeper than a line with a value: this line is too deep, or the
		// one before it too shallow (it was meant under the key that
		// opened just above it, which is left empty).
		if i >= 2 && lines[i-2].opens && lines[i-2].indent == prev.indent && l.indent > prev.indent {
			return prev.n
		}
		return l.n
	}
	return 0
}

// contentLines lists the lines that hold keys or values, leaving out
// blank lines, comments and the text of block scalars (|- and >).
func contentLines(src []byte) []contentLine {
	var out []contentLine
	block := -1 // the indentation of the key whose block scalar goes on
	for i, raw := range strings.Split(string(src), "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		trimmed := strings.TrimLeft(raw, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		lead := raw[:len(raw)-len(trimmed)]
		indent := len(lead)
		if block >= 0 && indent > block && !strings.Contains(lead, "\t") {
			continue // the text of a block scalar
		}
		block = -1
		if strings.Contains(lead, "\t") {
			out = append(out, contentLine{n: i + 1, indent: -1})
			continue
		}
		if trimmed == "---" || trimmed == "..." || strings.HasPrefix(trimmed, "--- ") || strings.HasPrefix(trimmed, "... ") {
			break // the first document ends
		}
		if strings.HasPrefix(trimmed, "- ") || trimmed == "-" {
			out = append(out, contentLine{n: i + 1, indent: indent})
			continue
		}
		l := contentLine{n: i + 1, indent: indent}
		if _, v, ok := splitKey(trimmed); ok {
			l.key = true
			v = stripComment(v)
			switch {
			case v == "":
				l.opens = true
			case v[0] == '|' || v[0] == '>':
				block = indent
			case v[0] != '"' && v[0] != '\'' && v[0] != '{' && v[0] != '[':
				l.plain = true
			}
		}
		out = append(out, l)
	}
	return out
}

// splitKey parts "key: value" (or "key:") at the colon that ends the key.
func splitKey(s string) (string, string, bool) {
	if s[0] == '"' || s[0] == '\'' {
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return "", "", false
		}
		s2 := s[end+2:]
		if strings.HasPrefix(s2, ":") && (len(s2) == 1 || s2[1] == ' ' || s2[1] == '\t') {
			return s[:end+2], strings.TrimSpace(s2[1:]), true
		}
		return "", "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			return s[:i], strings.TrimSpace(s[i+1:]), true
		}
		if s[i] == '#' && i > 0 && s[i-1] == ' ' {
			break
		}
	}
	return "", "", false
}

// stripComment drops a comment after a value (" #" starts one, outside
// quotes).
func stripComment(v string) string {
	if v == "" || v[0] == '"' || v[0] == '\'' {
		return v
	}
	if v[0] == '#' {
		return ""
	}
	if i := strings.Index(v, " #"); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

// SecondDocument is the line of the marker (--- or ...) after which src
// holds a second YAML document, which is never read: its texts would be
// silently lost. 0 when src holds one document.
func SecondDocument(src []byte) int {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var first, next yaml.Node
	if dec.Decode(&first) != nil {
		return 0
	}
	if err := dec.Decode(&next); errors.Is(err, io.EOF) {
		return 0
	}
	// A second document, or text after "..." that does not parse: either
	// way something follows the first document.
	content := false
	for i, l := range strings.Split(string(src), "\n") {
		l = strings.TrimSuffix(l, "\r")
		marker := l == "---" || l == "..." || strings.HasPrefix(l, "--- ") || strings.HasPrefix(l, "... ") || strings.HasPrefix(l, "---\t")
		t := strings.TrimSpace(l)
		switch {
		case marker && (content || strings.HasPrefix(l, "...")):
			return i + 1
		case marker:
			content = true // the first document's own ---
		case t == "" || t[0] == '#' || !content && t[0] == '%':
		default:
			content = true
		}
	}
	return max(next.Line, 1)
}

// Sanitized is src with what YAML refuses (BadBytes: text that is not
// UTF-8, control characters) taken out, an escape sequence whole, so that
// the rest of a file can still be read and checked once those are
// reported. Lines stay where they were.
func Sanitized(src []byte) []byte {
	bad := map[int]bool{}
	for _, b := range BadBytes(src) {
		bad[b.Line] = true
	}
	lines := bytes.Split(src, []byte("\n"))
	for i, l := range lines {
		if !bad[i+1] {
			continue
		}
		cr := bytes.HasSuffix(l, []byte("\r"))
		s := ansi.Strip(strings.ToValidUTF8(string(bytes.TrimSuffix(l, []byte("\r"))), "\uFFFD"))
		s = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0 {
				return -1
			}
			return r
		}, s)
		if cr {
			s += "\r"
		}
		lines[i] = []byte(s)
	}
	return bytes.Join(lines, []byte("\n"))
}
