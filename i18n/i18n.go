// Package i18n holds every word the app shows, one YAML file per language
// (i18n/<tag>.yaml, embedded in the binary), and picks the user's language.
// English is complete; any other locale falls back to English key by key.
package i18n

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

//go:embed *.yaml
var files embed.FS

// Message is one translatable text: a plain string, or plural forms keyed by
// CLDR category (one, other, ...).
type Message struct {
	Text   string
	Forms  map[string]string
	Line   int
	Column int
}

// Plain is the text used for hashing and display when no count applies.
func (m Message) Plain() string {
	if m.Forms != nil {
		return m.Forms["other"]
	}
	return m.Text
}

// File is one parsed locale file.
type File struct {
	Tag      string
	Name     string // the language's own name for itself
	Path     string
	Messages map[string]Message
	// Sources holds, per key, the hash of the English text a translation was
	// made from, so that a changed English text marks it stale.
	Sources map[string]string
}

// Locale answers lookups in one language with English behind it.
type Locale struct {
	Tag  language.Tag
	file *File
	en   *File

	// asked is the languages the user asked for, most wanted first (the
	// flag; or LANGUAGE's list and the locale), whether or not there is a
	// translation of them: see Asked.
	asked []string

	mu sync.Mutex
	// resolved holds, per key looked up, the texts chosen (this
	// language's, or English's when this one's cannot be used), parsed.
	resolved map[string]*resolved
}

// PluralCategories are the CLDR plural categories, in CLDR order: the only
// keys a mapping of plural forms may have.
var PluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// IsPluralCategory reports whether s is one of PluralCategories.
func IsPluralCategory(s string) bool {
	for _, c := range PluralCategories {
		if s == c {
			return true
		}
	}
	return false
}

// FormNames lists the forms given, in CLDR order.
func FormNames(forms map[string]string) []string {
	var out []string
	for _, f := range PluralCategories {
		if _, ok := forms[f]; ok {
			out = append(out, f)
		}
	}
	return out
}

// Translated reports whether f has its own text for key (English shows
// otherwise: an empty text is not a translation).
func (f *File) Translated(key string) bool {
	m, ok := f.Messages[key]
	return ok && m.Plain() != ""
}

// Parse reads a locale file. Problems that make it unusable are errors with
// file:line; the caller decides whether unknown keys matter (Check does).
func Parse(name string, src []byte) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if raw := BadBytes(src); len(raw) > 0 {
			// The parser does not say where a bad byte is; we can.
			what := "is not UTF-8 text; save the file as UTF-8"
			if !raw[0].NotUTF8 {
				what = fmt.Sprintf("holds the control character %U; remove it", raw[0].Char)
			}
			return nil, fmt.Errorf("%s:%d: this line %s", name, raw[0].Line, what)
		}
		line, msg, indent := YAMLError(src, err)
		if indent {
			msg = "this line's indentation does not match the keys around it (" + msg + ")"
		}
		return nil, fmt.Errorf("%s:%d: %s", name, line, msg)
	}
	f := &File{Path: name, Messages: map[string]Message{}, Sources: map[string]string{}}
	if len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a locale file is a mapping of keys to texts", name, root.Line)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "_source":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue // emptied by hand: nothing recorded
			}
			if v.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("%s:%d: _source must map keys to hashes", name, v.Line)
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				f.Sources[v.Content[j].Value] = v.Content[j+1].Value
			}
		case "meta":
			for j := 0; j+1 < len(v.Content); j += 2 {
				switch v.Content[j].Value {
				case "name":
					f.Name = safetext.Line(v.Content[j+1].Value)
				case "tag":
					f.Tag = v.Content[j+1].Value
				}
			}
		default:
			if err := flatten(name, k.Value, v, f.Messages); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

func flatten(file, prefix string, n *yaml.Node, out map[string]Message) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil // an untranslated key in a starter file
		}
		if n.Tag != "!!str" {
			return fmt.Errorf("%s:%d: %s must be text; quote it", file, n.Line, safetext.Line(prefix))
		}
		out[prefix] = Message{Text: n.Value, Line: n.Line, Column: n.Column}
		return nil
	case yaml.MappingNode:
		if isPlural(n) {
			m := Message{Forms: map[string]string{}, Line: n.Line, Column: n.Column}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m.Forms[n.Content[i].Value] = n.Content[i+1].Value
			}
			out[prefix] = m
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := flatten(file, prefix+"."+n.Content[i].Value, n.Content[i+1], out); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%s:%d: %s must be text or a mapping", file, n.Line, safetext.Line(prefix))
}

