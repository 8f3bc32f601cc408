package i18n

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

func TestEnglishCoversCatalog(t *testing.T) {
	en := English()
	for _, l := range criteria.Default().Levels {
		for _, e := range l.Entries {
			c := en.Criterion(l.Name, e.ID)
			for field, text := range map[string]string{"title": c.Title, "requirement": c.Requirement, "guidance": c.Guidance} {
				if text == "" || strings.HasPrefix(text, "criteria.") {
					t.Errorf("%s/%s: no English %s", l.Name, e.ID, field)
				}
			}
			if !strings.Contains(c.Requirement, string(e.Category)) {
				t.Errorf("%s/%s: requirement lacks its keyword %s", l.Name, e.ID, e.Category)
			}
			for _, s := range []string{e.Major, e.Minor} {
				if !en.Has("sections." + s) {
					t.Errorf("section %q has no text", s)
				}
			}
		}
	}
}

// Keys the program builds from a name: every name must have its text.
func TestKeyFamilies(t *testing.T) {
	en := English()
	var keys []string
	for _, l := range criteria.Default().Levels {
		keys = append(keys, "ui.level."+l.Name, "ui.badge_level."+l.Name)
	}
	for _, s := range []string{"met", "unmet", "na", "unknown"} {
		keys = append(keys, "ui.status."+s)
	}
	for _, r := range []string{"unknown", "passing", "barely", "failing", "url_required", "justification_required", "invalid", "automatic"} {
		keys = append(keys, "ui.result."+r)
	}
	keys = append(keys, "ui.badge_level.in_progress")
	for _, c := range []string{"must", "should", "suggested"} {
		keys = append(keys, "ui.tui.detail.unmet_"+c)
	}
	for _, k := range keys {
		if !en.Has(k) {
			t.Errorf("en.yaml lacks %s", k)
		}
	}
}

func TestPluralsAndFallback(t *testing.T) {
	en := English()
	if got := en.T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 99, "Count", 1); !strings.Contains(got, "1 criterion does") {
		t.Errorf("one: %q", got)
	}
	if got := en.T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 9, "Count", 2); !strings.Contains(got, "2 criteria do") {
		t.Errorf("other: %q", got)
	}
	f, err := Parse("xx.yaml", []byte("meta:\n  tag: fr\nui:\n  status:\n    met: Satisfait\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := FromFile(f)
	if l.T("ui.status.met") != "Satisfait" || l.T("ui.status.unmet") != "Unmet" {
		t.Errorf("fallback: %q %q", l.T("ui.status.met"), l.T("ui.status.unmet"))
	}
	if got := l.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key shows %q", got)
	}
}

// A text this language has not translated is English's, and English's
// plural rules pick its form: a Japanese or Chinese draft (one form for
// every count) showed "1 answers" where the English text has "1 answer".
func TestFallbackTextUsesEnglishPlurals(t *testing.T) {
	for _, tag := range []string{"ja", "zh", "ko", "zz"} {
		f, err := Parse(tag+".yaml", []byte("meta:\n  tag: "+tag+"\n  name: Draft\nui:\n  level:\n    passing: x\n"))
		if err != nil {
			t.Fatal(err)
		}
		l := FromFile(f)
		if got := l.T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 99, "Count", 1); !strings.Contains(got, "1 criterion does") {
			t.Errorf("%s, English text for one: %q", tag, got)
		}
	}
	// A translation keeps its own language's rules: French takes 0 as one.
	f, err := Parse("fr.yaml", []byte("meta:\n  tag: fr\nui:\n  cli:\n    check:\n      not_achieved:\n        one: \"{{.Count}} critère ({{.Level}}, {{.Percentage}})\"\n        other: \"{{.Count}} critères ({{.Level}}, {{.Percentage}})\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := FromFile(f).T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 99, "Count", 0); !strings.HasPrefix(got, "0 critère ") {
		t.Errorf("French zero: %q", got)
	}
}

