package i18ntool

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Severity ranks a problem in a locale file.
type Severity int

const (
	// Info is worth knowing but needs no change: a key not translated yet
	// (English is shown), a translation whose English text changed.
	Info Severity = iota
	// Warning is probably a mistake, but the file works.
	Warning
	// Error must be fixed before the file is shipped; i18n check exits 1.
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Problem is one finding of Check. Its words come from en.yaml
// (ui.i18ncmd.problem.<Kind>), so that it is shown in the user's language.
type Problem struct {
	// File is where the problem is when not in the checked file: the
	// glossary of its language.
	File     string
	Line     int    // 1-based; 0 when it has no place in the file (a missing key)
	Key      string // the flattened key concerned, if any
	Severity Severity
	Kind     string
	Args     []any // name/value pairs for the text of Kind
}

// Message is the problem in words. Everything taken from the file is made
// safe for a terminal first: a key may hold an escape sequence.
func (p Problem) Message(loc *i18n.Locale) string {
	args := []any{"Key", safetext.Line(p.Key)}
	for i := 0; i+1 < len(p.Args); i += 2 {
		v := p.Args[i+1]
		if s, ok := v.(string); ok {
			v = safetext.Line(s)
		}
		args = append(args, p.Args[i], v)
	}
	return loc.T("ui.i18ncmd.problem."+p.Kind, args...)
}

// problemKinds lists every Kind, so that a test can see each has its text.
var problemKinds = []string{
	"yaml", "indent", "unquoted_brace", "second_document", "utf8", "control_raw", "control", "bidi", "invisible", "root", "key_type", "duplicate",
	"unknown_key", "group", "not_text", "list", "plural_form", "plural_other",
	"plural_unused", "plural_never", "plural_lacks", "template", "placeholder_missing",
	"placeholder_added", "placeholder_none", "template_action", "one_line", "too_wide", "glossary", "fr_spacing", "ja_colon", "link_open", "link_close", "link_empty", "link_space",
	"link_scheme", "link_count", "brackets", "meta_type", "meta_unknown", "tag",
	"tag_form", "no_tag", "no_name", "source_type", "source_value", "source_unknown",
	"source_hash", "parse", "missing", "stale",
	"glossary_read", "glossary_not_regular", "glossary_too_large", "glossary_yaml", "glossary_text", "glossary_char", "glossary_shape", "tag_empty", "tag_und",
}

// Errors counts the problems of severity Error.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Check lints a locale file against English and the built-in glossary of
// its language: everything a translator can get wrong, each with its line.
// A file with no Error parses (Parse accepts it) and shows correctly.
func Check(name string, src []byte) []Problem {
	return CheckWith(name, src, BuiltinGlossary)
}

// CheckWith is Check with the glossary of the file's language found by
// glossaries (GlossariesBeside: the one beside the file).
func CheckWith(name string, src []byte, glossaries Glossaries) []Problem {
	en, err := i18n.Embedded("en")
	if err != nil {
		panic(err) // the build is broken; tests catch it
	}
	c := &checker{en: en, groups: englishGroups(), glossaries: glossaries}
	raw := rawProblems(src)
	c.out = append(c.out, raw...)
	if len(raw) > 0 {
		// Reported: the rest of the file is read with them made harmless,
		// so that every other problem is listed too.
		src = i18n.Sanitized(src)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg, indent := i18n.YAMLError(src, err)
		if line == i18n.UnquotedBrace(src) {
			c.add(line, "", Error, "unquoted_brace")
		} else if indent {
			c.add(line, "", Error, "indent", "Detail", msg)
		} else {
			c.add(line, "", Error, "yaml", "Detail", msg)
		}
		return c.sorted()
	}
	if l := i18n.SecondDocument(src); l > 0 {
		c.add(l, "", Error, "second_document")
	}
	if len(doc.Content) == 0 {
		c.missing(&i18n.File{Messages: map[string]i18n.Message{}})
		return c.sorted()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.add(root.Line, "", Error, "root")
		return c.sorted()
	}
	// meta first: its tag decides which plural forms the language has.
	hasMeta := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "meta" && !hasMeta {
			hasMeta = true
			c.meta(root.Content[i], root.Content[i+1])
		}
	}
	if !hasMeta {
		c.add(0, "meta.tag", Warning, "no_tag")
	}
	c.loadGlossary()
	c.pairs("", root, func(key string, k, v *yaml.Node) {
		switch key {
		case "meta":
		case "_source":
			c.sources(k, v)
		default:
			c.walk(key, k, v)
		}
	})
	f, err := i18n.Parse(name, src)
	if err != nil {
		if Errors(c.out) == 0 {
			c.add(0, "", Error, "parse", "Detail", err.Error())
		}
		return c.sorted()
	}
	c.missing(f)
	c.stale(f, MarkedStale(f, src))
	return c.sorted()
}

