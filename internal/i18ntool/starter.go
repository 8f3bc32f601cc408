package i18ntool

import (
	"github.com/bestpractices/bestpractices/i18n"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// besideWidth is how long a line may grow with the English text as a
// comment beside the key; longer texts go above it.
const besideWidth = 100

// Starter writes a locale file for a new language: every English key in
// en.yaml's layout, each empty (null, so English shows until it is
// translated) with the English text as a comment, plural forms as the
// language needs them, and the _source hashes of the English texts shown.
// header is put at the top as comments.
func Starter(t language.Tag, header string) []byte {
	root, _ := englishTree()
	en, _ := i18n.Embedded("en")
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		comment(&b, "", l)
	}
	b.WriteString("meta:\n  tag: " + scalar(t.String()) + "\n  name: \"\"\n")
	forms := PluralForms(t)
	var keys []string
	var emit func(indent, prefix string, n *yaml.Node)
	emit = func(indent, prefix string, n *yaml.Node) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if prefix == "" && (k == "meta" || k == "_source") {
				continue
			}
			full := k
			if prefix != "" {
				full = prefix + "." + k
			}
			m, leaf := en.Messages[full]
			switch {
			case leaf && m.Forms != nil:
				keys = append(keys, full)
				b.WriteString("\n")
				for _, f := range i18n.FormNames(m.Forms) {
					for j, l := range strings.Split(m.Forms[f], "\n") {
						if j == 0 {
							l = f + ": " + l
						}
						comment(&b, indent, l)
					}
				}
				b.WriteString(indent + scalar(k) + ":\n")
				for _, f := range forms {
					b.WriteString(indent + "  " + f + ":\n")
				}
			case leaf:
				keys = append(keys, full)
				line := indent + scalar(k) + ": # " + m.Text
				if !strings.Contains(m.Text, "\n") && len(line) <= besideWidth {
					b.WriteString(line + "\n")
					continue
				}
				b.WriteString("\n")
				for _, l := range strings.Split(m.Text, "\n") {
					comment(&b, indent, l)
				}
				b.WriteString(indent + scalar(k) + ":\n")
			case v.Kind == yaml.MappingNode:
				b.WriteString(indent + scalar(k) + ":\n")
				emit(indent+"  ", full, v)
			}
		}
	}
	emit("", "", root)
	b.WriteString("_source:\n")
	for _, k := range keys {
		b.WriteString("  " + scalar(k) + ": \"" + SourceHash(k) + "\"\n")
	}
	return []byte(b.String())
}

func comment(b *strings.Builder, indent, l string) {
	if l == "" {
		b.WriteString(indent + "#\n")
		return
	}
	b.WriteString(indent + "# " + l + "\n")
}

// scalar writes s as a YAML key or value, quoted only where needed.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if q := strings.TrimSuffix(string(out), "\n"); err == nil && !strings.Contains(q, "\n") {
		return q
	}
	return strconv.Quote(s) // a long text the encoder would fold
}
