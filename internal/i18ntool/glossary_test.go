package i18ntool

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/fifotest"
	"golang.org/x/text/language"
)

// reviewerSlips are the words a native speakers' review found in our
// French and Japanese texts. Each must stay in the glossary's avoid lists,
// so that i18n check catches it when a translator writes it again.
var reviewerSlips = map[string][]string{
	"fr": {"la nôtre", "La nôtre", "la leur", "répondez Met", "choisissez Met", "répondez N/A", "commitez", "Commitez", "committé",
		"un DOIT non satisfait", "un DOIT", "faille", "Faille", "suivant à répondre", "accepter proposition", "ne comptant pas",
		"les tags", "placeholder", "niveau de base", "badge de base"},
	"ja": {"Met と回答", "Unmet と回答", "N/A と回答", "メンテナーンス", "課題管理", "積極的に保守", "正当な理由", " (MUST)",
		" (SHOULD)", " (SUGGESTED)", "主ブランチ", "協力者", "ウォーク", "協調された開示"},
}

// slipFile is a locale file of lang with one text holding slip, on line 7.
func slipFile(lang, slip string) []byte {
	name := map[string]string{"fr": "Français", "ja": "日本語"}[lang]
	text := map[string]string{
		"fr": "Avant %s il reste à vérifier la licence du projet.",
		"ja": "プロジェクトのライセンスを%sで確認してください。",
	}[lang]
	return []byte("meta:\n  tag: " + lang + "\n  name: " + name + "\ncriteria:\n  passing:\n    floss_license:\n" +
		"      guidance: " + strconv.Quote(fmt.Sprintf(text, slip)) + "\n")
}

// Every slip the reviewers found, and every word the glossary says to
// avoid, is reported by i18n check as a warning on its line, naming the
// word and the glossary's word to use instead.
func TestGlossaryCatchesReviewersSlips(t *testing.T) {
	en := i18n.English()
	avoid := map[string]map[string]string{"fr": {}, "ja": {}} // word -> the term's word to use
	for lang := range avoid {
		g, err := BuiltinGlossary(language.Make(lang))
		if err != nil || g == nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, term := range g.Terms {
			for _, w := range term.Avoid {
				avoid[lang][w] = term.Use
			}
		}
	}
	for lang, slips := range reviewerSlips {
		for _, s := range slips {
			if _, ok := avoid[lang][s]; !ok {
				t.Errorf("%s: the glossary no longer lists %q to avoid", lang, s)
			}
		}
	}
	for lang, words := range avoid {
		for word, use := range words {
			name := "slips-" + lang + ".yaml"
			ps := Check(name, slipFile(lang, word))
			found := false
			for _, p := range ps {
				if p.Kind != "glossary" || p.Severity != Warning {
					continue
				}
				msg := p.Message(en)
				if p.Line == 7 && strings.Contains(msg, "“"+word+"”") {
					found = true
					if use != "" && !strings.Contains(msg, use) {
						t.Errorf("%s:%d: %q: the message does not say what to use (%q): %s", name, p.Line, word, use, msg)
					}
				}
			}
			if !found {
				t.Errorf("%s: %q not reported on line 7: %+v", name, word, findings(ps))
			}
		}
	}
}

// The shipped French and Japanese files hold none of the words to avoid,
// and French puts its no-break spaces where they belong: i18n check gives
// them no warning at all.
func TestShippedLocalesFollowTheGlossary(t *testing.T) {
	en := i18n.English()
	for _, tag := range []string{"fr", "ja"} {
		src, err := i18n.Source(tag)
		if err != nil {
			t.Fatal(err)
		}
		name := "i18n/" + tag + ".yaml"
		for _, p := range Check(name, src) {
			if p.Severity >= Warning {
				t.Errorf("%s:%d: %s: %s", name, p.Line, p.Severity, p.Message(en))
			}
		}
	}
}

