package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/fifotest"
	"github.com/bestpractices/bestpractices/internal/i18ntool"
	"golang.org/x/text/language"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodDraft = "meta:\n  tag: fr\n  name: Français\nui:\n  status:\n    met: Satisfait\n  cli:\n    check:\n      not_achieved:\n        one: \"{{.Level}} non atteint ({{.Percentage}} %)\u00a0: {{.Count}} critère ne compte pas encore\u00a0:\"\n        other: \"{{.Level}} non atteint ({{.Percentage}} %)\u00a0: {{.Count}} critères ne comptent pas encore\u00a0:\"\n"

func TestI18nCheck(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.yaml", goodDraft)
	out, _, code := run(t, dir, "i18n", "check", "good.yaml")
	if code != ExitOK || !strings.Contains(out, "good.yaml: no errors") || !strings.Contains(out, "keys not translated yet") {
		t.Errorf("good draft: code %d\n%s", code, out)
	}
	if strings.Contains(out, "ui.status.unmet") {
		t.Errorf("missing keys listed without --verbose:\n%s", out)
	}
	out, _, _ = run(t, dir, "i18n", "check", "--verbose", "good.yaml")
	if !strings.Contains(out, "good.yaml: info: ui.status.unmet is not translated yet") {
		t.Errorf("--verbose does not list the missing keys:\n%s", out)
	}

	writeFile(t, dir, "bad.yaml", "ui:\n  status:\n    met: \"\\e[31mSatisfait\"\n    mett: x\n  cli:\n    error: \"erreur\"\n    unknown_command: \"{{.Nom}}\"\n    check:\n      not_achieved:\n        one: \"{{.Count}}\"\n")
	out, _, code = run(t, dir, "i18n", "check", "bad.yaml", "good.yaml")
	if code != ExitNotMet {
		t.Errorf("errors: code %d", code)
	}
	for _, want := range []string{
		"bad.yaml:3: error: ui.status.met holds the control character U+001B",
		"bad.yaml:4: error: unknown key ui.status.mett",
		"bad.yaml:6: error: ui.cli.error leaves out {{.Message}}",
		"bad.yaml:7: error: ui.cli.unknown_command uses {{.Nom}}",
		"bad.yaml:9: error: ui.cli.check.not_achieved: plural forms need an other: form",
		"bad.yaml: 6 errors.",
		"good.yaml: no errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("an escape sequence from the file reached the terminal")
	}

	// Not UTF-8, a raw control byte, bad YAML, a list for a text: each
	// with its line.
	writeFile(t, dir, "raw.yaml", "ui:\n  status:\n    met: caf\xe9\n    unmet: a\x07b\n")
	out, _, code = run(t, dir, "i18n", "check", "raw.yaml")
	if code != ExitNotMet || !strings.Contains(out, "raw.yaml:3: error: this line is not UTF-8") || !strings.Contains(out, "raw.yaml:4: error: this line holds the control character U+0007") {
		t.Errorf("raw bytes: code %d\n%s", code, out)
	}
	writeFile(t, dir, "list.yaml", "ui:\n  status:\n    met:\n      - Satisfait\n")
	out, _, _ = run(t, dir, "i18n", "check", "list.yaml")
	if !strings.Contains(out, "list.yaml:4: error: ui.status.met is a list") {
		t.Errorf("list:\n%s", out)
	}
	if _, errOut, code := run(t, dir, "i18n", "check", "nothere.yaml"); code != ExitBadInput || !strings.Contains(errOut, "nothere.yaml") {
		t.Errorf("missing file: code %d %q", code, errOut)
	}
	if _, _, code := run(t, dir, "i18n", "check"); code != ExitBadInput {
		t.Errorf("no file: code %d", code)
	}
}

