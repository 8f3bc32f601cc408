package i18ntool

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
)

// An embedded locale that fails its check fails the tests: this is what
// keeps a broken translation out of the binary.
func TestEmbeddedLocalesPassCheck(t *testing.T) {
	en := i18n.English()
	for _, tag := range i18n.Available() {
		src, err := i18n.Source(tag)
		if err != nil {
			t.Fatal(err)
		}
		name := "i18n/" + tag + ".yaml"
		for _, p := range Check(name, src) {
			if p.Severity == Error {
				t.Errorf("%s:%d: %s", name, p.Line, p.Message(en))
			}
		}
		f, err := i18n.Embedded(tag)
		if err != nil {
			t.Fatal(err)
		}
		if f.Tag != tag {
			t.Errorf("%s says meta.tag %q; the file name and the tag must agree", name, f.Tag)
		}
		// A built-in translation records the English it was made from:
		// without it, a later change of that English cannot show it stale.
		if tag != "en" {
			for _, k := range Measure(f, MarkedStale(f, src)).Unstamped {
				t.Errorf("%s: %s records no English source; check it against en.yaml, then: bestpractices i18n stamp %s %s", name, k, name, k)
			}
		}
	}
}

// Every problem Check can report has its words in en.yaml.
func TestEveryProblemKindHasText(t *testing.T) {
	src, err := os.ReadFile("check.go")
	if err != nil {
		t.Fatal(err)
	}
	used := regexp.MustCompile(`(?:Error|Warning|Info), "([a-z0-9_]+)"|Kind: "([a-z0-9_]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(used) < 30 {
		t.Fatalf("found only %d problem kinds in check.go: is the pattern still right?", len(used))
	}
	listed := map[string]bool{}
	for _, k := range problemKinds {
		listed[k] = true
	}
	for _, m := range used {
		k := m[1] + m[2]
		if !listed[k] {
			t.Errorf("problem kind %q is not in problemKinds", k)
		}
	}
	en := i18n.English()
	for _, k := range problemKinds {
		if !en.Has("ui.i18ncmd.problem." + k) {
			t.Errorf("en.yaml lacks ui.i18ncmd.problem.%s", k)
		}
	}
	for _, s := range []Severity{Info, Warning, Error} {
		if !en.Has("ui.i18ncmd.severity." + s.String()) {
			t.Errorf("en.yaml lacks ui.i18ncmd.severity.%s", s)
		}
	}
}

type want struct {
	line int
	kind string
	sev  Severity
}

func findings(ps []Problem) []want {
	var out []want
	for _, p := range ps {
		if p.Kind != "missing" {
			out = append(out, want{p.Line, p.Kind, p.Severity})
		}
	}
	return out
}

func has(ps []Problem, w want) bool {
	for _, p := range ps {
		if p.Line == w.line && p.Kind == w.kind && p.Severity == w.sev {
			return true
		}
	}
	return false
}

func TestCheckFindsProblems(t *testing.T) {
	cases := []struct {
		name, src string
		want      []want
	}{
		{"unknown key", "ui:\n  status:\n    met: Satisfait\n    mett: x\n", []want{{4, "unknown_key", Error}}},
		{"unknown top-level key", "uii:\n  status: x\n", []want{{1, "unknown_key", Error}}},
		{"list for text", "ui:\n  status:\n    met:\n      - a\n", []want{{4, "list", Error}}},
		{"number for text", "ui:\n  status:\n    met: 12\n", []want{{3, "not_text", Error}}},
		{"text for a group", "ui:\n  status: Satisfait\n", []want{{2, "group", Error}}},
		{"duplicate key", "ui:\n  status:\n    met: a\n    met: b\n", []want{{4, "duplicate", Error}}},
		{"placeholder dropped", "ui:\n  cli:\n    error: \"erreur\"\n", []want{{3, "placeholder_missing", Error}}},
		{"placeholder misspelt", "ui:\n  cli:\n    error: \"erreur : {{.Mesage}}\"\n", []want{{3, "placeholder_missing", Error}, {3, "placeholder_added", Error}}},
		{"template syntax", "ui:\n  cli:\n    error: \"erreur : {{.Message\"\n", []want{{3, "template", Error}}},
		{"plural without other", "ui:\n  cli:\n    check:\n      not_achieved:\n        one: \"{{.Level}} {{.Percentage}} {{.Count}}\"\n", []want{{4, "plural_other", Error}}},
		{"plural form with a value English lacks", "ui:\n  cli:\n    check:\n      not_achieved:\n        one: \"{{.Level}} {{.Percentage}}\"\n        other: \"{{.Level}} {{.Percentage}} {{.Count}} {{.Total}}\"\n", []want{{6, "placeholder_added", Error}}},
		{"plural forms losing a value", "ui:\n  cli:\n    check:\n      not_achieved:\n        one: \"{{.Level}}\"\n        other: \"{{.Level}} {{.Count}}\"\n", []want{{4, "placeholder_missing", Error}}},
		{"not a plural form", "ui:\n  cli:\n    check:\n      not_achieved:\n        several: x\n        other: \"{{.Level}} {{.Percentage}} {{.Count}}\"\n", []want{{5, "plural_form", Error}}},
		{"escape sequence in a text", "ui:\n  status:\n    met: \"\\e[31mSatisfait\"\n", []want{{3, "control", Error}}},
		{"bidirectional override", "ui:\n  status:\n    met: \"\u202eSatisfait\"\n", []want{{3, "bidi", Error}}},
		{"raw escape byte", "ui:\n  status:\n    met: a\x1b[31mb\n", []want{{3, "control_raw", Error}}},
		{"not UTF-8", "ui:\n  status:\n    met: caf\xe9\n", []want{{3, "utf8", Error}}},
		{"bad YAML: a key indented too shallow", "ui:\n  status:\n met: x\n   unmet: y\n", []want{{3, "indent", Error}}},
		{"bad YAML on line 1", "ui: a: b\n", []want{{1, "yaml", Error}}},
		{"not a mapping", "- a\n- b\n", []want{{1, "root", Error}}},
		{"bad tag", "meta:\n  tag: not a tag\n  name: X\n", []want{{2, "tag", Error}}},
		{"underscore in tag", "meta:\n  tag: pt_BR\n  name: X\n", []want{{2, "tag_form", Error}}},
		{"tag in the wrong case", "meta:\n  tag: PT-br\n  name: X\n", []want{{2, "tag_form", Warning}}},
		{"no name", "meta:\n  tag: de\n", []want{{1, "no_name", Warning}}},
		{"form Japanese never uses", "meta:\n  tag: ja\n  name: 日本語\nui:\n  cli:\n    status:\n      holding_back:\n        one: \"{{.Level}}\"\n        other: \"{{.Level}} {{.Count}}\"\n", []want{{8, "plural_never", Warning}}},
		{"_source of a key English lacks", "_source:\n  ui.nothing: \"12345678\"\n", []want{{2, "source_unknown", Warning}}},
		{"_source not a mapping", "_source: [a]\n", []want{{1, "source_type", Error}}},
		{"stale translation", "ui:\n  status:\n    met: Satisfait\n_source:\n  ui.status.met: \"00000000\"\n", []want{{3, "stale", Info}}},
	}
	for _, c := range cases {
		ps := Check("x.yaml", []byte(c.src))
		for _, w := range c.want {
			if !has(ps, w) {
				t.Errorf("%s: want %+v, got %+v", c.name, w, findings(ps))
			}
		}
	}
}

func TestCheckMarkdownLinks(t *testing.T) {
	line := func(text string) string {
		return "criteria:\n  passing:\n    floss_license:\n      guidance: '" + text + "'\n"
	}
	good := []string{
		"Voir [la liste](https://opensource.org/licenses).",
		"Voir [le guide](CONTRIBUTING.md#licence) et `a[0]`.",
		"Voir [Wikipédia](https://fr.wikipedia.org/wiki/Licence_(droit)).",
		"Écrire à [nous](mailto:x@example.org).",
		"Sans lien [facultatif].",
	}
	for _, s := range good {
		for _, p := range Check("x.yaml", []byte(line(s))) {
			if p.Severity == Error {
				t.Errorf("%q: %s", s, p.Message(i18n.English()))
			}
		}
	}
	bad := map[string]string{
		"Voir [la liste]().":                     "link_empty",
		"Voir [la liste](javascript:alert(1)).":  "link_scheme",
		"Voir [la liste](https://exemple .org).": "link_space",
		"Voir [la liste](https://exemple.org.":   "link_close",
		"Voir la liste](https://exemple.org).":   "link_open",
		"Voir [la liste (https://exemple.org).":  "brackets",
	}
	for s, kind := range bad {
		ps := Check("x.yaml", []byte(line(s)))
		if !has(ps, want{4, kind, Error}) {
			t.Errorf("%q: want %s, got %+v", s, kind, findings(ps))
		}
	}
}

func TestCheckCleanTranslation(t *testing.T) {
	src := "meta:\n  tag: ja\n  name: 日本語\nui:\n  status:\n    met: 満たす\n    unmet: \"\"\n  cli:\n    error: \"エラー：{{.Message}}\"\n    status:\n      holding_back:\n        other: \"{{.Level}} を妨げるもの ({{.Count}} 件):\"\nsections:\n  Basics: 基本\n_source:\n  ui.status.met: \"" + SourceHash("ui.status.met") + "\"\n"
	ps := Check("ja.yaml", []byte(src))
	for _, p := range ps {
		if p.Severity != Info {
			t.Errorf("line %d: %s", p.Line, p.Message(i18n.English()))
		}
	}
	f, err := i18n.Parse("ja.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := Measure(f, nil)
	if p.UI.Translated != 3 || p.Criteria.Translated != 1 || len(p.Stale) != 0 || len(p.Unstamped) != 3 {
		t.Errorf("progress %+v", p.UI)
	}
	if f.Translated("ui.status.unmet") {
		t.Error("an empty text counts as translated; English must show instead")
	}
	// Japanese has one form: it is used for one criterion too.
	if got := i18n.FromFile(f).T("ui.cli.status.holding_back", "Level", "passing", "Count", 1); got != "passing を妨げるもの (1 件):" {
		t.Errorf("Japanese plural: %q", got)
	}
}

// Parse, which --locale-file and the embedded files go through, names the
// line of what it cannot read.
func TestParseErrorsHaveLines(t *testing.T) {
	cases := map[string]string{
		"ui:\n  status:\n met: x\n   unmet: y\n": "x.yaml:3:", // the line indented wrongly, not the mapping it breaks
		"ui:\n  status:\n    met: caf\xe9\n":     "x.yaml:3:",
		"ui:\n  status:\n    met: a\x1bb\n":      "x.yaml:3:",
		"ui:\n  status:\n    met: [a]\n":         "x.yaml:3:",
	}
	for src, prefix := range cases {
		_, err := i18n.Parse("x.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%q: %v, want %s", src, err, prefix)
		}
	}
	if _, err := i18n.Parse("x.yaml", []byte("ui:\n  status:\n    met: ok\n_source:\n")); err != nil {
		t.Errorf("an emptied _source block: %v", err)
	}
}

func TestStarterFile(t *testing.T) {
	for tag, forms := range map[string]string{"ja": "other", "de": "one other", "ru": "one few many other"} {
		src := Starter(language.Make(tag), "header line one\nline two")
		if got := strings.Join(PluralForms(language.Make(tag)), " "); got != forms {
			t.Errorf("%s plural forms %q, want %q", tag, got, forms)
		}
		f, err := i18n.Parse(tag+".yaml", src)
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if p := Measure(f, nil); f.Tag != tag || p.All.Translated != 0 || len(f.Sources) != 0 {
			t.Errorf("%s: tag %q, %d texts, %d hashes; a starter file translates and records nothing", tag, f.Tag, p.All.Translated, len(f.Sources))
		}
		for _, p := range Check(tag+".yaml", src) {
			if p.Severity == Error {
				t.Errorf("%s starter:%d: %s", tag, p.Line, p.Message(i18n.English()))
			}
		}
		if p := Measure(f, nil); len(p.Missing) != len(EnglishKeys()) || len(p.Stale) != 0 {
			t.Errorf("%s: %+v", tag, p.All)
		}
		// Every English text is there for the translator to read, with
		// the note on where it appears.
		for _, want := range []string{"    met: #= Met\n", "      title: #= Released under a FLOSS license\n", "#. an answer as shown"} {
			if !strings.Contains(string(src), want) {
				t.Errorf("%s: starter lacks %q", tag, want)
			}
		}
		if !strings.HasPrefix(string(src), "# header line one\n# line two\nmeta:\n") {
			t.Errorf("%s: header: %q", tag, src[:60])
		}
		// A value filled in is a translation; update records that it was
		// made from the English shown beside it.
		filled := strings.Replace(string(src), "  #= Basics\n  Basics:\n", "  #= Basics\n  Basics: Grundlagen\n", 1)
		up, err := Update(tag+".yaml", []byte(filled), "sources")
		if err != nil {
			t.Fatalf("%s: update: %v", tag, err)
		}
		g, err := i18n.Parse(tag+".yaml", up.Data)
		if err != nil || !g.Translated("sections.Basics") {
			t.Fatalf("%s: filling in a value: %v", tag, err)
		}
		if p := Measure(g, nil); len(p.Stale) != 0 || len(p.Unstamped) != 0 || g.Sources["sections.Basics"] != SourceHash("sections.Basics") {
			t.Errorf("%s: a translation of the English shown is not current: %+v", tag, p)
		}
	}
	ja := string(Starter(language.Japanese, ""))
	if !strings.Contains(ja, "      holding_back:\n        other:\n") {
		t.Error("Japanese starter should offer only the other form")
	}
}

func TestStamp(t *testing.T) {
	hash := SourceHash("ui.status.met")
	src := "# Français\nmeta:\n  tag: fr   # la langue\n  name: Français\nui:\n  status:\n    met: Satisfait # revu\n    unmet: 'Non satisfait'\n_source:\n  # anciens\n  ui.status.unmet: \"00000000\"  # à revoir\n\n# fin\nsections:\n  Basics: Bases\n"
	out, err := Stamp("fr.yaml", []byte(src), map[string]string{"ui.status.met": hash, "ui.status.unmet": SourceHash("ui.status.unmet")}, "header")
	if err != nil {
		t.Fatal(err)
	}
	wantOut := strings.Replace(src, "\"00000000\"  # à revoir\n", "\""+SourceHash("ui.status.unmet")+"\"  # à revoir\n  ui.status.met: \""+hash+"\"\n", 1)
	if string(out) != wantOut {
		t.Errorf("stamp changed more than the _source block:\n%s\nwant:\n%s", out, wantOut)
	}
	f, _ := i18n.Parse("fr.yaml", out)
	if p := Measure(f, nil); len(p.Stale) != 0 || len(p.Unstamped) != 1 || p.Unstamped[0] != "sections.Basics" {
		t.Errorf("after stamp: stale %v, unstamped %v", p.Stale, p.Unstamped)
	}

	// No block yet: one is added at the end, the rest kept; CRLF kept.
	crlf := "ui:\r\n  status:\r\n    met: Satisfait"
	out, err = Stamp("fr.yaml", []byte(crlf), map[string]string{"ui.status.met": hash}, "records")
	if err != nil {
		t.Fatal(err)
	}
	if want := crlf + "\r\n\r\n# records\r\n_source:\r\n  ui.status.met: \"" + hash + "\"\r\n"; string(out) != want {
		t.Errorf("new block: %q\nwant %q", out, want)
	}

	// What cannot be edited safely is refused, never damaged.
	for _, bad := range []string{"ui:\n  status:\n met: x\n   unmet: y\n", "_source: {ui.status.met: \"1\"}\n", "_source:\n  a: b\n_source:\n  c: d\n"} {
		if _, err := Stamp("fr.yaml", []byte(bad), map[string]string{"ui.status.met": hash}, ""); err == nil {
			t.Errorf("stamped %q", bad)
		}
	}
}

// Every hostile template of issue 12 is an error of i18n check, on its
// line, so that a translation pull request carrying one fails CI.
func TestCheckRefusesHostileTemplates(t *testing.T) {
	cases := map[string]struct{ text, kind string }{
		"clear screen":                  {`{{printf "%c" 27}}[2JEnregistré à {{.Time}}`, "template_action"},
		"clipboard (OSC 52)":            {`{{printf "%c]52;c;ZXZpbA==%c" 27 7}}Enregistré à {{.Time}}`, "template_action"},
		"endless range":                 {`{{range $i := 300000000}}x{{end}}{{.Time}}`, "template_action"},
		"internal data":                 {`{{printf "%v" .}}`, "template_action"},
		"dot":                           {`Enregistré {{.}}`, "template_action"},
		"wrong name":                    {`Enregistré à {{.Tme}}`, "placeholder_added"},
		"parse error":                   {`Enregistré à {{.Time}`, "template"},
		"call":                          {`{{call .Time}}`, "template_action"},
		"nested field":                  {`{{.Time.Foo}}`, "template_action"},
		"pipeline":                      {`{{.Time | printf "%q"}}`, "template_action"},
		"variable":                      {`{{$t := .Time}}{{$t}}`, "template_action"},
		"if":                            {`{{if .Time}}oui{{end}}`, "template_action"},
		"define":                        {`{{define "x"}}y{{end}}{{.Time}}`, "template_action"},
		"template":                      {`{{template "x" .}}{{.Time}}`, "template_action"},
		"string constant":               {`{{"\x1b[2J"}}{{.Time}}`, "template_action"},
		"line break in a one-line text": {"Enregistré\nà {{.Time}}", "one_line"},
		"comment":                       {`{{/* note */}}Enregistré à {{.Time}}`, "template_action"},
		"trim markers":                  {`Enregistré à{{- .Time -}}!`, "template_action"},
		"trim marker after":             {`Enregistré à {{.Time -}} !`, "template_action"},
	}
	for name, c := range cases {
		src := "meta:\n  tag: fr\n  name: Français\nui:\n  tui:\n    saved: " + strconv.Quote(c.text) + "\n"
		ps := Check("fr.yaml", []byte(src))
		if !has(ps, want{6, c.kind, Error}) {
			t.Errorf("%s: want %s error on line 6, got %+v", name, c.kind, findings(ps))
		}
	}
	// A newline in a category or a key label: the walk's layout.
	for _, key := range []string{"category:\n    MUST", "tui:\n    keys:\n      up"} {
		src := "ui:\n  " + key + ": \"haut\\nbas\"\n"
		ps := Check("fr.yaml", []byte(src))
		if Errors(ps) == 0 || !hasKind(ps, "one_line") {
			t.Errorf("%s: %+v", key, findings(ps))
		}
	}
	// Texts of several lines stay allowed where they are shown so.
	ps := Check("fr.yaml", []byte("criteria:\n  passing:\n    floss_license:\n      guidance: \"Un.\\n\\nDeux.\"\n"))
	if Errors(ps) != 0 {
		t.Errorf("a guidance of two paragraphs: %+v", findings(ps))
	}
}

func hasKind(ps []Problem, kind string) bool {
	for _, p := range ps {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

// Each built-in language has its own glossary: it parses, gives a word
// for each of its terms and has the terms the badge is made of; the
// built-in files avoid the words it lists.
func TestGlossary(t *testing.T) {
	for _, tag := range i18n.Available() {
		if tag == "en" {
			continue
		}
		g, err := BuiltinGlossary(language.Make(tag))
		if err != nil || g == nil {
			t.Fatalf("%s: no glossary (i18n/glossary.%s.yaml): %v", tag, tag, err)
		}
		if g.File != "i18n/glossary."+tag+".yaml" {
			t.Errorf("%s: glossary named %q", tag, g.File)
		}
		has := map[string]bool{}
		for _, term := range g.Terms {
			has[term.English] = true
			if term.Use == "" {
				t.Errorf("%s: %s has no word", g.File, term.English)
			}
		}
		for _, e := range []string{"justification", "criterion", "level", "Met", "Unmet", "N/A", "MUST", "SHOULD", "SUGGESTED", "vulnerability", "maintainer"} {
			if !has[e] {
				t.Errorf("%s lacks the term %s", g.File, e)
			}
		}
	}
	// A translator's slip the glossary catches: fr "faille" for vulnerability.
	src := "meta:\n  tag: fr\n  name: Français\ncriteria:\n  passing:\n    vulnerability_report_process:\n      title: \"Processus de signalement des failles\"\n"
	if ps := Check("fr.yaml", []byte(src)); !has(ps, want{7, "glossary", Warning}) {
		t.Errorf("glossary word not caught: %+v", findings(ps))
	}
	src = "meta:\n  tag: fr\n  name: Français\nui:\n  tui:\n    saved: \"Enregistré à : {{.Time}}\"\n"
	if ps := Check("fr.yaml", []byte(src)); !has(ps, want{6, "fr_spacing", Warning}) {
		t.Errorf("French spacing not caught: %+v", findings(ps))
	}
	// Glossary words the built-in files must show: the statuses.
	for tag, words := range map[string][]string{"fr": {"Satisfait", "Non satisfait", "Sans objet"}, "ja": {"満たす", "満たさない", "該当なし"}} {
		l, _ := i18n.New(tag)
		for i, k := range []string{"ui.status.met", "ui.status.unmet", "ui.status.na"} {
			if got := l.T(k); got != words[i] {
				t.Errorf("%s %s = %q, want %q", tag, k, got, words[i])
			}
		}
	}
}

// A translator's slips and an attacker's tricks that the check let through:
// each is reported at the line to fix, and one raw escape does not hide
// the file's other problems.
func TestCheckReportsEveryProblemAtItsLine(t *testing.T) {
	head := "meta:\n  tag: de\n  name: Deutsch\nui:\n" // lines 1-4
	cases := map[string]struct {
		src  string
		want []want
	}{
		"a raw escape, then a comment between braces": {
			head + "  level:\n    silver: Sil\x1b[2Jber\n    gold: \"{{/* x */}}Gold\"\n",
			[]want{{6, "control_raw", Error}, {7, "template_action", Error}},
		},
		"two raw bytes and a trim marker": {
			head + "  level:\n    silver: \"a\x07\"\n    gold: b\x01\n  cli:\n    status:\n      badge_level: \"Stufe: {{- .Level -}} ({{.Tiered}})\"\n",
			[]want{{6, "control_raw", Error}, {7, "control_raw", Error}, {10, "template_action", Error}},
		},
		"a second document": {
			head + "  level:\n    silver: Silber\n---\nui:\n  level:\n    gold: \"\\e[2J\"\n",
			[]want{{7, "second_document", Error}},
		},
		"a second document after ...": {
			head + "  level:\n    silver: Silber\n...\n---\nui: {}\n",
			[]want{{7, "second_document", Error}},
		},
		"invisible characters": {
			head + "  level:\n    silver: \"Sil\\u200bber\"\n    gold: \"\\ufeffGold\"\n    passing: \"best\\u2060anden\"\n",
			[]want{{6, "invisible", Error}, {7, "invisible", Error}, {8, "invisible", Error}},
		},
		"a key indented too deep": { // YAML names line 4, the mapping it breaks
			head + "  level:\n    silver: Silber\n  status:\n    #= Met\n     met: Erfüllt\n    unmet: Nicht erfüllt\n    na: k. A.\n",
			[]want{{9, "indent", Error}},
		},
		"a key indented too shallow": {
			head + "  status:\n    #= Met\n  met: Erfüllt\n    unmet: Nicht erfüllt\n    na: k. A.\n",
			[]want{{7, "indent", Error}},
		},
		"the keys after a key too shallow": {
			head + "  status:\n    met: Erfüllt\n    unmet: Nicht erfüllt\n   na: k. A.\n",
			[]want{{8, "indent", Error}},
		},
		"a tab": {
			head + "  level:\n    silver: Silber\n\tgold: Gold\n",
			[]want{{7, "indent", Error}},
		},
	}
	for name, c := range cases {
		ps := Check("de.yaml", []byte(c.src))
		for _, w := range c.want {
			if !has(ps, w) {
				t.Errorf("%s: want %+v, got %+v", name, w, findings(ps))
			}
		}
		if got := len(findings(ps)); got != len(c.want) && !strings.Contains(name, "trim") {
			t.Errorf("%s: %d findings, want %d: %+v", name, got, len(c.want), findings(ps))
		}
	}
	// A valid file with a plain text going on below its key is no
	// indentation error, nor is a block scalar.
	ok := head + "  level:\n    silver: Sil\n      ber\n  cli:\n    usage: |-\n      Zeile\n        eingerückt\n    extra_args: \"zu viel: {{.Args}}\"\n"
	if ps := Check("de.yaml", []byte(ok)); Errors(ps) > 0 {
		t.Errorf("valid file: %+v", findings(ps))
	}
}

// A plural whose forms are refused is reported for what is wrong with
// them alone: the values a refused form uses cannot be read, so it is
// not also said to leave out {{.Count}} and {{.Level}} (a false error
// the translator could not fix).
func TestCheckRefusedPluralFormReportedOnce(t *testing.T) {
	cases := map[string][2]string{
		"both forms refused":      {`{{range $i := 3}}x{{end}} {{.Level}} {{.Count}}`, `{{printf "%c" 27}} {{.Level}} {{.Count}}`},
		"one form refused":        {`{{call .Level}} ({{.Count}} Kriterium)`, `Was aufhält: {{.Count}} Kriterien`},
		"a form that won't parse": {`Was {{.Level}} aufhält`, `Was {{.Level}} aufhält ({{.Count} Kriterien)`},
	}
	for name, forms := range cases {
		src := "meta:\n  tag: de\n  name: Deutsch\nui:\n  cli:\n    status:\n      holding_back:\n" +
			"        one: " + strconv.Quote(forms[0]) + "\n        other: " + strconv.Quote(forms[1]) + "\n"
		ps := Check("de.yaml", []byte(src))
		refused := 0
		for _, p := range ps {
			switch {
			case p.Severity != Error:
			case p.Kind == "template_action" || p.Kind == "template":
				refused++
			default:
				t.Errorf("%s: also reported line %d %s: %s", name, p.Line, p.Kind, p.Message(i18n.English()))
			}
		}
		if refused == 0 {
			t.Errorf("%s: the refused form is not reported: %+v", name, findings(ps))
		}
	}
}

// A value in a text whose English has none is said in words in every
// language, never as "(English uses -)".
func TestCheckValueWhereEnglishHasNone(t *testing.T) {
	src := "meta:\n  tag: fr\n  name: Français\ncriteria:\n  passing:\n    description_good:\n      requirement: \"Exigence {{.Level}} DOIT\"\n"
	ps := Check("fr.yaml", []byte(src))
	if !has(ps, want{7, "placeholder_none", Error}) {
		t.Fatalf("want placeholder_none on line 7, got %+v", findings(ps))
	}
	dash := regexp.MustCompile(`(^|\s)-(\)|\s|$)`)
	for _, tag := range []string{"en", "fr", "ja"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Severity != Error {
				continue
			}
			msg := p.Message(loc)
			if dash.MatchString(msg) || !strings.Contains(msg, "{{.Level}}") {
				t.Errorf("%s: %q", tag, msg)
			}
		}
	}
}

// A text whose template is refused gets that error alone: the brackets
// inside the action ("%c]52", OSC 52) are not text, and a second error
// about unpaired brackets would send the translator looking for a link.
func TestRefusedTemplateIsTheOnlyError(t *testing.T) {
	for _, text := range []string{
		`{{printf "%c]52;c;aGk=%c" 27 7}}Enregistré.`,
		`Enregistré {{index .Names "[x"}}.`,
		`[Enregistré]({{printf "%s" "https://x]"}})`,
	} {
		src := "meta:\n  tag: fr\n  name: Français\nui:\n  tui:\n    saved: " + strconv.Quote(text) + "\n"
		var got []string
		for _, p := range Check("fr.yaml", []byte(src)) {
			if p.Kind != "missing" {
				got = append(got, p.Kind)
			}
		}
		if len(got) != 1 || got[0] != "template_action" {
			t.Errorf("%s: %v, want template_action alone", text, got)
		}
	}
	// A text whose template is accepted still has its brackets checked.
	src := "meta:\n  tag: fr\n  name: Français\nui:\n  tui:\n    saved: \"Enregistré [{{.File}}\"\n"
	if ps := Check("fr.yaml", []byte(src)); !hasKind(ps, "brackets") {
		t.Errorf("unpaired bracket beside a placeholder: %+v", findings(ps))
	}
}

// An empty or undetermined meta.tag is said in words, in every language,
// never as "(-)".
func TestMetaTagEmptyOrUndSaidInWords(t *testing.T) {
	for _, c := range []struct{ tag, kind string }{{`""`, "tag_empty"}, {`" "`, "tag_empty"}, {"und", "tag_und"}, {"UND", "tag_und"}} {
		src := "meta:\n  tag: " + c.tag + "\n  name: Test\n"
		ps := Check("x.yaml", []byte(src))
		if !has(ps, want{2, c.kind, Error}) {
			t.Errorf("tag %s: %+v", c.tag, findings(ps))
			continue
		}
		for _, lang := range []string{"en", "fr", "ja"} {
			loc, _ := i18n.New(lang)
			for _, p := range ps {
				if p.Kind != c.kind {
					continue
				}
				msg := p.Message(loc)
				if strings.Contains(msg, "(-)") || strings.Contains(msg, "（-）") || !strings.Contains(msg, "meta.tag") || !strings.Contains(msg, "pt-BR") {
					t.Errorf("%s, tag %s: %s", lang, c.tag, msg)
				}
			}
		}
	}
}