// Japanese writes the full-width colon after Japanese text, as the
// label of every composed string does ("合格：4%"): a half-width one there
// is a warning on its line; file:line, URLs and key: value keep theirs.
func TestJapaneseColon(t *testing.T) {
	for text, warn := range map[string]bool{
		"任意: 根拠があると助けになります。":              true,
		"保存しました（{{.Count}} 件）:":           true,
		"任意：根拠があると助けになります。":               false,
		"{{.File}}:{{.Line}}: 読めません":      false,
		"https://example.org を参照":         false,
		"project: の下に url: を書いてください":      false,
		"{{.Field}}: {{.Value}} と書かれています": false,
	} {
		src := "meta:\n  tag: ja\n  name: 日本語\ncriteria:\n  passing:\n    floss_license:\n      guidance: " + strconv.Quote(text) + "\n"
		got := has(Check("ja.yaml", []byte(src)), want{7, "ja_colon", Warning})
		if got != warn {
			t.Errorf("%q: warning %v, want %v", text, got, warn)
		}
	}
}

// localeFile is a locale file of tag with text on line 7.
func localeFile(tag, text string) []byte {
	return []byte("meta:\n  tag: " + tag + "\n  name: Test\ncriteria:\n  passing:\n    floss_license:\n" +
		"      guidance: " + strconv.Quote(text) + "\n")
}

func writeTestFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A translator owns the glossary of their language, beside their file:
// i18n check of sub/de.yaml reads sub/glossary.de.yaml and names it; a
// built-in language's glossary is used when none is beside; the one
// beside wins (it is the one being edited); pt-BR falls back to pt.
func TestGlossaryBesideTheFile(t *testing.T) {
	en := i18n.English()
	dir := t.TempDir()
	find := GlossariesBeside(dir, "sub")
	glossaryWarnings := func(tag, text string) []string {
		var out []string
		for _, p := range CheckWith("sub/"+tag+".yaml", localeFile(tag, text), find) {
			if p.Kind == "glossary" && p.Line == 7 && p.Severity == Warning {
				out = append(out, p.Message(en))
			}
		}
		return out
	}
	de := "Prüfen Sie die Sicherheitslücke in der Lizenz."
	if w := glossaryWarnings("de", de); len(w) != 0 {
		t.Errorf("de without a glossary: %q", w)
	}
	writeTestFile(t, dir, "glossary.de.yaml", "terms:\n  - en: vulnerability\n    note: a weakness\n    use: Schwachstelle\n    avoid: [Sicherheitslücke]\n")
	w := glossaryWarnings("de", de)
	if len(w) != 1 || !strings.Contains(w[0], "“Sicherheitslücke”") || !strings.Contains(w[0], "Schwachstelle") ||
		!strings.Contains(w[0], filepath.Join("sub", "glossary.de.yaml")) {
		t.Errorf("de with its glossary beside: %q", w)
	}
	// Checked without looking beside it (Check): no German glossary.
	for _, p := range Check("de.yaml", localeFile("de", de)) {
		if p.Kind == "glossary" {
			t.Errorf("Check read a glossary it was not given: %s", p.Message(en))
		}
	}

	fr := "Signalez la faille en privé."
	if w := glossaryWarnings("fr", fr); len(w) != 1 || !strings.Contains(w[0], "i18n/glossary.fr.yaml") || !strings.Contains(w[0], "vulnérabilité") {
		t.Errorf("fr with the built-in glossary: %q", w)
	}
	writeTestFile(t, dir, "glossary.fr.yaml", "terms:\n  - en: report\n    use: signalement\n    avoid: [Signalez]\n")
	if w := glossaryWarnings("fr", fr); len(w) != 1 || !strings.Contains(w[0], "“Signalez”") {
		t.Errorf("fr with a glossary beside: %q", w)
	}

	writeTestFile(t, dir, "glossary.pt.yaml", "terms:\n  - en: vulnerability\n    use: vulnerabilidade\n    avoid: [falha]\n")
	if w := glossaryWarnings("pt-BR", "Relate a falha."); len(w) != 1 || !strings.Contains(w[0], "glossary.pt.yaml") {
		t.Errorf("pt-BR with glossary.pt.yaml: %q", w)
	}
	writeTestFile(t, dir, "glossary.pt-BR.yaml", "terms:\n  - en: vulnerability\n    use: vulnerabilidade\n    avoid: [Relate]\n")
	if w := glossaryWarnings("pt-BR", "Relate a falha."); len(w) != 1 || !strings.Contains(w[0], "glossary.pt-BR.yaml") {
		t.Errorf("pt-BR with glossary.pt-BR.yaml: %q", w)
	}
}