// LoadChecked reads a locale file once, checks it (with the glossary
// glossaries finds) and parses it. The file is nil when it cannot be
// used; the problems then say why, with lines.
func LoadChecked(p string, glossaries Glossaries) (*i18n.File, []Problem, error) {
	src, err := i18n.ReadFile(p)
	if err != nil {
		return nil, nil, err
	}
	problems := CheckWith(p, src, glossaries)
	f, err := i18n.Parse(p, src)
	if err != nil {
		return nil, problems, err
	}
	if f.Tag == "" {
		f.Tag = strings.TrimSuffix(path.Base(p), path.Ext(p))
	}
	return f, problems, nil
}

type checker struct {
	en         *i18n.File
	groups     map[string]bool // prefixes of English keys ("ui", "ui.cli", ...)
	tag        language.Tag
	hasTag     bool
	glossaries Glossaries
	gloss      *Glossary // of the file's language, once meta.tag is read
	out        []Problem
}

func (c *checker) add(line int, key string, sev Severity, kind string, args ...any) {
	c.out = append(c.out, Problem{Line: line, Key: key, Severity: sev, Kind: kind, Args: args})
}

func (c *checker) sorted() []Problem {
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if (a.File != "") != (b.File != "") {
			return a.File != "" // the glossary's own first: it decides the words' warnings
		}
		if (a.Line == 0) != (b.Line == 0) {
			return b.Line == 0 // those without a place go last
		}
		return a.Line < b.Line
	})
	return c.out
}

// rawProblems looks at the bytes before YAML does: the parser rejects
// invalid UTF-8 and control characters without saying where they are.
func rawProblems(src []byte) []Problem {
	var out []Problem
	for _, b := range i18n.BadBytes(src) {
		if b.NotUTF8 {
			out = append(out, Problem{Line: b.Line, Severity: Error, Kind: "utf8"})
		} else {
			out = append(out, Problem{Line: b.Line, Severity: Error, Kind: "control_raw", Args: []any{"Char", fmt.Sprintf("U+%04X", b.Char)}})
		}
	}
	return out
}

// englishGroups is every prefix of an English key: the mappings a locale
// file may contain.
func englishGroups() map[string]bool {
	en, _ := i18n.Embedded("en")
	g := map[string]bool{}
	for k := range en.Messages {
		for i := strings.LastIndexByte(k, '.'); i > 0; i = strings.LastIndexByte(k[:i], '.') {
			g[k[:i]] = true
		}
	}
	return g
}

// pairs calls fn for each entry of a mapping, reporting keys that are not
// text and keys given twice (YAML keeps the last one silently).
func (c *checker) pairs(prefix string, m *yaml.Node, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.add(k.Line, prefix, Error, "key_type")
			continue
		}
		key := k.Value
		if prefix != "" {
			key = prefix + "." + k.Value
		}
		if first, dup := seen[k.Value]; dup {
			c.add(k.Line, key, Error, "duplicate", "First", first)
			continue
		}
		seen[k.Value] = k.Line
		fn(key, k, v)
	}
}

func (c *checker) walk(key string, k, v *yaml.Node) {
	if em, ok := c.en.Messages[key]; ok {
		c.message(key, k, v, em)
		return
	}
	if !c.groups[key] {
		c.add(k.Line, key, Error, "unknown_key")
		return
	}
	switch {
	case v.Kind == yaml.MappingNode:
		c.pairs(key, v, func(key string, k, v *yaml.Node) { c.walk(key, k, v) })
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		// an empty group: nothing translated there yet
	default:
		c.add(v.Line, key, Error, "group")
	}
}