func TestLocaleTextIsCleaned(t *testing.T) {
	f, err := Parse("evil.yaml", []byte("ui:\n  status:\n    met: \"M\\e[31met\\e]0;x\\a\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := FromFile(f).T("ui.status.met"); got != "Met" {
		t.Errorf("escape sequences kept: %q", got)
	}
}

func TestChooseLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		vars map[string]string
		want string
		warn bool
	}{
		{"", nil, "en", false},
		{"", map[string]string{"LANG": "C"}, "en", false},
		{"", map[string]string{"LANG": "POSIX"}, "en", false},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, "en", false},
		{"", map[string]string{"LANG": "xx_YY.UTF-8"}, "en", true},
		{"", map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, "en", false},
		{"tlh", nil, "en", true},
		// LANGUAGE, the GNU priority list, wins over the locale...
		{"", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "ja:fr"}, "ja", false},
		{"", map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "xx:fr:en"}, "fr", false},
		{"", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANGUAGE": "en"}, "en", false},
		// ...unless the locale is C, POSIX or unset.
		{"", map[string]string{"LANG": "C", "LANGUAGE": "fr"}, "en", false},
		{"", map[string]string{"LC_ALL": "POSIX", "LANG": "fr_FR.UTF-8", "LANGUAGE": "ja"}, "en", false},
		{"", map[string]string{"LANGUAGE": "fr"}, "en", false},
		// The flag wins over everything.
		{"ja", map[string]string{"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}, "ja", false},
	}
	for _, c := range cases {
		l, warn := FromEnvironment(c.flag, env(c.vars))
		if got := l.file.Tag; got != c.want || (warn != "") != c.warn {
			t.Errorf("flag %q env %v: %s (warning %q), want %s", c.flag, c.vars, got, warn, c.want)
		}
	}
}

// hostile are texts a locale file could hold to attack the terminal or
// the program, each put in ui.tui.saved ("Saved at {{.Time}}"): none may
// run, show template syntax or <no value>; English is shown instead.
var hostile = map[string]string{
	"clear screen":       `{{printf "%c" 27}}[2JEnregistré à {{.Time}}`,
	"clipboard (OSC 52)": `{{printf "%c]52;c;ZXZpbA==%c" 27 7}}Enregistré à {{.Time}}`,
	"endless range":      `{{range $i := 300000000}}x{{end}}{{.Time}}`,
	"internal data":      `{{printf "%v" .}}`,
	"dot":                `Enregistré {{.}}`,
	"wrong name":         `Enregistré à {{.Tme}}`,
	"parse error":        `Enregistré à {{.Time}`,
	"call":               `{{call .Time}}`,
	"nested field":       `{{.Time.Foo}}`,
	"pipeline":           `{{.Time | printf "%q"}}`,
	"function":           `{{html .Time}}`,
	"index":              `{{index . "Time"}}`,
	"variable":           `{{$t := .Time}}{{$t}}`,
	"if":                 `{{if .Time}}oui{{end}}`,
	"with":               `{{with .Time}}{{.}}{{end}}`,
	"define":             `{{define "x"}}y{{end}}{{.Time}}`,
	"template":           `{{template "x" .}}`,
	"block":              `{{block "x" .}}y{{end}}`,
	"string constant":    `{{"\x1b[2J"}}{{.Time}}`,
	"number constant":    `{{27}} {{.Time}}`,
	"line break":         "Enregistré\nà {{.Time}}",
	"unclosed":           `Enregistré à {{`,
	"comment":            `{{/* note */}}Enregistré à {{.Time}}`,
	"trim both":          `Enregistré à{{- .Time -}}!`,
	"trim left":          `Enregistré à {{- .Time}}`,
	"trim right":         `Enregistré à {{.Time -}} !`,
}

func TestHostileTemplatesFallBackToEnglish(t *testing.T) {
	for name, text := range hostile {
		src := "meta:\n  tag: fr\nui:\n  tui:\n    saved: " + strconv.Quote(text) + "\n    saving: Enregistrement…\n"
		f, err := Parse("evil.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		l := FromFile(f)
		got := l.T("ui.tui.saved", "Time", "12:00:00")
		if got != "Saved at 12:00:00" {
			t.Errorf("%s: %q, want the English text", name, got)
		}
		// The rest of the file is still used.
		if l.T("ui.tui.saving") != "Enregistrement…" {
			t.Errorf("%s: one bad text turned the whole file off", name)
		}
	}
	// A good translation of the same key is used.
	f, _ := Parse("ok.yaml", []byte("ui:\n  tui:\n    saved: \"Enregistré à {{ .Time }}\"\n"))
	if got := FromFile(f).T("ui.tui.saved", "Time", "12:00:00"); got != "Enregistré à 12:00:00" {
		t.Errorf("a plain field reference: %q", got)
	}
}

// Values come from files too (project names, paths, git data): the text is
// cleaned after they are filled in, and a one-line text stays on one line.
func TestValuesAreCleanedAfterFilling(t *testing.T) {
	en := English()
	got := en.T("ui.tui.saved", "Time", "\x1b[2J\x1b]52;c;ZXZpbA==\x0712:00\nrm -rf")
	if strings.ContainsAny(got, "\x1b\x07\n") || !strings.Contains(got, "12:00 rm -rf") {
		t.Errorf("one-line text with a hostile value: %q", got)
	}
	got = en.T("ui.cli.error", "Message", "line one\nline \x1b[31mtwo")
	if strings.Contains(got, "\x1b") || !strings.Contains(got, "line one\nline two") {
		t.Errorf("multi-line text: %q", got)
	}
	// A name given twice: the last value counts, for the plural form too.
	if got := en.T("ui.cli.check.not_achieved", "Level", "gold", "Percentage", 5, "Count", 0, "Count", 1); !strings.Contains(got, "1 criterion does") {
		t.Errorf("a name given twice: %q", got)
	}
	// A value the caller forgot shows as nothing, never <no value>.
	if got := en.T("ui.tui.saved"); got != "Saved at " {
		t.Errorf("missing value: %q", got)
	}
}

func TestParseTemplate(t *testing.T) {
	good := map[string][]string{
		"plain":               nil,
		"{{.A}} and {{ .B }}": {"A", "B"},
		"{{.A}}{{.A}}":        {"A"},
	}
	for s, want := range good {
		tm, err := ParseTemplate(s)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if got := strings.Join(tm.Fields(), ","); got != strings.Join(want, ",") {
			t.Errorf("%q: fields %q", s, got)
		}
	}
	for name, s := range hostile {
		if strings.Contains(s, "\n") || name == "wrong name" {
			continue // allowed by the parser; refused by the key's rules
		}
		if _, err := ParseTemplate(s); err == nil {
			t.Errorf("%s: %q parsed", name, s)
		}
	}
}

// The one-line rule is declared once, in keyInfo: each pattern names keys
// English has, and the walk's labels are in it.
func TestKeyInfoPatterns(t *testing.T) {
	en, _ := Embedded("en")
	for _, p := range KeyPatterns() {
		n := 0
		for k := range en.Messages {
			if MatchKey(p, k) {
				n++
			}
		}
		if n == 0 && p != "ui.words.**" && p != "meta.name" {
			t.Errorf("pattern %s matches no English key", p)
		}
	}
	for _, k := range []string{"ui.category.MUST", "ui.tui.keys.up", "ui.status.met", "ui.level.silver", "sections.Basics", "criteria.passing.floss_license.title", "meta.name"} {
		if !Info(k).OneLine {
			t.Errorf("%s is not one-line", k)
		}
	}
	for _, k := range []string{"criteria.passing.floss_license.guidance", "ui.cli.usage", "ui.i18ncmd.new.header"} {
		if Info(k).OneLine {
			t.Errorf("%s is one-line", k)
		}
	}
	// English itself keeps the rule.
	for k, m := range en.Messages {
		if Info(k).OneLine && strings.Contains(m.Plain(), "\n") {
			t.Errorf("English %s breaks a line in a one-line text", k)
		}
		for _, s := range append([]string{m.Text}, formsOf(m)...) {
			if _, err := ParseTemplate(s); err != nil {
				t.Errorf("English %s: %v", k, err)
			}
		}
	}
}

func formsOf(m Message) []string {
	var out []string
	for _, s := range m.Forms {
		out = append(out, s)
	}
	return out
}

// The walk's language key cycles through the built-in languages and the
// translator's --locale-file draft.
func TestCycle(t *testing.T) {
	draft, err := Parse("de.yaml", []byte("meta:\n  tag: de\n  name: Deutsch\nui:\n  status:\n    met: Erfüllt\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCycle(draft)
	var names []string
	l := English()
	for range len(Available()) + 1 {
		names = append(names, l.Name())
		l = c.Next(l)
	}
	if got := strings.Join(names, ","); got != "English,Français,日本語,Deutsch" {
		t.Errorf("cycle: %s", got)
	}
	if l.Name() != "English" {
		t.Errorf("the cycle does not come back to English: %s", l.Name())
	}
	ls := c.Locales()
	if got := ls[len(ls)-1].T("ui.status.met"); got != "Erfüllt" {
		t.Errorf("the draft's texts: %q", got)
	}
	// Without a draft: the built-in ones.
	if got := NewCycle(nil).Next(English()).Name(); got != "Français" {
		t.Errorf("next after English: %s", got)
	}
	// A draft of a built-in language comes right after it.
	fr, _ := Parse("fr.yaml", []byte("meta:\n  tag: fr\n  name: Français (brouillon)\n"))
	frl, _ := New("fr")
	if got := NewCycle(fr).Next(frl).Name(); got != "Français (brouillon)" {
		t.Errorf("after fr: %s", got)
	}
}

// BenchmarkT is a lookup the walk makes for every row of every frame.
func BenchmarkT(b *testing.B) {
	fr, _ := New("fr")
	for i := 0; i < b.N; i++ {
		fr.T("ui.cli.status.holding_back", "Level", "argent", "Count", 3)
		fr.T("ui.category.MUST")
	}
}

// Invisible characters in a translation never reach the terminal: the
// same rule as i18n check's (safetext.Invisible).
func TestInvisibleCharactersAreDropped(t *testing.T) {
	f, err := Parse("de.yaml", []byte("ui:\n  level:\n    silver: \"Sil\\u200bber\\ufeff\"\n  tui:\n    saved: \"\\u2060Gespeichert um {{.Time}}\\u00ad\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := FromFile(f)
	if got := l.T("ui.level.silver"); got != "Silber" {
		t.Errorf("one-line text: %q", got)
	}
	if got := l.T("ui.tui.saved", "Time", "12:00\u200b"); got != "Gespeichert um 12:00" {
		t.Errorf("text with a value: %q", got)
	}
}

// A line indented wrongly is named, not the mapping above it that YAML
// names; a second document and a raw escape are found wherever they are.
func TestYAMLErrorsAtTheLineToFix(t *testing.T) {
	src := "meta:\n  tag: de\nui:\n  level:\n    silver: Silber\n  status:\n    #= Met\n     met: Erfüllt\n    unmet: Nicht erfüllt\n    na: k. A.\n"
	_, err := Parse("de.yaml", []byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "de.yaml:8: ") || !strings.Contains(err.Error(), "indentation") {
		t.Errorf("over-indented: %v", err)
	}
	if l := SecondDocument([]byte("ui:\n  a: b\n# c\n---\nui:\n  b: c\n")); l != 4 {
		t.Errorf("second document at %d", l)
	}
	if l := SecondDocument([]byte("---\nui:\n  a: b\n...\n")); l != 0 {
		t.Errorf("one document, its markers: %d", l)
	}
	if got := string(Sanitized([]byte("a: b\nc: \"d\x1b[2Je\x07\"\r\nf: \xffg\n"))); got != "a: b\nc: \"de\"\r\nf: \uFFFDg\n" {
		t.Errorf("sanitized %q", got)
	}
}

// The languages asked for are kept, with or without a translation here:
// links to the badge site follow them.
func TestAskedLanguages(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want []string
	}{
		{"de", nil, []string{"de", "en"}},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, []string{"de-DE", "en"}},
		{"", map[string]string{"LANG": "fr_FR.UTF-8", "LANGUAGE": "de:fr"}, []string{"de", "fr", "fr-FR", "fr"}},
		{"", map[string]string{"LANG": "C", "LANGUAGE": "de"}, []string{"en", "en"}},
		{"ja", map[string]string{"LANG": "de_DE.UTF-8"}, []string{"ja", "ja"}},
	}
	for _, c := range cases {
		l, _ := FromEnvironment(c.flag, env(c.env))
		if got := strings.Join(l.Asked(), ","); got != strings.Join(c.want, ",") {
			t.Errorf("%q %v: asked %s, want %s", c.flag, c.env, got, strings.Join(c.want, ","))
		}
	}
}

// The key table's patterns: a key, * for one segment, .** for all below.
func TestMatchKey(t *testing.T) {
	for _, c := range []struct {
		pattern, key string
		want         bool
	}{
		{"ui.level.*", "ui.level.gold", true},
		{"ui.level.*", "ui.level", false},
		{"ui.level.*", "ui.level.gold.x", false},
		{"ui.level.*", "ui.levels.gold", false},
		{"meta.name", "meta.name", true},
		{"meta.name", "meta.names", false},
		{"ui.tui.**", "ui.tui.keys.up", true},
		{"ui.tui.**", "ui.tui", false},
		{"ui.tui.**", "ui.tuix.a", false},
		{"criteria.*.*.title", "criteria.passing.floss_license.title", true},
		{"criteria.*.*.title", "criteria.passing.floss_license.guidance", false},
		{"*", "", true},
		{"a.*", "a.", true},
	} {
		if got := MatchKey(c.pattern, c.key); got != c.want {
			t.Errorf("MatchKey(%q, %q) = %v, want %v", c.pattern, c.key, got, c.want)
		}
	}
}
