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
	return strconv.Quote(s) // a long text the encoder would fold
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