// message checks the translation v of the English message em.
func (c *checker) message(key string, k, v *yaml.Node, em i18n.Message) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return // not translated yet
		}
		if v.Tag != "!!str" {
			c.add(v.Line, key, Error, "not_text", "Value", v.Value)
			return
		}
		if v.Value == "" {
			return
		}
		got := c.text(key, "", v.Value, v.Line, em)
		want := englishFields(em)
		c.compareFields(key, v.Line, got, want, true)
	case yaml.MappingNode:
		c.plural(key, k, v, em)
	case yaml.SequenceNode:
		c.add(v.Line, key, Error, "list")
	default:
		c.add(v.Line, key, Error, "not_text", "Value", v.Value)
	}
}

// plural checks a mapping of plural forms (one:, other:, ...).
func (c *checker) plural(key string, k, v *yaml.Node, em i18n.Message) {
	forms := map[string]string{}
	lines := map[string]int{}
	ok := true
	c.pairs(key, v, func(_ string, fk, fv *yaml.Node) {
		switch {
		case !i18n.IsPluralCategory(fk.Value):
			c.add(fk.Line, key, Error, "plural_form", "Form", fk.Value)
			ok = false
		case fv.Kind != yaml.ScalarNode || fv.Tag != "!!str" && fv.Tag != "!!null":
			c.add(fv.Line, key+"."+fk.Value, Error, "not_text", "Value", fv.Value)
			ok = false
		default:
			forms[fk.Value] = fv.Value
			lines[fk.Value] = fv.Line
		}
	})
	if !ok {
		return
	}
	if _, has := forms["other"]; !has {
		c.add(k.Line, key, Error, "plural_other")
		return
	}
	translated := false
	for _, s := range forms {
		translated = translated || s != ""
	}
	if !translated {
		return
	}
	want := englishFields(em)
	if em.Forms == nil && !want["Count"] {
		c.add(k.Line, key, Warning, "plural_unused")
	}
	if c.hasTag {
		used := map[string]bool{}
		for _, f := range PluralForms(c.tag) {
			used[f] = true
			if forms[f] == "" && f != "other" {
				c.add(k.Line, key, Warning, "plural_lacks", "Form", f, "Tag", c.tag.String())
			}
		}
		for _, f := range i18n.FormNames(forms) {
			if !used[f] && forms[f] != "" {
				c.add(lines[f], key, Warning, "plural_never", "Form", f, "Tag", c.tag.String())
			}
		}
	}
	all := map[string]bool{}
	refused := false
	for _, f := range i18n.FormNames(forms) {
		if forms[f] == "" {
			continue
		}
		got := c.text(key, f, forms[f], lines[f], em)
		refused = refused || got == nil
		c.compareFields(key, lines[f], got, want, false)
		for n := range got {
			all[n] = true
		}
	}
	if refused {
		// A form whose template is refused (reported) cannot be read for
		// its values: counting none would add a false "leaves out".
		return
	}
	// Each form may leave a value out ("one criterion"), but together they
	// must use everything English's usual form does.
	base := englishFields(i18n.Message{Text: em.Plain()})
	var lost []string
	for n := range base {
		if !all[n] {
			lost = append(lost, n)
		}
	}
	if len(lost) > 0 {
		c.add(k.Line, key, Error, "placeholder_missing", "Names", fieldList(lost))
	}
}