// A glossary is a file a translator, or an attacker, writes too: one
// that cannot be used is an error at its own file and line, saying the
// words are not checked; never a term dropped in silence, never a wait
// on a pipe.
func TestGlossaryFileRefused(t *testing.T) {
	en := i18n.English()
	cases := []struct {
		name, src, kind string
		line            int
	}{
		{"yaml", "terms:\n  - en: Met\n    use: a: b\n", "glossary_yaml", 3},
		{"unknown field", "terms:\n  - en: Met\n    colour: Satisfait\n", "glossary_shape", 3},
		{"word for a language", "terms:\n  - en: Met\n    de: Erfüllt\n", "glossary_shape", 3},
		{"avoid not a list", "terms:\n  - en: Met\n    use: Erfüllt\n    avoid: Met\n", "glossary_shape", 4},
		{"empty word to avoid", "terms:\n  - en: Met\n    use: Erfüllt\n    avoid: [\"\"]\n", "glossary_shape", 4},
		{"no English", "terms:\n  - note: x\n    use: Erfüllt\n", "glossary_shape", 2},
		{"term twice", "terms:\n  - en: Met\n    use: a\n  - en: Met\n    use: b\n", "glossary_shape", 4},
		{"field twice", "terms:\n  - en: Met\n    use: a\n    use: b\n", "glossary_shape", 4},
		{"alias", "terms:\n  - en: Met\n    use: &w Erfüllt\n    avoid: *w\n", "glossary_shape", 4},
		{"number", "terms:\n  - en: Met\n    use: 12\n", "glossary_shape", 3},
		{"not terms", "words:\n  - en: Met\n", "glossary_shape", 1},
		{"a list", "- en: Met\n", "glossary_shape", 1},
		{"second document", "terms:\n  - en: Met\n    use: a\n---\nterms:\n  - en: Unmet\n", "glossary_shape", 4},
		{"escape", "terms:\n  - en: Met\n    use: \"a\x1b[2Jb\"\n", "glossary_text", 3},
		// Written as YAML escapes, or as characters BadBytes lets through:
		// messages strip them, so the word would show as another.
		{"escape written", "terms:\n  - en: Met\n    use: \"Erf\\x01llt\"\n", "glossary_char", 3},
		{"ESC written", "terms:\n  - en: Met\n    use: \"Erf\\e[31mllt\"\n", "glossary_char", 3},
		{"bidi written", "terms:\n  - en: Met\n    use: \"\\u202eErfüllt\"\n", "glossary_char", 3},
		{"bidi raw", "terms:\n  - en: Met\n    use: Erf\u202ellt\n", "glossary_char", 3},
		{"zero width", "terms:\n  - en: Met\n    use: Erf\u200bllt\n", "glossary_char", 3},
		{"line separator", "terms:\n  - en: Met\n    use: \"Erf\\Lllt\"\n", "glossary_char", 3},
		{"in a word to avoid", "terms:\n  - en: Met\n    use: Erfüllt\n    avoid:\n      - Zutreffend\n      - \"Zu\\ttreffend\"\n", "glossary_char", 6},
		{"in the English", "terms:\n  - en: \"M\\u202Eet\"\n    use: Erfüllt\n", "glossary_char", 2},
		{"in a note", "terms:\n  - en: Met\n    note: \"an answer\\u2066\"\n    use: Erfüllt\n", "glossary_char", 3},
	}
	for _, c := range cases {
		dir := t.TempDir()
		gp := writeTestFile(t, dir, "glossary.de.yaml", c.src)
		ps := CheckWith("de.yaml", localeFile("de", "Prüfen Sie die Lizenz."), GlossariesBeside(dir, dir))
		found := false
		for _, p := range ps {
			if p.File != "" {
				found = p.File == gp && p.Line == c.line && p.Kind == c.kind && p.Severity == Error &&
					strings.Contains(p.Message(en), "glossary") && !strings.Contains(p.Message(en), "\x1b")
				if !found {
					t.Errorf("%s: %s:%d %s %s: %s", c.name, p.File, p.Line, p.Kind, p.Severity, p.Message(en))
				}
			}
		}
		if !found {
			t.Errorf("%s: not reported: %+v", c.name, findings(ps))
		}
	}

	// What is no regular file is refused at once.
	dir := t.TempDir()
	fifotest.Make(t, filepath.Join(dir, "glossary.de.yaml"))
	fifotest.Within(t, func() {
		ps := CheckWith("de.yaml", localeFile("de", "Prüfen Sie die Lizenz."), GlossariesBeside(dir, "."))
		if len(ps) == 0 || ps[0].Kind != "glossary_not_regular" || ps[0].File != "glossary.de.yaml" || ps[0].Severity != Error {
			t.Errorf("a named pipe as glossary: %+v", ps[:min(len(ps), 1)])
		}
	})
}