func isPlural(n *yaml.Node) bool {
	hasOther := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		if !IsPluralCategory(k) || n.Content[i+1].Kind != yaml.ScalarNode {
			return false
		}
		hasOther = hasOther || k == "other"
	}
	return hasOther
}

var (
	embeddedMu sync.Mutex
	embedded   = map[string]*File{}
)

// Source returns the bytes of the built-in locale file tag, as shipped.
func Source(tag string) ([]byte, error) {
	return files.ReadFile(tag + ".yaml")
}

// GlossarySource returns the bytes of the built-in glossary of a
// language (glossary.<tag>.yaml), as shipped.
func GlossarySource(tag string) ([]byte, error) {
	return files.ReadFile("glossary." + tag + ".yaml")
}

// Embedded returns the named built-in locale file ("en", "fr", ...).
func Embedded(tag string) (*File, error) {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	if f, ok := embedded[tag]; ok {
		return f, nil
	}
	src, err := Source(tag)
	if err != nil {
		return nil, fmt.Errorf("no built-in locale %q", tag)
	}
	f, err := Parse("i18n/"+tag+".yaml", src)
	if err != nil {
		return nil, err
	}
	if f.Tag == "" {
		f.Tag = tag
	}
	embedded[tag] = f
	return f, nil
}

// Available lists the built-in locale tags, English first. The glossaries
// (glossary.<tag>.yaml) live beside them and are no locales.
func Available() []string {
	entries, _ := files.ReadDir(".")
	tags := []string{"en"}
	for _, e := range entries {
		t := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
		if t != "en" && !strings.HasPrefix(t, "glossary") {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags[1:])
	return tags
}

// English returns the complete English locale.
func English() *Locale {
	l, _ := New("en")
	return l
}

// New returns the built-in locale for tag, matched loosely (fr-CA gives fr).
func New(tag string) (*Locale, error) {
	en, err := Embedded("en")
	if err != nil {
		panic(err) // the build is broken; tests catch it
	}
	asked := []string{normalizeTag(tag)}
	best, ok := Match(tag)
	if !ok {
		return &Locale{Tag: language.English, file: en, en: en, asked: asked}, fmt.Errorf("no translation for %q; using English", tag)
	}
	f, err := Embedded(best)
	if err != nil {
		return &Locale{Tag: language.English, file: en, en: en, asked: asked}, err
	}
	l := FromFile(f)
	l.asked = asked
	return l, nil
}

// Asked is the languages the user asked for, most wanted first, then the
// language shown: German asked for, and shown in English for want of a
// translation, is ["de", "en"]. Links to the badge site follow it
// (criteria.SiteLanguage): the site may serve a language this program
// does not.
func (l *Locale) Asked() []string {
	return append(append([]string(nil), l.asked...), l.Tag.String())
}

// FromFile returns a locale for a parsed file (a translator's draft given
// with --locale-file), with English behind it.
func FromFile(f *File) *Locale {
	en, _ := Embedded("en")
	t, err := language.Parse(f.Tag)
	if err != nil {
		t = language.Und
	}
	return &Locale{Tag: t, file: f, en: en}
}

// LoadFile parses a locale file from disk.
func LoadFile(p string) (*File, error) {
	src, err := ReadFile(p)
	if err != nil {
		return nil, err
	}
	f, err := Parse(p, src)
	if err != nil {
		return nil, err
	}
	if f.Tag == "" {
		f.Tag = strings.TrimSuffix(path.Base(p), path.Ext(p))
	}
	return f, nil
}

// Match finds the built-in locale closest to tag: zh-Hans-CN or zh_CN.UTF-8
// give zh-CN where it exists, fr_FR.UTF-8 gives fr.
func Match(tag string) (string, bool) {
	tag = normalizeTag(tag)
	if tag == "" {
		return "", false
	}
	avail := Available()
	for _, a := range avail {
		if strings.EqualFold(a, tag) {
			return a, true
		}
	}
	want, err := language.Parse(tag)
	if err != nil {
		return "", false
	}
	supported := make([]language.Tag, len(avail))
	for i, a := range avail {
		supported[i] = language.Make(a)
	}
	_, idx, conf := language.NewMatcher(supported).Match(want)
	wantBase, _ := want.Base()
	gotBase, _ := supported[idx].Base()
	if conf < language.High || wantBase != gotBase {
		return "", false // e.g. Klingon, which the matcher maps to English
	}
	return avail[idx], true
}

// normalizeTag turns a POSIX locale (fr_FR.UTF-8@euro) into a BCP 47 tag.
func normalizeTag(s string) string {
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "C" || s == "POSIX" {
		return "en"
	}
	return s
}

// FromEnvironment picks the language: the flag, then the environment as
// gettext reads it: LANGUAGE, a priority list such as "fr:en", first (its
// first language that has a translation wins), unless the locale (LC_ALL,
// LC_MESSAGES or LANG, the first set) is C or POSIX or unset, which means
// "no translation"; then the locale itself. It returns the locale and a
// warning when the choice had to fall back.
func FromEnvironment(flag string, getenv func(string) string) (*Locale, string) {
	req := flag
	var asked []string // every language asked for, in order: see Asked
	if req == "" {
		locale := ""
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if s := getenv(v); s != "" {
				locale = s
				break
			}
		}
		if normalizeTag(locale) == "en" && !strings.HasPrefix(locale, "en") || locale == "" {
			return English(), "" // C, POSIX or nothing: LANGUAGE does not apply
		}
		for _, want := range strings.Split(getenv("LANGUAGE"), ":") {
			if want == "" {
				continue
			}
			asked = append(asked, normalizeTag(want))
			if _, ok := Match(want); (ok || normalizeTag(want) == "en") && req == "" {
				req = want
			}
		}
		asked = append(asked, normalizeTag(locale))
		if req == "" {
			req = locale
		}
	}
	if req == "" {
		return English(), ""
	}
	l, err := New(req)
	if asked != nil {
		l.asked = asked
	}
	if err != nil {
		// The warning is in English: that is the language we fall back to.
		return l, l.T("ui.cli.unknown_language", "Tag", safetext.Line(req))
	}
	return l, ""
}