// text checks one text (a form of a plural, or the whole message) and
// returns the template fields it uses.
func (c *checker) text(key, form, s string, line int, em i18n.Message) map[string]bool {
	seen := map[string]bool{} // each kind once per text
	for _, r := range s {
		kind := ""
		switch {
		case r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0:
			kind = "control"
		case unicode.Is(unicode.Bidi_Control, r): // as safetext drops them
			kind = "bidi"
		case safetext.Invisible(r): // the run time drops it: one rule
			kind = "invisible"
		}
		if kind != "" && !seen[kind] {
			seen[kind] = true
			c.add(line, key, Error, kind, "Char", fmt.Sprintf("U+%04X", r))
		}
	}
	enText := em.Text
	if em.Forms != nil {
		enText = em.Forms[form]
		if enText == "" {
			enText = em.Forms["other"]
		}
	}
	if i18n.Info(key).OneLine && strings.ContainsAny(s, "\n\r\u0085\u2028\u2029") {
		c.add(line, key, Error, "one_line")
	}
	t, err := i18n.ParseTemplate(s)
	if err != nil {
		var te *i18n.TemplateError
		switch {
		case errors.As(err, &te) && te.Kind == "action":
			c.add(line, key, Error, "template_action", "Action", te.What, "Allowed", "{{.Name}}")
		case te != nil:
			c.add(line, key, Error, "template", "Detail", te.What)
		default:
			c.add(line, key, Error, "template", "Detail", err.Error())
		}
		// Only that: brackets inside a refused action are no text, and
		// a second error about them would send the translator astray.
		return nil
	}
	c.links(key, line, s, enText)
	c.width(key, line, s, t)
	c.glossary(key, line, s)
	out := map[string]bool{}
	for _, n := range t.Fields() {
		out[n] = true
	}
	return out
}

// width warns about a text wider than the cells its place has. A text
// with values is measured without them: only the words are the
// translator's.
func (c *checker) width(key string, line int, s string, t *i18n.Template) {
	limit := i18n.Info(key).Width
	if limit == 0 {
		return
	}
	if w := textwidth.Width(safetext.Line(t.Fill(nil))); w > limit {
		c.add(line, key, Warning, "too_wide", "Width", w, "Limit", limit)
	}
}

// loadGlossary finds the glossary of the file's language; one that
// cannot be used is reported at its own file and line.
func (c *checker) loadGlossary() {
	if !c.hasTag || c.glossaries == nil {
		return
	}
	g, err := c.glossaries(c.tag)
	var ge *GlossaryError
	switch {
	case errors.As(err, &ge):
		// At the glossary's own file and line: the message need not name it.
		c.out = append(c.out, Problem{File: ge.File, Line: ge.Line, Severity: Error, Kind: ge.Kind, Args: ge.Args})
	case err != nil:
		c.add(0, "", Error, "glossary_read", "Detail", err.Error())
	}
	c.gloss = g
}

// glossary warns about a word the glossary of the file's language says
// to avoid, and, in French, about a plain space where a no-break one
// keeps punctuation on its line.
func (c *checker) glossary(key string, line int, s string) {
	if !c.hasTag {
		return
	}
	base, _ := c.tag.Base()
	if c.gloss != nil {
		for _, t := range c.gloss.Terms {
			for _, w := range t.Avoid {
				if strings.Contains(s, w) {
					c.add(line, key, Warning, "glossary", "Word", w, "Term", t.English, "Use", t.Use, "File", c.gloss.File)
				}
			}
		}
	}
	if base.String() == "fr" && frenchSpace().MatchString(s) {
		c.add(line, key, Warning, "fr_spacing")
	}
	if base.String() == "ja" && japaneseColon().MatchString(s) {
		c.add(line, key, Warning, "ja_colon")
	}
}

// japaneseColon is a half-width colon right after Japanese text, where
// Japanese writes the full-width ： (as ui.words.label does): the two
// side by side on one screen read as a slip.
var japaneseColon = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}ー々）」』】〕〉》]:`)
})

// frenchSpace is a plain space before : ; ? ! or », or after «.
var frenchSpace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\S [:;?!»](\s|$)|« `) })

