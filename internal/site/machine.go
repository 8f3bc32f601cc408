package site

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// MachineText recognises a justification that is still the text detect or
// carry wrote (in any built-in language, or a locale file in use): a guess
// nobody has reviewed yet. A human-written answer wins over it on import.
type MachineText struct {
	files []*i18n.File
	// The patterns are built on the first Match: an import without a
	// conflict never needs them.
	once   sync.Once
	full   []*regexp.Regexp // a detect justification, whole
	prefix []*regexp.Regexp // the note carry starts its justifications with
}

// The i18n keys whose texts detect and carry write into justifications.
const (
	detectJustifications = "ui.detect.j."
	detectURLNeeded      = "ui.detect.url_needed"
	carryNote            = "ui.carry.note"
)

// minLiteral is the least fixed text a pattern must have: a template that
// is little more than a value would match any justification.
const minLiteral = 8

// NewMachineText builds the patterns from the built-in locales and extra.
func NewMachineText(extra ...*i18n.Locale) *MachineText {
	var files []*i18n.File
	for _, tag := range i18n.Available() {
		if f, err := i18n.Embedded(tag); err == nil {
			files = append(files, f)
		}
	}
	for _, l := range extra {
		if l != nil && l.File() != nil {
			files = append(files, l.File())
		}
	}
	return &MachineText{files: files}
}

func (m *MachineText) build() {
	seen := map[string]bool{}
	for _, f := range m.files {
		suffix := ""
		if msg, ok := f.Messages[detectURLNeeded]; ok {
			for _, t := range texts(msg) {
				if p, ok := templatePattern(t); ok {
					suffix = "(?: " + p + ")?"
				}
			}
		}
		keys := make([]string, 0, len(f.Messages))
		for k := range f.Messages {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			full := strings.HasPrefix(k, detectJustifications)
			if !full && k != carryNote {
				continue
			}
			for _, t := range texts(f.Messages[k]) {
				p, ok := templatePattern(t)
				if !ok {
					continue
				}
				src := `^(?s:` + p + `)`
				if full {
					src += suffix + `$`
				}
				if seen[src] {
					continue
				}
				seen[src] = true
				re, err := regexp.Compile(src)
				if err != nil {
					continue
				}
				if full {
					m.full = append(m.full, re)
				} else {
					m.prefix = append(m.prefix, re)
				}
			}
		}
	}
}

// Match reports whether j is still a detect or carry text.
func (m *MachineText) Match(j string) bool {
	if m == nil {
		return false
	}
	j = strings.TrimSpace(j)
	if j == "" {
		return false
	}
	m.once.Do(m.build)
	for _, re := range m.prefix {
		if re.MatchString(j) {
			return true
		}
	}
	for _, re := range m.full {
		if re.MatchString(j) {
			return true
		}
	}
	return false
}

// texts lists a message's text, or each of its plural forms.
func texts(msg i18n.Message) []string {
	if msg.Forms == nil {
		return []string{msg.Text}
	}
	var out []string
	for _, t := range msg.Forms {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// templatePattern turns a message template into a regular expression: its
// text literally, each value as any non-empty text. Templates with more than
// plain values (conditions, loops) are not turned into patterns.
func templatePattern(text string) (string, bool) {
	text = strings.TrimSpace(safetext.Clean(text))
	trees, err := parse.Parse("t", text, "{{", "}}")
	if err != nil {
		return "", false
	}
	tree := trees["t"]
	if tree == nil || tree.Root == nil {
		return "", false
	}
	var b strings.Builder
	literal := 0
	for _, n := range tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			b.WriteString(regexp.QuoteMeta(string(n.Text)))
			literal += len(strings.TrimSpace(string(n.Text)))
		case *parse.ActionNode:
			b.WriteString(`.+?`)
		default:
			return "", false
		}
	}
	return b.String(), literal >= minLiteral
}