// A hidden character is named in the message, in the user's language, so
// that the translator can find it; a note may still run over lines.
func TestGlossaryHiddenCharacterNamed(t *testing.T) {
	_, err := ParseGlossary("glossary.de.yaml", []byte("terms:\n  - en: Met\n    note: |\n      an answer,\n      \tover lines\n    use: \"Erf\\u202Ellt\"\n"))
	ge, ok := err.(*GlossaryError)
	if !ok || ge.File != "glossary.de.yaml" || ge.Line != 6 || ge.Kind != "glossary_char" {
		t.Fatalf("%#v", err)
	}
	p := Problem{File: ge.File, Line: ge.Line, Severity: Error, Kind: ge.Kind, Args: ge.Args}
	for tag, word := range map[string]string{"en": "glossary", "fr": "glossaire", "ja": "用語集"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		if m := p.Message(loc); !strings.Contains(m, "U+202E") || !strings.Contains(m, "use") || !strings.Contains(m, word) {
			t.Errorf("%s: %s", tag, m)
		}
	}
}

// A glossary that is well formed but empty, or whose words are not
// filled in yet (i18n new's), is no problem.
func TestGlossaryStarterReadsBack(t *testing.T) {
	data, n, err := GlossaryStarter("glossary.de.yaml", "Glossary of the de translation.\nSecond line\u2028third: x")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Terms()
	if err != nil || len(want) < 15 {
		t.Fatalf("%s: %d terms, %v", TermsFile, len(want), err)
	}
	if n != len(want) {
		t.Errorf("%d terms, %s has %d", n, TermsFile, len(want))
	}
	g, err := ParseGlossary("glossary.de.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for i, term := range g.Terms {
		if term.English != want[i].English || term.Note != want[i].Note || term.Note == "" || term.Use != "" || term.Avoid != nil {
			t.Errorf("term %d: %+v", i, term)
		}
	}
	if !strings.HasPrefix(string(data), "# Glossary of the de translation.\n# Second line\n# third: x\nterms:\n") {
		t.Errorf("header:\n%s", data[:min(len(data), 200)])
	}
	for _, src := range []string{"", "terms:\n", "# nothing yet\n"} {
		if _, err := ParseGlossary("g.yaml", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// The neutral notes have one place, TermsFile: it names every term any
// language's glossary lists, and no word of any language.
func TestTermsFileIsNeutral(t *testing.T) {
	terms, err := Terms()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, term := range terms {
		known[term.English] = true
		if term.Note == "" || term.Use != "" || term.Avoid != nil {
			t.Errorf("%s: %s: a note, and no words, for every term: %+v", TermsFile, term.English, term)
		}
	}
	if _, err := language.Parse("terms"); err == nil {
		t.Errorf("terms reads as a language tag: %s could be taken for a language's glossary", TermsFile)
	}
	for _, tag := range i18n.Available()[1:] {
		g, err := BuiltinGlossary(language.Make(tag))
		if err != nil || g == nil {
			t.Fatalf("%s: %v", tag, err)
		}
		for _, term := range g.Terms {
			if !known[term.English] {
				t.Errorf("%s:%d: %s is not in %s: a new language's glossary would lack it", g.File, term.Line, term.English, TermsFile)
			}
		}
	}
}