// compareFields reports values English fills in that the translation
// drops, and values it asks for that the program does not give. A plural
// form may drop some (exact=false).
func (c *checker) compareFields(key string, line int, got, want map[string]bool, exact bool) {
	if got == nil {
		return // a template error, reported already
	}
	var lost, added []string
	for n := range want {
		if !got[n] {
			lost = append(lost, n)
		}
	}
	for n := range got {
		if !want[n] {
			added = append(added, n)
		}
	}
	if exact && len(lost) > 0 {
		c.add(line, key, Error, "placeholder_missing", "Names", fieldList(lost))
	}
	switch {
	case len(added) > 0 && len(want) == 0:
		// English fills in nothing here: say so in words, not "-".
		c.add(line, key, Error, "placeholder_none", "Names", fieldList(added))
	case len(added) > 0:
		c.add(line, key, Error, "placeholder_added", "Names", fieldList(added), "Want", fieldList(keys(want)))
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// fieldList names values as a text writes them; never called with none.
func fieldList(names []string) string {
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{." + n + "}}"
	}
	return strings.Join(out, ", ")
}

// englishFields is the set of values an English message uses, over all its
// forms.
func englishFields(m i18n.Message) map[string]bool {
	out := map[string]bool{}
	texts := []string{m.Text}
	if m.Forms != nil {
		texts = nil
		for _, s := range m.Forms {
			texts = append(texts, s)
		}
	}
	for _, s := range texts {
		if t, err := i18n.ParseTemplate(s); err == nil {
			for _, n := range t.Fields() {
				out[n] = true
			}
		}
	}
	return out
}

var codeSpan = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`[^`\n]*`") })

// links checks the Markdown links of a text: [text](url) with an http(s),
// mailto or relative URL, nothing left open. en is the English text it
// translates, to compare the number of links and brackets.
func (c *checker) links(key string, line int, s, en string) {
	got := c.scanLinks(key, line, s, true)
	s, en = safetext.Clean(s), safetext.Clean(en)
	if en == "" || en == s {
		if strings.Count(stripCode(s), "[") != strings.Count(stripCode(s), "]") {
			c.add(line, key, Warning, "brackets")
		}
		return
	}
	want := c.scanLinks(key, line, en, false)
	if got != want {
		c.add(line, key, Warning, "link_count", "Count", got, "Want", want)
	}
	ts, es := stripCode(s), stripCode(en)
	if strings.Count(ts, "[") != strings.Count(ts, "]") && strings.Count(es, "[") == strings.Count(es, "]") {
		c.add(line, key, Error, "brackets")
	}
}

func stripCode(s string) string {
	return codeSpan().ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}

// scanLinks counts the links in s, reporting broken ones when report is set.
func (c *checker) scanLinks(key string, line int, s string, report bool) int {
	s = stripCode(safetext.Clean(s)) // as shown: an escape sequence is no bracket
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ']' || s[i+1] != '(' {
			continue
		}
		open := opening(s[:i])
		end := closing(s, i+2)
		snippet := s[max(open, i-30, 0):]
		if end >= 0 {
			snippet = s[max(open, i-30, 0) : end+1]
		}
		if len(snippet) > 70 {
			snippet = snippet[:70] + "..."
		}
		if open < 0 {
			if report {
				c.add(line, key, Error, "link_open", "Text", snippet)
			}
			continue
		}
		if end < 0 {
			if report {
				c.add(line, key, Error, "link_close", "Text", snippet)
			}
			continue
		}
		n++
		url := strings.Trim(s[i+2:end], " \t") // CommonMark allows space around it
		if strings.HasPrefix(url, "<") && strings.HasSuffix(url, ">") {
			url = url[1 : len(url)-1] // <...> may hold spaces
		} else if strings.ContainsAny(url, " \t\n") {
			if report {
				c.add(line, key, Error, "link_space", "URL", url)
			}
			continue
		}
		switch {
		case strings.TrimSpace(url) == "":
			if report {
				c.add(line, key, Error, "link_empty", "Text", snippet)
			}
		case hasScheme(url) && !allowedScheme(url):
			if report {
				c.add(line, key, Error, "link_scheme", "URL", url)
			}
		}
		i = end
	}
	return n
}

// opening finds the "[" that opens the link text before a "](" (nested
// brackets allowed), or -1.
func opening(before string) int {
	depth := 0
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case ']':
			depth++
		case '[':
			if depth == 0 {
				return i
			}
			depth--
		case '\n':
			if i > 0 && before[i-1] == '\n' {
				return -1 // a link does not span paragraphs
			}
		}
	}
	return -1
}

// closing finds the ")" that ends a link destination starting at i,
// allowing balanced parentheses inside (Wikipedia URLs).
func closing(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		case '\n':
			return -1
		}
	}
	return -1
}

var scheme = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.\-]*:`) })