// File is the locale's own file.
func (l *Locale) File() *File { return l.file }

// Name is the language's own name.
func (l *Locale) Name() string {
	if l.file.Name != "" {
		return l.file.Name
	}
	return l.Tag.String()
}

// resolved is a key's text as T shows it: its forms parsed (the key ""
// for a text without plural forms).
type resolved struct {
	forms   map[string]*Template
	oneLine bool
	// tag is the language of the text: its rules pick the plural form
	// (English's for an English text shown in place of a translation, so
	// that a Japanese draft shows "1 answer", not "1 answers").
	tag language.Tag
	// plain holds, per form, the finished text of a form without values:
	// most texts, looked up on every frame of the walk.
	plain map[string]string
}

// resolve picks the text of key: this language's when it is translated and
// usable, else English's. A translation is unusable when it holds more than
// {{.Name}} references, names a value English does not fill in, or breaks
// a line in a text shown on one line; such a text never reaches the screen.
func (l *Locale) resolve(key string) *resolved {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.resolved[key]; ok {
		return r
	}
	if l.resolved == nil {
		l.resolved = map[string]*resolved{}
	}
	info := Info(key)
	r := compileMessage(l.en, key, info, nil, true)
	if r != nil {
		r.tag = language.English
	}
	if l.file != l.en {
		if own := compileMessage(l.file, key, info, r, false); own != nil {
			own.tag = l.Tag
			r = own
		}
	}
	l.resolved[key] = r
	return r
}

// compileMessage parses f's text of key, or returns nil when f has none or
// it cannot be used. For a translation (english false), en is English's
// text, whose values bound what the translation may ask for.
func compileMessage(f *File, key string, info KeyInfo, en *resolved, english bool) *resolved {
	if !f.Translated(key) {
		return nil
	}
	m := f.Messages[key]
	texts := map[string]string{"": m.Text}
	if m.Forms != nil {
		texts = m.Forms
	}
	allowed := map[string]bool{}
	if en != nil {
		for _, t := range en.forms {
			for _, n := range t.Fields() {
				allowed[n] = true
			}
		}
	}
	r := &resolved{forms: map[string]*Template{}, oneLine: info.OneLine}
	for form, text := range texts {
		if text == "" {
			continue // a form left empty falls back to other
		}
		if info.OneLine && strings.ContainsAny(text, "\n\r\u0085\u2028\u2029") {
			return nil
		}
		t, err := ParseTemplate(text)
		if err != nil {
			return nil
		}
		for _, n := range t.Fields() {
			if !english && !allowed[n] {
				return nil
			}
		}
		r.forms[form] = t
	}
	if len(r.forms) == 0 || m.Forms != nil && r.forms["other"] == nil {
		return nil
	}
	r.plain = map[string]string{}
	for form, t := range r.forms {
		if len(t.Fields()) == 0 {
			r.plain[form] = r.clean(t.fill(nil))
		}
	}
	return r
}

// Has reports whether key has a text in this locale or in English.
func (l *Locale) Has(key string) bool {
	return l.resolve(key) != nil
}