// CI runs i18n check over every shipped locale file; so does this test,
// over the files in the source tree (the embedded ones are checked in
// package i18n).
func TestI18nCheckShippedFiles(t *testing.T) {
	all, _ := filepath.Glob("../../i18n/*.yaml")
	var files []string
	for _, f := range all {
		if !strings.HasPrefix(filepath.Base(f), "glossary") {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Fatal("no locale files found")
	}
	args := append([]string{"i18n", "check"}, files...)
	out, _, code := run(t, ".", args...)
	if code != ExitOK {
		t.Errorf("code %d\n%s", code, out)
	}
}

func TestI18nNew(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := run(t, dir, "i18n", "new", "de")
	if code != ExitOK || !strings.Contains(out, "Wrote de.yaml") {
		t.Fatalf("code %d %q %q", code, out, errOut)
	}
	src, err := os.ReadFile(filepath.Join(dir, "de.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"meta:\n  tag: de\n  name: \"\"", "    met: #= Met\n", "        one:\n        other:\n"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("starter lacks %q", want)
		}
	}
	if strings.Contains(string(src), "\n_source:") {
		t.Error("a starter records English sources of texts not translated yet")
	}
	if out, _, code := run(t, dir, "i18n", "check", "de.yaml"); code != ExitOK {
		t.Errorf("the starter file fails its check: %d\n%s", code, out)
	}

	// Never overwritten, not even by a second run.
	os.WriteFile(filepath.Join(dir, "de.yaml"), []byte("mine\n"), 0o644)
	if _, errOut, code := run(t, dir, "i18n", "new", "de"); code != ExitBadInput || !strings.Contains(errOut, "exists already") {
		t.Errorf("overwrite: code %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "de.yaml")); string(b) != "mine\n" {
		t.Error("an existing file was overwritten")
	}

	out, _, code = run(t, dir, "i18n", "new", "-o", "-", "ja")
	if code != ExitOK || !strings.Contains(out, "      holding_back:\n        other:\n") || strings.Contains(out, "        one:\n") {
		t.Errorf("Japanese starter on stdout: code %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "ja.yaml")); err == nil {
		t.Error("-o - wrote a file")
	}
	if _, _, code := run(t, dir, "i18n", "new", "pt_BR", "-o", "pt.yaml"); code != ExitOK {
		t.Errorf("pt_BR: code %d", code)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "pt.yaml")); !strings.Contains(string(b), "  tag: pt-BR\n") {
		t.Error("the tag is not written in BCP 47 form")
	}
	for _, bad := range []string{"not a tag", "en", ""} {
		if _, _, code := run(t, dir, "i18n", "new", bad); code != ExitBadInput {
			t.Errorf("new %q: code %d", bad, code)
		}
	}
}

func TestI18nStampAndStatus(t *testing.T) {
	dir := t.TempDir()
	draft := goodDraft + "_source:\n  ui.status.met: \"00000000\" # translated from an older text\n"
	p := writeFile(t, dir, "fr.yaml", draft)

	out, _, code := run(t, dir, "--locale-file", "fr.yaml", "i18n", "status")
	if code != ExitOK {
		t.Fatal(code)
	}
	row := out[strings.Index(out, "(fr.yaml)")-len("fr Français "):]
	for _, want := range []string{
		"fr Français (fr.yaml): 0% translated (2/",
		"1 stale translation",
		"    ui.status.met\n",
		"1 translation records no English source yet",
		"keys not translated (English is shown for them):",
		"--verbose lists them all",
	} {
		if !strings.Contains(row, want) {
			t.Errorf("status lacks %q:\n%s", want, row)
		}
	}

	// Stamping what the translator revisited: only the _source block changes.
	out, _, code = run(t, dir, "i18n", "stamp", "fr.yaml", "ui.status.met")
	if code != ExitOK || !strings.Contains(out, "recorded the current English source of 1 translation") {
		t.Errorf("stamp: %d %q", code, out)
	}
	b, _ := os.ReadFile(p)
	want := strings.Replace(draft, "\"00000000\"", "\""+i18ntool.SourceHash("ui.status.met")+"\"", 1)
	if string(b) != want {
		t.Errorf("stamp changed more than the hash:\n%s", b)
	}
	// With no key: every translated key without a record.
	run(t, dir, "i18n", "stamp", "fr.yaml")
	b, _ = os.ReadFile(p)
	if !strings.HasPrefix(string(b), want) || !strings.Contains(string(b), "  ui.cli.check.not_achieved: \""+i18ntool.SourceHash("ui.cli.check.not_achieved")+"\"\n") {
		t.Errorf("stamp without keys:\n%s", b)
	}
	if out, _, _ := run(t, dir, "i18n", "stamp", "fr.yaml"); !strings.Contains(out, "nothing to record") {
		t.Errorf("second stamp: %q", out)
	}
	if _, errOut, code := run(t, dir, "i18n", "stamp", "fr.yaml", "ui.no.such"); code != ExitBadInput || !strings.Contains(errOut, "ui.no.such") {
		t.Errorf("unknown key: %d %q", code, errOut)
	}
	// A _source block stamp cannot edit in place is said at its line, in
	// the user's language (it was English whatever the language).
	flow := writeFile(t, dir, "flow.yaml", goodDraft+"_source: {ui.status.met: \"00000000\"}\n")
	before, _ := os.ReadFile(flow)
	if _, errOut, code := run(t, dir, "--lang", "fr", "i18n", "stamp", "flow.yaml", "ui.status.met"); code != ExitBadInput || !regexp.MustCompile(`flow\.yaml:\d+\x{a0}: écrivez _source comme un bloc`).MatchString(errOut) {
		t.Errorf("flow _source: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(flow); string(after) != string(before) {
		t.Errorf("flow _source: the file changed")
	}

	out, _, _ = run(t, dir, "--locale-file", "fr.yaml", "i18n", "status", "--format", "json")
	var s struct {
		Keys    int `json:"keys"`
		Locales []struct {
			Tag, File  string
			Translated int
			UI         struct{ Translated int }
			Missing    []string
			Stale      []string
			Unstamped  []string
		} `json:"locales"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	last := s.Locales[len(s.Locales)-1]
	if last.File != "fr.yaml" || last.Translated != 2 || last.UI.Translated != 2 || len(last.Stale) != 0 || len(last.Unstamped) != 0 || len(last.Missing) != s.Keys-2 {
		t.Errorf("json: %+v", last)
	}

	// A file that does not parse is never written.
	bad := writeFile(t, dir, "bad.yaml", "ui:\n  status:\n met: x\n   unmet: y\n")
	if _, errOut, code := run(t, dir, "i18n", "stamp", "bad.yaml", "ui.status.met"); code != ExitBadInput || !strings.Contains(errOut, "bad.yaml:3") {
		t.Errorf("bad file: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(bad); string(b) != "ui:\n  status:\n met: x\n   unmet: y\n" {
		t.Error("an unparsable file was rewritten")
	}
}

func TestLocaleFileProblems(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "broken.yaml", "ui:\n  status:\n met: x\n   unmet: y\n")
	_, errOut, code := run(t, dir, "--locale-file", "broken.yaml", "criteria")
	if code != ExitBadInput || !strings.Contains(errOut, "broken.yaml:3: error: this line is indented differently") {
		t.Errorf("bad YAML: %d %q", code, errOut)
	}
	writeFile(t, dir, "list.yaml", "ui:\n  status:\n    met: [a, b]\n")
	if _, errOut, code := run(t, dir, "--locale-file", "list.yaml", "criteria"); code != ExitBadInput || !strings.Contains(errOut, "list.yaml:3: error:") {
		t.Errorf("wrong type: %d %q", code, errOut)
	}

	// Unknown keys and escape sequences: warnings, and the draft is used,
	// cleaned.
	writeFile(t, dir, "draft.yaml", "meta:\n  tag: fr\n  name: Français\nui:\n  status:\n    mett: x\ncriteria:\n  passing:\n    description_good:\n      title: \"\\e[31mDit ce que fait le logiciel\\e[0m\"\n")
	out, errOut, code := run(t, dir, "--locale-file", "draft.yaml", "criteria", "--level", "passing")
	if code != ExitOK {
		t.Fatalf("draft: code %d %q", code, errOut)
	}
	for _, want := range []string{"draft.yaml:6: warning: unknown key ui.status.mett", "draft.yaml:10: warning: criteria.passing.description_good.title holds the control character U+001B"} {
		if strings.Count(errOut, want) != 1 {
			t.Errorf("want %q once:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "Dit ce que fait le logiciel") || strings.Contains(out+errOut, "\x1b") {
		t.Errorf("the draft's text is not shown cleaned:\n%q", out[:min(len(out), 300)])
	}
}

func TestI18nHelp(t *testing.T) {
	for _, args := range [][]string{{"i18n", "--help"}, {"help", "i18n"}, {"i18n", "help"}} {
		_, errOut, code := run(t, t.TempDir(), args...)
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices i18n") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	for _, sub := range []string{"status", "check", "new", "stamp"} {
		_, errOut, code := run(t, t.TempDir(), "i18n", sub, "--help")
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices i18n "+sub) {
			t.Errorf("%s --help: %d %q", sub, code, errOut)
		}
	}
	if _, errOut, code := run(t, t.TempDir(), "i18n", "frob"); code != ExitBadInput || !strings.Contains(errOut, "frob") {
		t.Errorf("unknown: %d %q", code, errOut)
	}
}

// A locale file from a pull request: check fails it (exit 1, file:line),
// and --locale-file shows English for the hostile texts, never running them.
func TestHostileLocaleFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "evil.yaml", "meta:\n  tag: fr\n  name: Français\nui:\n  cli:\n    status:\n      header: '{{range $i := 300000000}}x{{end}}{{printf \"%c\" 27}}[2J{{.Project}}'\n      no_file: '{{printf \"%c]52;c;ZXZpbA==%c\" 27 7}}Pas encore de réponses.'\n      level_done: '{{.Level.Foo}} {{printf \"%v\" .}}'\n  category:\n    MUST: \"DOIT\\nX\"\n")
	out, _, code := run(t, dir, "i18n", "check", "evil.yaml")
	if code != ExitNotMet {
		t.Errorf("check: code %d\n%s", code, out)
	}
	for _, want := range []string{"evil.yaml:7: error:", "evil.yaml:8: error:", "evil.yaml:9: error:", "evil.yaml:11: error:"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("check output holds an escape: %q", out)
	}
	out, errOut, code := run(t, dir, "--locale-file", "evil.yaml", "status")
	if code != ExitOK {
		t.Fatalf("status: %d %s", code, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\x07") || strings.Contains(out, "xxx") || strings.Contains(out, "{{") || strings.Contains(out, "<no value>") {
		t.Errorf("a hostile text reached the terminal:\n%q", out)
	}
	if !strings.Contains(out, "No answers yet") || !strings.Contains(out, "MUST ") {
		t.Errorf("English is not shown in place of the hostile texts:\n%s", out)
	}
}

// A named pipe or a device as a locale file is refused at once, with a
// clear message, never waited on.
func TestLocaleFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	makeFIFO(t, fifo)
	for _, args := range [][]string{
		{"--locale-file", fifo, "status"},
		{"--locale-file", "/dev/zero", "status"},
		{"i18n", "check", fifo},
		{"i18n", "stamp", fifo},
		{"--locale-file", dir, "status"},
	} {
		var errOut string
		var code int
		within(t, func() { _, errOut, code = run(t, dir, args...) })
		if code != ExitBadInput || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
}

// A translator's draft that is not built in: status FILE reports it, and
// update brings it up to date with what it did.
func TestI18nStatusFileAndUpdate(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "i18n", "new", "de")
	p := filepath.Join(dir, "de.yaml")
	b, _ := os.ReadFile(p)
	draft := strings.Replace(string(b), "  #= Basics\n  Basics:\n", "  #= Basics\n  Basics: Grundlagen\n", 1)
	os.WriteFile(p, []byte(draft), 0o644)
	out, _, code := run(t, dir, "i18n", "status", "de.yaml")
	if code != ExitOK || !strings.Contains(out, "de  (de.yaml): 0% translated (1/") || strings.Contains(out, "fr Français") {
		t.Errorf("status FILE: %d\n%s", code, out)
	}
	out, _, code = run(t, dir, "i18n", "update", "de.yaml")
	if code != ExitOK || !strings.Contains(out, "1 translation made from the current English") || !strings.Contains(out, "de.yaml updated.") {
		t.Errorf("update: %d\n%s", code, out)
	}
	out, _, _ = run(t, dir, "i18n", "status", "de.yaml")
	if strings.Contains(out, "record no English source") || strings.Contains(out, "stale") {
		t.Errorf("after update:\n%s", out)
	}
	if out, _, _ := run(t, dir, "i18n", "update", "de.yaml"); !strings.Contains(out, "up to date") {
		t.Errorf("second update: %s", out)
	}
	if _, errOut, code := run(t, dir, "i18n", "status", "nothere.yaml"); code != ExitBadInput || !strings.Contains(errOut, "nothere.yaml") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
}

// A file changed between reading and writing is never overwritten.
func TestWriteLocaleRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "fr.yaml", "ui:\n  status:\n    met: Satisfait\n")
	env := &Env{Env: &environ.Env{Stdout: &strings.Builder{}, Stderr: &strings.Builder{}, Getenv: func(string) string { return "" }, Dir: dir}}
	env.Loc = i18n.English()
	if _, ok := env.writeLocale("fr.yaml", p, []byte("ui: {}\n"), []byte("new\n")); ok {
		t.Error("wrote over a file that changed since it was read")
	}
	if b, _ := os.ReadFile(p); string(b) != "ui:\n  status:\n    met: Satisfait\n" {
		t.Errorf("file changed: %q", b)
	}
}

func TestI18nPO(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "fr.yaml", goodDraft)
	out, errOut, code := run(t, dir, "i18n", "export-po", "fr.yaml", "-o", "fr.po")
	if code != ExitOK || !strings.Contains(out, "fr.po") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	po, _ := os.ReadFile(filepath.Join(dir, "fr.po"))
	if !strings.Contains(string(po), "msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"Satisfait\"") || !strings.Contains(string(po), "Plural-Forms: nplurals=2; plural=(n > 1);") {
		t.Errorf("PO:\n%s", po[:min(len(po), 900)])
	}
	edited := strings.Replace(string(po), "msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"\"", "msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"Non satisfait\"", 1)
	writeFile(t, dir, "fr.po", edited)
	out, errOut, code = run(t, dir, "i18n", "import-po", "fr.po", "fr.yaml")
	if code != ExitOK || !strings.Contains(out, "1 text taken from the PO file") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if out, _, _ := run(t, dir, "--locale-file", "fr.yaml", "i18n", "status", "fr.yaml"); !strings.Contains(out, "(3/") {
		t.Errorf("after import:\n%s", out)
	}
	if _, errOut, code := run(t, dir, "i18n", "import-po", "fr.po"); code != ExitBadInput || errOut == "" {
		t.Errorf("one file: %d %q", code, errOut)
	}
	// A text the check refuses (a template action from a translation
	// tool's "suggestion") is kept, and said at once with its line, exit
	// 1: it was taken with "1 text taken" and exit 0, and never shown.
	hostile := strings.Replace(string(po), "msgctxt \"ui.status.na\"\nmsgid \"N/A\"\nmsgstr \"\"", "msgctxt \"ui.status.na\"\nmsgid \"N/A\"\nmsgstr \"{{printf \\\"%c\\\" 27}}[2J\"", 1)
	writeFile(t, dir, "fr.po", hostile)
	out, errOut, code = run(t, dir, "i18n", "import-po", "fr.po", "fr.yaml")
	if code != ExitNotMet || !strings.Contains(out, "1 text taken") || !regexp.MustCompile(`fr\.yaml:\d+: error: ui\.status\.na uses \{\{printf`).MatchString(errOut) ||
		!strings.Contains(errOut, "1 text taken from the PO file cannot be used as it is") {
		t.Errorf("unusable text: %d %q %q", code, out, errOut)
	}
	// A PO file that does not read: its line, in the user's language.
	writeFile(t, dir, "fr.po", "\ufeffmsgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"a\\qb\"\n")
	if _, errOut, code := run(t, dir, "--lang", "fr", "i18n", "import-po", "fr.po", "fr.yaml"); code != ExitBadInput || !strings.Contains(errOut, "fr.po:3\u00a0: échappement inconnu \\q") {
		t.Errorf("bad PO: %d %q", code, errOut)
	}
	// A translator's tool saved the file in windows-1252: read in that
	// charset, as msgfmt reads it, and said so; the locale file is UTF-8.
	cp := "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=windows-1252\\n\"\n\n" +
		"msgctxt \"ui.status.na\"\nmsgid \"N/A\"\nmsgstr \"Sans objet \x96 n\x92a pas lieu\"\n"
	writeFile(t, dir, "fr.po", cp)
	out, errOut, code = run(t, dir, "--lang", "fr", "i18n", "import-po", "fr.po", "fr.yaml")
	if code != ExitOK || !strings.Contains(out, "fr.po est en windows-1252\u00a0: il a été lu dans ce jeu de caractères") || !strings.Contains(out, "1 texte repris") {
		t.Errorf("windows-1252: %d %q %q", code, out, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "fr.yaml")); !strings.Contains(string(b), "Sans objet – n’a pas lieu") {
		t.Errorf("windows-1252 text in the locale file:\n%s", b)
	}
	// A third plural form French does not have (a tool that took the
	// wrong Plural-Forms) is refused rather than dropped; entries with no
	// msgctxt name no key, and are said to be left out.
	const head = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
	three := head + "msgctxt \"ui.cli.notes_kept\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"un\"\nmsgstr[1] \"deux\"\nmsgstr[2] \"TROIS\"\n"
	writeFile(t, dir, "fr.po", three)
	if _, errOut, code := run(t, dir, "i18n", "import-po", "fr.po", "fr.yaml"); code != ExitBadInput || !strings.Contains(errOut, "fr.po:5: ui.cli.notes_kept has more plural forms than the 2 of this language (msgstr[0] to msgstr[1]); set the PO file's Plural-Forms to \"nplurals=2; plural=(n > 1);\"") {
		t.Errorf("three forms: %d %q", code, errOut)
	}
	writeFile(t, dir, "fr.po", head+"msgid \"Met\"\nmsgstr \"Satisfait\"\n\nmsgid \"Unmet\"\nmsgstr \"\"\n")
	if out, errOut, code := run(t, dir, "i18n", "import-po", "fr.po", "fr.yaml"); code != ExitOK || !strings.Contains(out, "0 texts taken") || !strings.Contains(errOut, "warning: fr.po has 1 translated entry with no msgctxt, which names no key; left out") {
		t.Errorf("no msgctxt: %d %q %q", code, out, errOut)
	}
	// A locale file whose meta.tag is no language: said in the user's language.
	writeFile(t, dir, "bad.yaml", "meta:\n  tag: \"not a tag!\"\n  name: X\n")
	if _, errOut, code := run(t, dir, "--lang", "fr", "i18n", "export-po", "bad.yaml"); code != ExitBadInput || !strings.Contains(errOut, "meta.tag \"not a tag!\" n'est pas une étiquette de langue") {
		t.Errorf("bad tag: %d %q", code, errOut)
	}
	// One key given twice (two msgids, which PO allows): refused, not left to chance.
	twice := string(po) + "\nmsgctxt \"ui.status.met\"\nmsgid \"Met (old)\"\nmsgstr \"Rempli\"\n"
	writeFile(t, dir, "fr.po", twice)
	if _, errOut, code := run(t, dir, "i18n", "import-po", "fr.po", "fr.yaml"); code != ExitBadInput || !regexp.MustCompile(`fr\.po:\d+: ui\.status\.met has a second entry \(the first is at line \d+\)`).MatchString(errOut) {
		t.Errorf("key twice: %d %q", code, errOut)
	}
}

// The translator's round: update marks a translation whose English
// changed; status says it is stale; stamp without keys does not call it
// current, stamp with its key does.
func TestI18nUpdateStaleStatusStamp(t *testing.T) {
	dir := t.TempDir()
	src := "meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n    saved: Gespeichert um {{.Time}} #= Saved {{.Time}}\n    saving: Speichern… #= Saving…\n"
	p := writeFile(t, dir, "de.yaml", src)
	if out, _, code := run(t, dir, "i18n", "update", "de.yaml"); code != ExitOK || !strings.Contains(out, "ui.tui.saved") {
		t.Fatalf("update: %d\n%s", code, out)
	}
	out, _, _ := run(t, dir, "i18n", "status", "--verbose", "de.yaml")
	if !strings.Contains(out, "1 stale translation") || !strings.Contains(out, "    ui.tui.saved\n") || strings.Contains(out, "records no English source") {
		t.Errorf("status after update:\n%s", out)
	}
	before, _ := os.ReadFile(p)
	if out, _, _ := run(t, dir, "i18n", "stamp", "de.yaml"); !strings.Contains(out, "nothing to record") {
		t.Errorf("stamp without keys: %s", out)
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Error("stamp without keys recorded a stale translation as current")
	}
	if out, _, code := run(t, dir, "i18n", "stamp", "de.yaml", "ui.tui.saved"); code != ExitOK || !strings.Contains(out, "recorded the current English source of 1 translation") {
		t.Errorf("stamp KEY: %d %s", code, out)
	}
	if out, _, _ := run(t, dir, "i18n", "status", "de.yaml"); strings.Contains(out, "stale") {
		t.Errorf("status after stamp:\n%s", out)
	}

	// A file an older update marked (#|) without a record: stale, and held
	// back by stamp without keys.
	old := "meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n    #| Saved {{.Time}}\n    #= Saved at {{.Time}}\n    saved: Gespeichert um {{.Time}}\n    saving: Speichern… #= Saving…\n"
	p = writeFile(t, dir, "old.yaml", old)
	out, _, _ = run(t, dir, "i18n", "status", "old.yaml")
	if !strings.Contains(out, "1 stale translation") || !strings.Contains(out, "1 translation records no English source yet") {
		t.Errorf("status of a marked file:\n%s", out)
	}
	out, errOut, _ := run(t, dir, "i18n", "stamp", "old.yaml")
	b, _ := os.ReadFile(p)
	if !strings.Contains(errOut, "1 translation of old.yaml is marked stale (#|)") || !strings.Contains(errOut, "    ui.tui.saved\n") ||
		strings.Contains(string(b), "ui.tui.saved:") || !strings.Contains(string(b), "ui.tui.saving: \""+i18ntool.SourceHash("ui.tui.saving")) {
		t.Errorf("stamp of a marked file: %s%s\n%s", out, errOut, b)
	}
}

// A locale file that cannot be used is refused in the language asked for
// (--lang, else the environment), like every other error: a Japanese
// user giving a named pipe reads why in Japanese.
func TestLocaleFileRefusedInAskedLanguage(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	makeFIFO(t, fifo)
	writeFile(t, dir, "broken.yaml", "ui:\n  status:\n met: x\n   unmet: y\n")
	for _, tag := range []string{"ja", "fr"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]struct {
			args   []string
			getenv func(string) string
		}{
			"--lang":      {[]string{"--lang", tag}, func(string) string { return "" }},
			"LANGUAGE":    {nil, func(v string) string { return map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": tag + ":en"}[v] }},
			"LC_MESSAGES": {nil, func(v string) string { return map[string]string{"LC_MESSAGES": tag + ".UTF-8"}[v] }},
		} {
			for file, want := range map[string]string{
				fifo:          loc.T("ui.i18ncmd.read.not_regular", "File", fifo),
				dir:           loc.T("ui.i18ncmd.read.not_regular", "File", dir),
				"broken.yaml": loc.T("ui.i18ncmd.locale_file.unusable", "File", "broken.yaml"),
			} {
				var errb bytes.Buffer
				env := &environ.Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Dir: dir, Getenv: c.getenv}
				var code int
				within(t, func() { code = Run(env, UI{}, append(c.args, "--locale-file", file, "status")) })
				if code != ExitBadInput || !strings.Contains(errb.String(), want) {
					t.Errorf("%s %s, %s: %d %q, want %q", tag, name, filepath.Base(file), code, errb.String(), want)
				}
			}
		}
	}
}

// What update says of a stale translation and what it writes agree: a
// #| mark is promised only when one is written (the English it was made
// from is known). A recorded hash that matches neither the English now
// nor the #= comment leaves that English unknown: the report says so,
// and the translation stays stale by its record (status counts it).
func TestI18nUpdateSaysWhatItMarks(t *testing.T) {
	en := i18n.English()
	for name, c := range map[string]struct {
		src    string
		marked bool
	}{
		"English before known":   {"meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n    saving: Speichern… #= Saving (old)…\n_source:\n  ui.tui.saving: \"" + i18ntool.Hash("Saving (old)…") + "\"\n", true},
		"English before unknown": {"meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n    saving: Speichern… #= Saving (old)…\n_source:\n  ui.tui.saving: \"deadbeef\"\n", false},
	} {
		dir := t.TempDir()
		p := writeFile(t, dir, "de.yaml", c.src)
		out, errOut, code := run(t, dir, "i18n", "update", "de.yaml")
		if code != ExitOK {
			t.Fatalf("%s: update: %d %s", name, code, errOut)
		}
		b, _ := os.ReadFile(p)
		wrote := regexp.MustCompile(`(?m)^\s*#\| `).Match(b)
		said := strings.Contains(out, en.T("ui.i18ncmd.update.stale", "Count", 1, "File", "de.yaml"))
		saidUnknown := strings.Contains(out, en.T("ui.i18ncmd.update.stale_unknown", "Count", 1, "File", "de.yaml"))
		if wrote != c.marked || said != c.marked || saidUnknown == c.marked {
			t.Errorf("%s: #| written %v, promised %v, said unknown %v:\n%s", name, wrote, said, saidUnknown, out)
		}
		if st, _, _ := run(t, dir, "i18n", "status", "de.yaml"); !strings.Contains(st, "1 stale translation") {
			t.Errorf("%s: status after update does not count it stale:\n%s", name, st)
		}
	}
}

// --lang's help names every source of the language the program reads
// (LANGUAGE, the GNU priority list, first), in every language, and so
// does the man page's Environment section.
func TestLangHelpNamesLANGUAGE(t *testing.T) {
	flagLine := regexp.MustCompile(`(?m)^\s+--`)
	for _, tag := range i18n.Available() {
		_, errOut, code := run(t, t.TempDir(), "--lang", tag, "--help")
		if code != ExitOK {
			t.Fatalf("%s --help: %d", tag, code)
		}
		i := strings.Index(errOut, "--lang TAG")
		if i < 0 {
			t.Fatalf("%s: no --lang in the help:\n%s", tag, errOut)
		}
		desc := errOut[i+len("--lang TAG"):]
		if j := flagLine.FindStringIndex(desc); j != nil {
			desc = desc[:j[0]] // up to the next flag
		}
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
			if !strings.Contains(desc, v) {
				t.Errorf("%s: --lang's help does not name %s:%s", tag, v, desc)
			}
		}
		page, _, _ := run(t, t.TempDir(), "--lang", tag, "man")
		if !regexp.MustCompile(`(?m)^\s*LANGUAGE\s`).MatchString(page) {
			t.Errorf("%s: the man page's environment does not list LANGUAGE", tag)
		}
	}
}

// The command list's i18n line, the i18n help and the unknown-command
// message name every translator's command, in every language: a command
// left out there is one a translator does not find.
func TestI18nTextsNameEveryCommand(t *testing.T) {
	for _, tag := range i18n.Available() {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"ui.i18ncmd.summary", "ui.i18ncmd.help", "ui.i18ncmd.unknown_subcommand"} {
			text := loc.T(key, "Name", "frob")
			for name := range i18nCommands() {
				if !regexp.MustCompile(`(^|[^-\w])` + regexp.QuoteMeta(name) + `($|[^-\w])`).MatchString(text) {
					t.Errorf("%s %s does not name %s: %q", tag, key, name, text)
				}
			}
		}
	}
	_, errOut, _ := run(t, t.TempDir(), "--help")
	line := regexp.MustCompile(`(?m)^\s+i18n\s.*$`).FindString(errOut)
	for _, name := range []string{"export-po", "import-po"} {
		if !strings.Contains(line, name) {
			t.Errorf("the command list's i18n line lacks %s: %q", name, line)
		}
	}
}

// i18n check reads the glossary of the checked file's language: the
// built-in one for fr and ja (file:line, and which glossary says so), the
// translator's own beside a new language's file, for check and for
// --locale-file alike; a glossary that cannot be used fails the check at
// its own file and line.
func TestI18nCheckReadsTheGlossaryOfTheLanguage(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	guidance := func(tag, text string) string {
		return "meta:\n  tag: " + tag + "\n  name: Test\ncriteria:\n  passing:\n    floss_license:\n      guidance: \"" + text + "\"\n"
	}
	writeFile(t, dir, "sub/fr.yaml", guidance("fr", "Signalez toute faille en privé."))
	writeFile(t, dir, "sub/ja.yaml", guidance("ja", "回答の正当な理由を書いてください。"))
	for _, c := range []struct{ file, word string }{{"sub/fr.yaml", "“faille”"}, {"sub/ja.yaml", "“正当な理由”"}} {
		out, _, code := run(t, dir, "i18n", "check", c.file)
		if code != ExitOK || !strings.Contains(out, c.file+":7: warning: criteria.passing.floss_license.guidance uses "+c.word) ||
			!strings.Contains(out, "i18n/glossary."+c.file[4:6]+".yaml") {
			t.Errorf("%s: code %d\n%s", c.file, code, out)
		}
	}

	writeFile(t, dir, "sub/de.yaml", guidance("de", "Melden Sie jede Sicherheitslücke vertraulich."))
	if out, _, _ := run(t, dir, "i18n", "check", "sub/de.yaml"); strings.Contains(out, "Sicherheitslücke") {
		t.Errorf("de without a glossary:\n%s", out)
	}
	writeFile(t, dir, "sub/glossary.de.yaml", "terms:\n  - en: vulnerability\n    use: Schwachstelle\n    avoid: [Sicherheitslücke]\n")
	out, _, code := run(t, dir, "i18n", "check", "sub/de.yaml")
	if code != ExitOK || !strings.Contains(out, "sub/de.yaml:7: warning:") || !strings.Contains(out, "sub/glossary.de.yaml") || !strings.Contains(out, "Schwachstelle") {
		t.Errorf("de with its glossary: code %d\n%s", code, out)
	}
	_, errOut, code := run(t, dir, "--locale-file", "sub/de.yaml", "i18n", "status")
	if code != ExitOK || !strings.Contains(errOut, "sub/de.yaml:7:") || !strings.Contains(errOut, "Sicherheitslücke") {
		t.Errorf("--locale-file with a glossary beside: code %d\n%s", code, errOut)
	}

	writeFile(t, dir, "sub/glossary.de.yaml", "terms:\n  - en: vulnerability\n    wort: Schwachstelle\n")
	out, _, code = run(t, dir, "i18n", "check", "sub/de.yaml")
	if code != ExitNotMet || !strings.Contains(out, "sub/glossary.de.yaml:3: error:") || !strings.Contains(out, "“wort”") {
		t.Errorf("a broken glossary: code %d\n%s", code, out)
	}
}

// i18n new writes the new language's glossary beside its file, for the
// translator to fill in first, and says so in the user's language; it
// never replaces one, and a built-in language has its own already.
func TestI18nNewWritesTheGlossary(t *testing.T) {
	for _, c := range []struct{ lang, says string }{{"en", "Fill in your language's word"}, {"fr", "Remplissez d'abord le mot de votre langue"}, {"ja", "まず各用語にあなたの言語の語"}} {
		dir := t.TempDir()
		out, errOut, code := run(t, dir, "--lang", c.lang, "i18n", "new", "de")
		if code != ExitOK || !strings.Contains(out, "glossary.de.yaml") || !strings.Contains(out, c.says) {
			t.Errorf("%s: code %d\n%s%s", c.lang, code, out, errOut)
		}
		src, err := os.ReadFile(filepath.Join(dir, "glossary.de.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		g, err := i18ntool.ParseGlossary("glossary.de.yaml", src)
		if err != nil || len(g.Terms) < 15 {
			t.Fatalf("%s: the glossary written: %v\n%s", c.lang, err, src)
		}
		for _, term := range g.Terms {
			if term.Use != "" || term.Avoid != nil {
				t.Errorf("%s: %s comes with words: %+v", c.lang, term.English, term)
			}
		}
		if !strings.Contains(string(src), "  - en: justification\n    note: ") || !strings.HasPrefix(string(src), "# ") {
			t.Errorf("%s: glossary lacks its notes or header:\n%.300s", c.lang, src)
		}
	}

	// One the translator began is kept, even when the locale file is new.
	dir := t.TempDir()
	mine := "terms:\n  - en: vulnerability\n    use: Schwachstelle\n"
	writeFile(t, dir, "glossary.de.yaml", mine)
	out, _, code := run(t, dir, "i18n", "new", "de")
	if b, _ := os.ReadFile(filepath.Join(dir, "glossary.de.yaml")); code != ExitOK || string(b) != mine || !strings.Contains(out, "glossary.de.yaml exists already and is kept") {
		t.Errorf("an existing glossary: code %d, now %q\n%s", code, b, out)
	}
	// Beside the file -o names; none for standard output.
	os.Mkdir(filepath.Join(dir, "out"), 0o755)
	if _, _, code := run(t, dir, "i18n", "new", "es", "-o", "out/es.yaml"); code != ExitOK {
		t.Errorf("-o: code %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "glossary.es.yaml")); err != nil {
		t.Errorf("-o out/es.yaml: %v", err)
	}
	run(t, dir, "i18n", "new", "it", "-o", "-")
	if _, err := os.Stat(filepath.Join(dir, "glossary.it.yaml")); err == nil {
		t.Error("-o - wrote a glossary")
	}
	// A built-in language: its glossary is the built-in one.
	out, _, _ = run(t, dir, "i18n", "new", "fr")
	if _, err := os.Stat(filepath.Join(dir, "glossary.fr.yaml")); err == nil || !strings.Contains(out, "i18n/glossary.fr.yaml") {
		t.Errorf("new fr: %v\n%s", err, out)
	}
}

// A msgstr that starts with a line break, or a tab then one, refused the
// whole import in English ("nothing was written"), naming a line of a
// file never written. Now it is taken as it is, with the other entry;
// what the check refuses in it is said in the user's language, at its
// line of the locale file.
func TestImportPOTextWithLeadingBreak(t *testing.T) {
	for _, tc := range []struct{ lang, text, taken, unusable string }{
		{"fr", `\nSatisfait`, "i18n/fr.yaml\u00a0: 2 textes repris du fichier PO.", "1 texte repris du fichier PO ne peut pas être utilisé tel quel"},
		{"ja", `\t\nX`, "i18n/ja.yaml: PO ファイルから 2 件のテキストを取り込みました。", "PO ファイルから取り込んだテキストのうち 1 件は、そのままでは使えません"},
	} {
		dir := t.TempDir()
		src, _ := i18n.Source(tc.lang)
		os.Mkdir(filepath.Join(dir, "i18n"), 0o755)
		writeFile(t, dir, "i18n/"+tc.lang+".yaml", string(src))
		writeFile(t, dir, "x.po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"+
			"msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \""+tc.text+"\"\n\n"+
			"msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"Pas fait\"\n")
		out, errOut, code := run(t, dir, "--lang", tc.lang, "i18n", "import-po", "x.po", "i18n/"+tc.lang+".yaml")
		if code != ExitNotMet || !strings.Contains(out, tc.taken) || !strings.Contains(errOut, tc.unusable) ||
			!regexp.MustCompile(`i18n/`+tc.lang+`\.yaml:22: `).MatchString(errOut) || strings.Contains(errOut+out, "nothing was written") {
			t.Errorf("%s: %d %q %q", tc.lang, code, out, errOut)
		}
		f, err := i18n.LoadFile(filepath.Join(dir, "i18n", tc.lang+".yaml"))
		want := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(tc.text)
		if err != nil || f.Messages["ui.status.met"].Text != want || f.Messages["ui.status.unmet"].Text != "Pas fait" {
			t.Errorf("%s: the file holds %v %q", tc.lang, err, f.Messages["ui.status.met"].Text)
		}
	}
}

// When the proof refuses a rewrite, it says so in the user's language,
// naming the file and no line of it (its bytes were never written).
func TestProofRefusalInTheUsersLanguage(t *testing.T) {
	var errb strings.Builder
	env := &Env{Env: &environ.Env{Stdout: &strings.Builder{}, Stderr: &errb, Getenv: func(string) string { return "" }, Dir: t.TempDir()}}
	env.Loc, _ = i18n.New("fr")
	err := fmt.Errorf("wrapped: %w", &i18ntool.ProofError{File: "i18n/fr.yaml", Kind: "parse"})
	if !env.refusedRewrite("i18n/fr.yaml", err) || !strings.Contains(errb.String(), "erreur\u00a0: i18n/fr.yaml n'a pas été modifié\u00a0: le fichier réécrit ne se relirait pas") ||
		regexp.MustCompile(`fr\.yaml:\d`).MatchString(errb.String()) {
		t.Errorf("%q", errb.String())
	}
}

// The glossary a new language starts from says what each term means and
// where it shows, for any language: never another language's words or
// remarks (the auditor's de starter said "the badge site's French says
// « basique »").
func TestI18nNewGlossaryNamesNoOtherLanguage(t *testing.T) {
	english, err := i18n.Source("en")
	if err != nil {
		t.Fatal(err)
	}
	var foreign []string // fr and ja words that are no English words too ("badge", "or")
	for _, tag := range []string{"fr", "ja"} {
		g, err := i18ntool.BuiltinGlossary(language.Make(tag))
		if err != nil || g == nil {
			t.Fatalf("%s: %v", tag, err)
		}
		for _, term := range g.Terms {
			for _, w := range append([]string{term.Use}, term.Avoid...) {
				if w = strings.TrimSpace(w); len(w) > 2 && !strings.Contains(string(english), w) {
					foreign = append(foreign, w)
				}
			}
		}
	}
	if len(foreign) < 40 {
		t.Fatalf("only %d French or Japanese words to look for: %q", len(foreign), foreign)
	}
	foreign = append(foreign, "French", "Japanese", "français", "Français", "日本", "«", "「")
	for _, tag := range []string{"de", "es", "pt-BR"} {
		dir := t.TempDir()
		if out, errOut, code := run(t, dir, "i18n", "new", tag); code != ExitOK {
			t.Fatalf("%s: code %d\n%s%s", tag, code, out, errOut)
		}
		src, err := os.ReadFile(filepath.Join(dir, "glossary."+tag+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range foreign {
			if i := strings.Index(string(src), w); i >= 0 {
				t.Errorf("%s: the starter glossary holds %q: %q", tag, w, src[max(0, i-60):min(len(src), i+40)])
			}
		}
	}
}

// i18n new leaves a glossary.TAG.yaml that is no regular file alone
// (nothing is written through it) and says what it is, in the user's
// language: not that it is there to translate with.
func TestI18nNewGlossaryNotRegular(t *testing.T) {
	says := map[string]string{"en": "not a regular file", "fr": "n'est pas un fichier ordinaire", "ja": "通常のファイルではありません"}
	for lang, want := range says {
		dir := t.TempDir()
		if err := os.Symlink(filepath.Join(dir, "elsewhere.yaml"), filepath.Join(dir, "glossary.de.yaml")); err != nil {
			t.Skip(err)
		}
		out, errOut, code := run(t, dir, "--lang", lang, "i18n", "new", "de")
		if code != ExitOK || !strings.Contains(errOut, want) || strings.Contains(out+errOut, "glossary.de.yaml exists already") || strings.Contains(out, "glossary.de.yaml") {
			t.Errorf("%s: a dangling link: code %d\n%s%s", lang, code, out, errOut)
		}
		if _, err := os.Lstat(filepath.Join(dir, "elsewhere.yaml")); !os.IsNotExist(err) {
			t.Errorf("%s: written through the link: %v", lang, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "de.yaml")); err != nil {
			t.Errorf("%s: the locale file: %v", lang, err)
		}
	}

	dir := t.TempDir()
	fifotest.Make(t, filepath.Join(dir, "glossary.de.yaml"))
	fifotest.Within(t, func() {
		out, errOut, code := run(t, dir, "i18n", "new", "de")
		if code != ExitOK || !strings.Contains(errOut, "glossary.de.yaml is there but is not a regular file") || strings.Contains(out, "exists already") {
			t.Errorf("a named pipe: code %d\n%s%s", code, out, errOut)
		}
	})

	// A link to a glossary the translator keeps elsewhere is theirs.
	dir = t.TempDir()
	os.Mkdir(filepath.Join(dir, "shared"), 0o755)
	writeFile(t, dir, "shared/glossary.de.yaml", "terms:\n  - en: vulnerability\n    use: Schwachstelle\n")
	if err := os.Symlink(filepath.Join(dir, "shared/glossary.de.yaml"), filepath.Join(dir, "glossary.de.yaml")); err != nil {
		t.Skip(err)
	}
	if out, errOut, code := run(t, dir, "i18n", "new", "de"); code != ExitOK || !strings.Contains(out, "glossary.de.yaml exists already and is kept") {
		t.Errorf("a link to a glossary: code %d\n%s%s", code, out, errOut)
	}
}