func hasScheme(url string) bool { return scheme().MatchString(url) }

func allowedScheme(url string) bool {
	u := strings.ToLower(url)
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "mailto:")
}

// meta checks meta.tag and meta.name.
func (c *checker) meta(k, v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		c.add(k.Line, "meta", Warning, "no_tag")
		return
	}
	if v.Kind != yaml.MappingNode {
		c.add(v.Line, "meta", Error, "meta_type")
		return
	}
	hasTag, hasName := false, false
	c.pairs("meta", v, func(key string, k, v *yaml.Node) {
		switch k.Value {
		case "tag":
			hasTag = true
			c.metaTag(key, v)
		case "name":
			hasName = true
			if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
				c.add(v.Line, key, Error, "not_text", "Value", v.Value)
			} else if strings.TrimSpace(v.Value) == "" {
				c.add(v.Line, key, Warning, "no_name")
			} else {
				c.text(key, "", v.Value, v.Line, i18n.Message{})
			}
		default:
			c.add(k.Line, key, Warning, "meta_unknown")
		}
	})
	if !hasTag {
		c.add(k.Line, "meta.tag", Warning, "no_tag")
	}
	if !hasName {
		c.add(k.Line, "meta.name", Warning, "no_name")
	}
}

func (c *checker) metaTag(key string, v *yaml.Node) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		c.add(v.Line, key, Error, "not_text", "Value", v.Value)
		return
	}
	s := v.Value
	t, err := language.Parse(s)
	switch {
	case strings.TrimSpace(s) == "":
		c.add(v.Line, key, Error, "tag_empty")
		return
	case err != nil:
		c.add(v.Line, key, Error, "tag", "Tag", s, "Detail", err.Error())
		return
	case t == language.Und:
		c.add(v.Line, key, Error, "tag_und", "Tag", s)
		return
	case strings.Contains(s, "_"):
		c.add(v.Line, key, Error, "tag_form", "Tag", s, "Want", t.String())
	case t.String() != s:
		c.add(v.Line, key, Warning, "tag_form", "Tag", s, "Want", t.String())
	}
	c.tag, c.hasTag = t, true
}

// sources checks the _source block: per key, the 8-hex Hash of the English
// text the translation was made from.
func (c *checker) sources(k, v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		c.add(v.Line, "_source", Error, "source_type")
		return
	}
	// Keys here are flattened ("ui.cli.check.summary"), so no prefix.
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		sk, sv := v.Content[i], v.Content[i+1]
		if sk.Kind != yaml.ScalarNode {
			c.add(sk.Line, "_source", Error, "key_type")
			continue
		}
		if first, dup := seen[sk.Value]; dup {
			c.add(sk.Line, sk.Value, Error, "duplicate", "First", first)
			continue
		}
		seen[sk.Value] = sk.Line
		if sv.Kind != yaml.ScalarNode {
			c.add(sv.Line, sk.Value, Error, "source_value")
			continue
		}
		if _, ok := c.en.Messages[sk.Value]; !ok {
			c.add(sk.Line, sk.Value, Warning, "source_unknown")
			continue
		}
		if !isHash(sv.Value) {
			c.add(sv.Line, sk.Value, Warning, "source_hash", "Hash", sv.Value)
		}
	}
}

func isHash(s string) bool {
	if len(s) != 8 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// missing notes the English keys without a translation, in English order.
func (c *checker) missing(f *i18n.File) {
	for _, k := range EnglishKeys() {
		if !f.Translated(k) {
			c.add(0, k, Info, "missing")
		}
	}
}

// stale notes the translations made from an English text that has
// changed: by their recorded source, or by update's #| mark.
func (c *checker) stale(f *i18n.File, marked map[string]bool) {
	for _, k := range EnglishKeys() {
		if h, ok := f.Sources[k]; ok && f.Translated(k) && h != SourceHash(k) || marked[k] {
			c.add(f.Messages[k].Line, k, Info, "stale")
		}
	}
}