// T returns the text for key, filled in from name/value pairs
// ("Count", 3, "Level", Level("silver")). A "Count" value picks the plural
// form by the language's rules; a Word value (a level, an answer) shows as
// the language's word for it. A key missing everywhere shows as the key itself:
// a bug the tests catch, never an empty screen. The result is cleaned for
// the terminal after the values are filled in (they come from files too),
// and a text shown on one line stays on one line.
func (l *Locale) T(key string, args ...any) string {
	r := l.resolve(key)
	if r == nil {
		return safetext.Line(key)
	}
	form := ""
	if r.forms[""] == nil {
		form = PluralForm(r.tag, count(arg(args, "Count")))
		if r.forms[form] == nil {
			form = "other"
		}
	}
	if s, ok := r.plain[form]; ok {
		return s
	}
	return r.clean(r.forms[form].fill(l.words(args)))
}

// clean makes a filled-in text safe for the terminal, on one line where
// it is shown so.
func (r *resolved) clean(s string) string {
	if r.oneLine {
		return safetext.Line(s)
	}
	return safetext.Clean(s)
}

// arg is the value of name in T's name/value pairs, or nil. A name given
// twice has its last value, as callers that add to a common list expect.
func arg(args []any, name string) any {
	for i := len(args) - len(args)%2 - 2; i >= 0; i -= 2 {
		if k, ok := args[i].(string); ok && k == name {
			return args[i+1]
		}
	}
	return nil
}

// count is the Count value as a whole number, for choosing a plural form.
func count(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case int32:
		return int(n)
	case uint:
		return int(n)
	case uint64:
		return int(n)
	}
	return 0
}

// PluralForm is the CLDR category the language t uses for the whole number
// n ("one", "other", ...).
func PluralForm(t language.Tag, n int) string {
	if n < 0 {
		n = -n
	}
	switch plural.Cardinal.MatchPlural(t, n%10000000, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Label puts a label before a text as the language writes it: "Official
// text: URL" in English, "Texte officiel : URL" in French (a no-break space
// before the colon), "公式テキスト：URL" in Japanese.
func (l *Locale) Label(label, text string) string {
	return l.T("ui.words.label", "Label", label, "Text", text)
}

// CountOf writes a text with a count after it: "silver (55)".
func (l *Locale) CountOf(text string, n int) string {
	return l.T("ui.words.count_of", "Text", text, "Count", n)
}

// Aside writes a note after a text: "Met (the file says so)", in Japanese
// with full-width parentheses and no space.
func (l *Locale) Aside(text, note string) string {
	return l.T("ui.words.aside", "Text", text, "Note", note)
}

// Percent writes a percentage as the language does: "80%", "80 %" in
// French (a no-break space).
func (l *Locale) Percent(n int) string {
	return l.T("ui.words.percent", "Value", n)
}

// CriterionText is what we say about one entry.
type CriterionText struct {
	Title, Requirement, Guidance string
}

// Criterion returns the texts of the entry id at level.
func (l *Locale) Criterion(level, id string) CriterionText {
	p := "criteria." + level + "." + id + "."
	return CriterionText{
		Title:       l.T(p + "title"),
		Requirement: l.T(p + "requirement"),
		Guidance:    l.T(p + "guidance"),
	}
}

// CriterionTitle is Criterion's Title alone: lists and tables show only
// the title, for every row of every frame.
func (l *Locale) CriterionTitle(level, id string) string {
	return l.T("criteria." + level + "." + id + ".title")
}

// Section returns a section name (as the badge names it in English) in
// this language.
func (l *Locale) Section(name string) string {
	if l.Has("sections." + name) {
		return l.T("sections." + name)
	}
	return name
}

// yamlLine is compiled on first use: nothing of ours runs at start-up.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// YAMLErrorLine splits a yaml.v3 error into its line (0 if not given) and
// its message.
func YAMLErrorLine(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// BadByte is a line the YAML parser refuses without saying where: text
// that is not UTF-8, or a control character.
type BadByte struct {
	Line    int
	NotUTF8 bool
	Char    rune // the control character, when NotUTF8 is false
}

// BadBytes looks at the bytes before YAML does, one finding per line.
func BadBytes(src []byte) []BadByte {
	var out []BadByte
	for i, line := range bytes.Split(src, []byte("\n")) {
		n := i + 1
		if !utf8.Valid(line) {
			out = append(out, BadByte{Line: n, NotUTF8: true})
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		for _, r := range string(line) {
			if r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0 {
				out = append(out, BadByte{Line: n, Char: r})
				break
			}
		}
	}
	return out
}
