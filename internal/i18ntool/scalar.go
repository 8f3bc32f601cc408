package i18ntool

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

// scalar writes s as a YAML key or value, quoted only where needed.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if q := strings.TrimSuffix(string(out), "\n"); err == nil && !strings.Contains(q, "\n") {
		return q
	}
	return strconv.Quote(s) // a text the encoder would write on more than one line
}

// yaml11Special matches the plain scalars that a YAML 1.1 reader (PyYAML,
// Ruby's Psych, many editors' linters) resolves as something else than a
// string: booleans (yes, No, ON, y...), null and ~, integers in any base
// (with _ and sexagesimal 1:20), floats (.5, 1e3, .inf, .NaN), dates and
// times, the merge key << and the value key =. Case is ignored, so that
// it errs on the side of quoting.
var yaml11Special = lazyregexp.New(`(?i)^(` +
	`y|yes|n|no|true|false|on|off|null|~|` +
	`[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-f_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)|` +
	`[-+]?([0-9][0-9_]*(:[0-5]?[0-9])*)?\.[0-9_]*(e[-+]?[0-9]+)?|` +
	`[-+]?[0-9][0-9_]*(\.[0-9_]*)?e[-+]?[0-9]+|` +
	`[-+]?\.(inf|nan)|` +
	`[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|` +
	`<<|=)$`)

// needsQuotes reports whether s, written plain, would not read back as
// this string in YAML 1.2 (yaml.v3, our reader) or in YAML 1.1 (other
// tools): such a key or value is quoted when we write it anew.
func needsQuotes(s string) bool {
	return s == "" || yaml11Special.MatchString(s) || plainIsAmbiguous(s)
}

// plainIsAmbiguous reports whether an unquoted value would read back as
// something else than this text (yes, 12, ~) in yaml.v3.
func plainIsAmbiguous(s string) bool {
	var v any
	return yaml.Unmarshal([]byte(s), &v) != nil || fmt.Sprint(v) != s
}

// keyNode is a mapping key k: as the file wrote it (old, its node there,
// same quoting and tag), or, new, quoted when a YAML 1.1 or 1.2 reader
// would take it for a boolean, a null, a number or a date.
func keyNode(old *yaml.Node, k string) *yaml.Node {
	if old != nil && old.Kind == yaml.ScalarNode && old.Value == k {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: k, Style: old.Style, Tag: old.Tag}
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: k}
	if needsQuotes(k) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// A text a translator wrote may hold anything a PO string or a YAML
// escape can: leading or trailing line breaks, tabs, spaces, CR, C0 and
// C1 controls, U+2028, a byte-order mark. yaml.v3 writes some of these in
// a form it cannot read back (a literal block that starts with a line
// break loses it; a line of a tab alone does not parse), so each value
// that is not plainly safe is written, then read back at its own depth,
// and written another way when it does not come back the same.

// plainlySafe reports whether n (a one-line scalar with no character
// YAML treats specially) reads back as written in any style yaml.v3
// gives it: the check is not needed.
func plainlySafe(n *yaml.Node) bool {
	s := n.Value
	switch {
	case n.Style&yaml.FoldedStyle != 0:
		// One line (yaml.v3 folds none: its width has no limit), no
		// space at either end, no tab: the criteria's texts.
		if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.ContainsAny(s, "\n\t") {
			return false
		}
	case n.Style&yaml.LiteralStyle != 0:
		// Lines of text that start with neither a space nor a line
		// break, with no tab and no space at a line's end: a block
		// yaml.v3 writes and reads alike (the usage texts).
		if s == "" || s[0] == ' ' || s[0] == '\n' || strings.Contains(s, "\t") || strings.Contains(s, " \n") || strings.HasSuffix(s, " ") {
			return false
		}
	case s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "\n"):
		return s == ""
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || 0x7f <= r && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
	}
	return true
}

// readsBack reports whether the scalar n, written as a value depth
// mappings deep (its comments with it), reads back as the text n holds.
func readsBack(n *yaml.Node, depth int) bool {
	v := n
	for range depth {
		v = &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, v}}
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if enc.Encode(v) != nil || enc.Close() != nil {
		return false
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(b.String()), &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	got := doc.Content[0]
	for range depth {
		if got.Kind != yaml.MappingNode || len(got.Content) != 2 {
			return false
		}
		got = got.Content[1]
	}
	return got.Kind == yaml.ScalarNode && got.ShortTag() == "!!str" && got.Value == n.Value
}

// writable sets the style of each text in v (a scalar, or plural forms)
// so that it reads back exactly, keeping the style it has where that
// works; else a literal block (for several lines), else double quotes,
// where every character that is not plain text is an escape. depth is
// the number of keys above v. It reports false when no style carries a
// text (none is known; the proof would refuse it anyway).
func writable(v *yaml.Node, depth int) bool {
	if v.Kind == yaml.MappingNode {
		ok := true
		for i := 1; i < len(v.Content); i += 2 {
			ok = writable(v.Content[i], depth+1) && ok
		}
		return ok
	}
	if v.Kind != yaml.ScalarNode || isNull(v) || plainlySafe(v) || readsBack(v, depth) {
		return true
	}
	tagged := v.Style & yaml.TaggedStyle
	styles := []yaml.Style{yaml.DoubleQuotedStyle}
	if strings.Contains(v.Value, "\n") && v.Style&yaml.LiteralStyle == 0 {
		styles = []yaml.Style{yaml.LiteralStyle, yaml.DoubleQuotedStyle}
	}
	was := v.Style
	for _, s := range styles {
		if v.Style = s | tagged; readsBack(v, depth) {
			return true
		}
	}
	v.Style = was
	return false
}

// quotedLine writes s as one double-quoted YAML line, every break and
// control character escaped: for a text kept in a #~ comment, where a
// raw CR, NEL or U+2028 would end the comment and start a line of YAML.
func quotedLine(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil || strings.Contains(strings.TrimSuffix(string(out), "\n"), "\n") {
		return strconv.QuoteToASCII(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
