package i18ntool

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// A glossary is one language's file, i18n/glossary.<tag>.yaml: a
// translator owns the glossary of their language, and a new language
// adds its own without touching the others'.

// Glossary is the words one language uses for the badge's terms.
type Glossary struct {
	// File names the glossary in messages: i18n/glossary.fr.yaml for a
	// built-in one, the path beside the checked file otherwise.
	File  string
	Terms []Term
}

// Term is one entry of a glossary: the English term, a note for the
// translator, the word to use, and words not to use.
type Term struct {
	English string
	Note    string
	Use     string
	Avoid   []string
	Line    int // of the entry in its file
}

// GlossaryError is a glossary that cannot be used, with its place.
type GlossaryError struct {
	File string
	Line int    // 0 when the file could not be read
	Kind string // a Problem kind: glossary_read (_not_regular, _too_large), glossary_yaml, glossary_text, glossary_char, glossary_shape
	Args []any
}

func (e *GlossaryError) Error() string {
	return e.File + ": " + e.Kind
}

// Glossaries finds the glossary of a language: nil, nil when it has none.
type Glossaries func(tag language.Tag) (*Glossary, error)

// glossaryName is the file name of a language's glossary.
func glossaryName(tag string) string { return "glossary." + tag + ".yaml" }

// glossaryTags are the file tags to try for a language, most precise
// first: pt-BR, then pt.
func glossaryTags(tag language.Tag) []string {
	out := []string{tag.String()}
	if base, conf := tag.Base(); conf != language.No && base.String() != tag.String() {
		out = append(out, base.String())
	}
	return out
}

// BuiltinGlossary is the glossary shipped for a language, if any.
func BuiltinGlossary(tag language.Tag) (*Glossary, error) {
	for _, t := range glossaryTags(tag) {
		src, err := i18n.GlossarySource(t)
		if err != nil {
			continue
		}
		return ParseGlossary("i18n/"+glossaryName(t), src)
	}
	return nil, nil
}

// GlossariesBeside looks for the glossary beside a locale file first
// (glossary.de.yaml in dir, shown as in shownDir), then among the
// built-in ones: a translator's own, or the one being edited, wins.
func GlossariesBeside(dir, shownDir string) Glossaries {
	return func(tag language.Tag) (*Glossary, error) {
		for _, t := range glossaryTags(tag) {
			shown := filepath.Join(shownDir, glossaryName(t))
			src, err := i18n.ReadFile(filepath.Join(dir, glossaryName(t)))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if re, ok := i18n.IsReadError(err); ok {
				return nil, &GlossaryError{File: shown, Kind: "glossary_" + re.Kind, Args: []any{"Limit", i18n.MaxFileSize >> 20}}
			}
			if err != nil {
				return nil, &GlossaryError{File: shown, Kind: "glossary_read", Args: []any{"Detail", err.Error()}}
			}
			return ParseGlossary(shown, src)
		}
		return BuiltinGlossary(tag)
	}
}

// ParseGlossary reads a glossary, strictly: a field it does not know, a
// value of the wrong type, an anchor or a second document is an error
// with its line, never a term silently dropped.
func ParseGlossary(name string, src []byte) (*Glossary, error) {
	bad := func(line int, field string) error {
		return &GlossaryError{File: name, Line: line, Kind: "glossary_shape", Args: []any{"Field", field}}
	}
	if b := i18n.BadBytes(src); len(b) > 0 {
		return nil, &GlossaryError{File: name, Line: b[0].Line, Kind: "glossary_text"}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg, _ := i18n.YAMLError(src, err)
		return nil, &GlossaryError{File: name, Line: line, Kind: "glossary_yaml", Args: []any{"Detail", msg}}
	}
	if l := i18n.SecondDocument(src); l > 0 {
		return nil, bad(l, "---")
	}
	g := &Glossary{File: name}
	if len(doc.Content) == 0 {
		return g, nil // empty: nothing to check yet
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, bad(root.Line, "terms")
	}
	seenTerm := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "terms" || k.Kind != yaml.ScalarNode || len(g.Terms) > 0 {
			return nil, bad(k.Line, k.Value)
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, bad(v.Line, "terms")
		}
		for _, e := range v.Content {
			t, err := glossaryTerm(e, bad)
			if ge, ok := err.(*GlossaryError); ok && ge.File == "" {
				ge.File = name // a glossary_char, found in a value
			}
			if err != nil {
				return nil, err
			}
			if seenTerm[t.English] {
				return nil, bad(e.Line, "en: "+t.English)
			}
			seenTerm[t.English] = true
			g.Terms = append(g.Terms, t)
		}
	}
	return g, nil
}

// hiddenRune finds a character a glossary's text must not hold, raw or
// written as a YAML escape ("\x01", "\u202e"): a control character, a
// line separator, a bidirectional control or an invisible one. Messages
// strip or escape them, so a word holding one would be shown as another
// ("Erfllt") and never be found in a text. A note may run over lines.
func hiddenRune(s string, note bool) (rune, bool) {
	for _, r := range s {
		if note && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) || safetext.Invisible(r) {
			return r, true
		}
	}
	return 0, false
}

func glossaryTerm(e *yaml.Node, bad func(int, string) error) (Term, error) {
	t := Term{Line: e.Line}
	if e.Kind != yaml.MappingNode {
		return t, bad(e.Line, "terms")
	}
	text := func(n *yaml.Node, field string) (string, error) {
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
			return "", nil
		case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
			if r, ok := hiddenRune(n.Value, field == "note"); ok {
				return "", &GlossaryError{Line: n.Line, Kind: "glossary_char", Args: []any{"Field", field, "Char", fmt.Sprintf("U+%04X", r)}}
			}
			return n.Value, nil
		}
		return "", bad(n.Line, field)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		if k.Kind != yaml.ScalarNode || seen[k.Value] {
			return t, bad(k.Line, k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "en":
			t.English, err = text(v, "en")
		case "note":
			t.Note, err = text(v, "note")
		case "use":
			t.Use, err = text(v, "use")
		case "avoid":
			switch {
			case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
			case v.Kind != yaml.SequenceNode:
				err = bad(v.Line, "avoid")
			default:
				for _, w := range v.Content {
					var s string
					if s, err = text(w, "avoid"); err != nil {
						break
					}
					// An empty word would be found in every text.
					if strings.TrimSpace(s) == "" {
						err = bad(w.Line, "avoid")
						break
					}
					t.Avoid = append(t.Avoid, s)
				}
			}
		default:
			err = bad(k.Line, k.Value)
		}
		if err != nil {
			return t, err
		}
	}
	if strings.TrimSpace(t.English) == "" {
		return t, bad(e.Line, "en")
	}
	return t, nil
}

// TermsFile is the one place that says what each of the badge's terms
// means, for every language: i18n/glossary.terms.yaml, the terms with
// their English and a note, and no word of any language. ("terms" is no
// language tag, so no language's glossary is ever read from it.)
const TermsFile = "i18n/glossary.terms.yaml"

// Terms reads TermsFile: the badge's terms, each with its neutral note.
func Terms() ([]Term, error) {
	src, err := i18n.GlossarySource("terms")
	if err != nil {
		return nil, err
	}
	g, err := ParseGlossary(TermsFile, src)
	if err != nil {
		return nil, err
	}
	return g.Terms, nil
}

// GlossaryStarter is the glossary a new language starts from: every term
// of TermsFile, each with its English and its note and no word yet,
// never another language's words or remarks. header is a comment for the
// translator, one line or more. The bytes are read back and compared
// with the terms before they are returned: an error, and nothing to
// write, when they differ.
func GlossaryStarter(name, header string) (data []byte, count int, err error) {
	all, err := Terms()
	if err != nil {
		return nil, 0, err // a broken TermsFile fails the tests
	}
	terms := make([]Term, len(all))
	for i, t := range all {
		terms[i] = Term{English: t.English, Note: t.Note}
	}
	var b bytes.Buffer
	// Every line break YAML might see ends a comment line: none may
	// carry the rest of the header out of the comment.
	lines := strings.FieldsFunc(header, func(r rune) bool { return strings.ContainsRune("\n\r\u0085\u2028\u2029", r) })
	for _, l := range lines {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	b.WriteString("terms:\n")
	for _, t := range terms {
		b.WriteString("  - en: " + yamlScalar(t.English) + "\n")
		if t.Note != "" {
			b.WriteString("    note: " + yamlScalar(t.Note) + "\n")
		}
		b.WriteString("    use: \"\"\n    avoid: []\n")
	}
	back, err := ParseGlossary(name, b.Bytes())
	if err != nil {
		return nil, 0, err
	}
	differs := errors.New(name + ": the glossary made does not read back as its terms; nothing written")
	if len(back.Terms) != len(terms) {
		return nil, 0, differs
	}
	for i, t := range back.Terms {
		if t.English != terms[i].English || t.Note != terms[i].Note || t.Use != "" || len(t.Avoid) > 0 {
			return nil, 0, differs
		}
	}
	return b.Bytes(), len(terms), nil
}

// yamlScalar writes s as a YAML scalar, quoted when it has to be.
func yamlScalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle // a block scalar would need its own indentation
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		panic(err) // a string always marshals
	}
	return strings.TrimSuffix(string(out), "\n")
}
