package i18ntool

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
)

func TestPORules(t *testing.T) {
	cases := map[string]string{
		"en": "nplurals=2; plural=(n != 1);", "de": "nplurals=2; plural=(n != 1);",
		"fr": "nplurals=2; plural=(n > 1);", "pt": "nplurals=2; plural=(n > 1);",
		"ja": "nplurals=1; plural=0;", "zh": "nplurals=1; plural=0;",
		"ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);",
		"pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);",
		"cs": "nplurals=3; plural=(n==1 ? 0 : (n>=2 && n<=4) ? 1 : 2);",
	}
	for tag, want := range cases {
		r, err := PORule(language.Make(tag))
		if err != nil || r.header != want {
			t.Errorf("%s: %q %v", tag, r.header, err)
		}
	}
	if _, err := PORule(language.Make("ar")); err == nil {
		t.Error("Arabic has six forms; no formula here fits, and that must be said")
	}
}

// The built-in translations go to PO and back unchanged, and gettext's own
// msgfmt accepts the PO (when it is installed; CI installs it).
func TestPORoundTrip(t *testing.T) {
	for _, tag := range []string{"fr", "ja"} {
		src, _ := i18n.Source(tag)
		po, err := ExportPO(tag+".yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ImportPO(tag+".yaml", src, tag+".po", po, language.Make(tag), "sources")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Changed) != 0 || len(res.Fuzzy) != 0 || len(res.Unknown) != 0 {
			t.Errorf("%s: a round trip changed %v, fuzzy %v, unknown %v", tag, res.Changed, res.Fuzzy, res.Unknown)
		}
		before, _ := i18n.Parse("a", src)
		after, err := i18n.Parse("b", res.Data)
		if err != nil {
			t.Fatal(err)
		}
		for k, m := range before.Messages {
			if a := after.Messages[k]; a.Text != m.Text || !equalForms(a.Forms, m.Forms) {
				t.Errorf("%s %s: %q became %q", tag, k, m.Plain(), a.Plain())
			}
		}
		if msgfmt, err := exec.LookPath("msgfmt"); err == nil {
			p := filepath.Join(t.TempDir(), tag+".po")
			os.WriteFile(p, po, 0o644)
			if out, err := exec.Command(msgfmt, "--check", "-o", os.DevNull, p).CombinedOutput(); err != nil {
				t.Errorf("msgfmt --check %s: %v\n%s", tag, err, out)
			}
		} else {
			t.Log("msgfmt not installed: the PO is not checked by gettext here")
		}
	}
}

// A translator works in Poedit: new texts, a revised stale one, a fuzzy
// one left; import takes what is done and records what it must.
func TestPOImportFromATranslator(t *testing.T) {
	src := "meta:\n  tag: de\n  name: Deutsch\nui:\n  status:\n    met: Erfüllt\n  level:\n    gold: Gold\n_source:\n  ui.status.met: \"00000000\"\n  ui.level.gold: \"00000000\"\n"
	po, err := ExportPO("de.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := string(po)
	if !strings.Contains(s, "#, fuzzy\n#| msgid") && !strings.Contains(s, "#, fuzzy\nmsgctxt \"ui.status.met\"") {
		t.Errorf("stale text not fuzzy:\n%s", s[:600])
	}
	// Revised: met (fuzzy removed, new text); new: unmet; gold left fuzzy.
	s = strings.Replace(s, "#, fuzzy\nmsgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"Erfüllt\"", "msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"Erfüllt (neu)\"", 1)
	s = strings.Replace(s, "msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"\"", "msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"Nicht erfüllt\"", 1)
	s = strings.Replace(s, "msgctxt \"ui.cli.status.holding_back\"\nmsgid \"What holds {{.Level}} back ({{.Count}} criterion):\"\nmsgid_plural \"What holds {{.Level}} back ({{.Count}} criteria):\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"",
		"msgctxt \"ui.cli.status.holding_back\"\nmsgid \"What holds {{.Level}} back ({{.Count}} criterion):\"\nmsgid_plural \"What holds {{.Level}} back ({{.Count}} criteria):\"\nmsgstr[0] \"Was {{.Level}} aufhält ({{.Count}} Kriterium):\"\nmsgstr[1] \"Was {{.Level}} aufhält ({{.Count}} Kriterien):\"", 1)
	res, err := ImportPO("de.yaml", []byte(src), "de.po", []byte(s), language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	f, err := i18n.Parse("de.yaml", res.Data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Messages["ui.status.met"].Text != "Erfüllt (neu)" || f.Sources["ui.status.met"] != SourceHash("ui.status.met") {
		t.Errorf("revised: %+v %s", f.Messages["ui.status.met"], f.Sources["ui.status.met"])
	}
	if f.Messages["ui.status.unmet"].Text != "Nicht erfüllt" || f.Sources["ui.status.unmet"] != SourceHash("ui.status.unmet") {
		t.Errorf("new: %+v", f.Messages["ui.status.unmet"])
	}
	if f.Sources["ui.level.gold"] != "00000000" {
		t.Errorf("a fuzzy entry was recorded as current: %s", f.Sources["ui.level.gold"])
	}
	hb := f.Messages["ui.cli.status.holding_back"]
	if hb.Forms["one"] != "Was {{.Level}} aufhält ({{.Count}} Kriterium):" || hb.Forms["other"] != "Was {{.Level}} aufhält ({{.Count}} Kriterien):" {
		t.Errorf("plural: %+v", hb.Forms)
	}
	if ps := Check("de.yaml", res.Data); Errors(ps) != 0 {
		t.Errorf("the imported file has errors: %+v", findings(ps))
	}
	// A PO file that does not read is refused with its line.
	if _, err := ImportPO("de.yaml", []byte(src), "bad.po", []byte("msgid \"a\"\nmsgstr \"b\n"), language.German, ""); err == nil || !strings.Contains(err.Error(), "bad.po:2") {
		t.Errorf("bad PO: %v", err)
	}
	// A new language from a PO file alone.
	res, err = ImportPO("de.yaml", nil, "de.po", []byte(s), language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := i18n.Parse("de.yaml", res.Data); g.Messages["ui.status.unmet"].Text != "Nicht erfüllt" || g.Tag != "de" {
		t.Errorf("new file: %+v", g.Messages["ui.status.unmet"])
	}
}

// PO files as other tools and hands write them: a byte order mark (a
// Windows editor), a Latin-1 file, hexadecimal escapes (msgfmt reads
// them), an entry given twice (msgfmt refuses it; one of the two was
// taken silently). Each refusal names the PO file's line, in words of
// en.yaml.
func TestParsePOFromOtherHands(t *testing.T) {
	const head = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
	entry := func(ctx, str string) string {
		return "msgctxt \"" + ctx + "\"\nmsgid \"Met\"\nmsgstr \"" + str + "\"\n\n"
	}
	es, err := ParsePO("bom.po", []byte("\ufeff"+head+entry("ui.status.met", "Erfüllt")))
	if err != nil || len(es) != 1 || es[0].Str[0] != "Erfüllt" {
		t.Errorf("BOM: %v %+v", err, es)
	}
	es, err = ParsePO("hex.po", []byte(head+entry("ui.status.met", `a\x41\x7e\101\a\v`)))
	if err != nil || len(es) != 1 || es[0].Str[0] != "aA~A\a\v" {
		t.Errorf("escapes: %v %+v", err, es)
	}
	// Other charsets are read in the charset the header names, as msgfmt
	// reads them: Latin-1, and Shift_JIS, whose 表 ends in the byte of a
	// backslash.
	es, err = ParsePO("latin1.po", []byte(strings.Replace(head, "UTF-8", "ISO-8859-1", 1)+entry("ui.status.met", "Erf\xfcllt")))
	if err != nil || len(es) != 1 || es[0].Str[0] != "Erfüllt" {
		t.Errorf("Latin-1: %v %+v", err, es)
	}
	sjis, _ := os.ReadFile(filepath.Join("testdata", "po", "sjis.po"))
	es, err = ParsePO("sjis.po", sjis)
	if err != nil || len(es) != 3 || es[0].Str[0] != "表示" || es[1].Str[0] != "満たす" {
		t.Errorf("Shift_JIS: %v %+v", err, es)
	}
	// What msgfmt reads that a hand or another tool may write: a keyword
	// with its string on the next line or with no space before it, two
	// strings on a line, a comment after a string, lines ended by a lone CR.
	es, err = ParsePO("loose.po", []byte(head+"msgctxt\"a\"\r\nmsgid\n\"Met\"\nmsgstr \"Satis\" \"fait\" # the French\n"))
	if err != nil || len(es) != 1 || es[0].Context != "a" || es[0].ID != "Met" || es[0].Str[0] != "Satisfait" || es[0].Line != 5 {
		t.Errorf("loose: %v %+v", err, es)
	}
	en := i18n.English()
	cases := []struct {
		name, src, want string
	}{
		{"klingon", strings.Replace(head, "UTF-8", "x-klingon", 1) + entry("ui.status.met", "Erf\xfcllt"), "klingon.po:1: the PO file's header names the charset x-klingon, which bestpractices cannot read; save the file as UTF-8"},
		{"not euc", strings.Replace(head, "UTF-8", "EUC-JP", 1) + entry("ui.status.met", "\xa9\xa1"), "not euc.po:7: this line has bytes that are not EUC-JP text"},
		{"no msgstr", head + "msgctxt \"a\"\nmsgid \"Met\"\n\n", "no msgstr.po:5: this entry lacks its msgid or its msgstr"},
		{"no msgid", head + "msgctxt \"a\"\nmsgstr \"x\"\n\n", "no msgid.po:5: this entry lacks its msgid or its msgstr"},
		{"keyword alone", head + "msgctxt \"a\"\nmsgid \"Met\"\nmsgstr\n\n", "keyword alone.po:7: expected a keyword and a string"},
		{"two headers", head + head, "two headers.po:5: a second header (msgid \"\"); the first is at line 1"},
		{"same msgid", head + "msgid \"Met\"\nmsgstr \"A\"\n\nmsgid \"Met\"\nmsgstr \"B\"\n", "same msgid.po:8: Met has a second entry (the first is at line 5)"},
		{"nul", head + entry("ui.status.met", `Sat\000isfait`), "nul.po:7: a string holds a NUL character"},
		{"msgstr twice", head + "msgctxt \"a\"\nmsgid \"Met\"\nmsgstr \"A\"\nmsgstr \"B\"\n", "msgstr twice.po:8: msgstr is given a second time in this entry; keep one"},
		{"obsolete after", head + entry("a", "A") + "msgctxt \"a\"\nmsgid \"Met\"\nmsgstr \"B\"\n#~ msgid \"x\"\n", "obsolete after.po:9: a has a second entry (the first is at line 5)"},
		{"text after string", head + entry("ui.status.met", `Il a dit "oui"`), "text after string.po:7: a quote inside a string must be written"},
		{"bad bytes", head + entry("ui.status.met", "Erf\xfcllt"), "bad bytes.po:7: this line is not UTF-8 text"},
		{"twice", head + entry("ui.status.met", "A") + entry("ui.status.met", "B"), "twice.po:9: ui.status.met has a second entry (the first is at line 5)"},
		{"escape", head + entry("ui.status.met", `\q`), `escape.po:7: unknown escape \q`},
		{"context escape", head + entry("ui.status.met\\x1b[2J", "x") + entry("ui.status.met\\x1b[2J", "y"), `"ui.status.met\x1b[2J" has a second entry`},
		{"keyword", head + "msgstr[9] \"x\"\n", "keyword.po:5: msgstr[9] is not a plural form (msgstr[0] to msgstr[5])"},
	}
	for _, c := range cases {
		_, err := ParsePO(c.name+".po", []byte(c.src))
		var pe *POError
		if !errors.As(err, &pe) || !strings.Contains(pe.Message(en), c.want) || strings.ContainsRune(pe.Message(en), 0x1b) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	for _, k := range stampErrorKinds {
		if !en.Has("ui.i18ncmd.stamp.error." + k) {
			t.Errorf("en.yaml lacks ui.i18ncmd.stamp.error.%s", k)
		}
	}
	for _, k := range poErrorKinds {
		if !en.Has("ui.i18ncmd.po.error." + k) {
			t.Errorf("en.yaml lacks ui.i18ncmd.po.error.%s", k)
		}
	}
}

// BenchmarkParsePOContinuationLines reads a 1 MB string written as 250,000
// continuation lines: each line was added to the string so far, which
// copied it again (a 4 MB file took over a minute; now it is linear).
func BenchmarkParsePOContinuationLines(b *testing.B) {
	src := []byte("msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"\"\n" + strings.Repeat("\"abcd\"\n", 250000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		es, err := ParsePO("long.po", src)
		if err != nil || len(es[0].Str[0]) != 1000000 {
			b.Fatal(err)
		}
	}
}

// TestParsePOContinuationLines: a string split over lines is read whole,
// into the keyword it continues, for every keyword and plural form.
func TestParsePOContinuationLines(t *testing.T) {
	src := "msgctxt \"a.\"\n\"b\"\nmsgid \"\"\n\"One \"\n\"line\"\nmsgid_plural \"x\"\n\"y\"\n" +
		"msgstr[0] \"un\"\n\"e\"\nmsgstr[1] \"\"\nmsgstr[2] \"\"\n\"deux\"\n\n" +
		"msgctxt \"c\"\nmsgid \"z\"\nmsgstr \"\"\n\"1\"\n\"2\"\n"
	es, err := ParsePO("t.po", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("%d entries: %+v", len(es), es)
	}
	a, c := es[0], es[1]
	if a.Context != "a.b" || a.ID != "One line" || a.IDPlural != "xy" || len(a.Str) != 3 || a.Str[0] != "une" || a.Str[1] != "" || a.Str[2] != "deux" {
		t.Errorf("first entry read as %+v", a)
	}
	if c.Context != "c" || c.ID != "z" || len(c.Str) != 1 || c.Str[0] != "12" || c.Line != 14 {
		t.Errorf("second entry read as %+v", c)
	}
}

// A PO entry made from an older English (Weblate keeps the msgid a text
// was translated from, when English changed between export-po and
// import-po) is taken, recorded as made from that English, and stays
// stale with it shown as #|; update no longer records it as current.
func TestImportPOFromAnOlderEnglish(t *testing.T) {
	en, _ := i18n.Embedded("en")
	key := "ui.status.met"
	old := "Met (an older English)"
	po := "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"" + key + "\"\nmsgid \"" + old + "\"\nmsgstr \"Erfüllt\"\n"
	res, err := ImportPO("de.yaml", nil, "de.po", []byte(po), language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Older) != 1 || res.Older[0] != key || len(res.Stamped) != 0 {
		t.Fatalf("older %v, stamped %v", res.Older, res.Stamped)
	}
	f, err := i18n.Parse("de.yaml", res.Data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Messages[key].Text != "Erfüllt" || f.Sources[key] != Hash(old) {
		t.Errorf("taken as %q, source %q (want the older English's %q)", f.Messages[key].Text, f.Sources[key], Hash(old))
	}
	if !strings.Contains(string(res.Data), "#| "+old) {
		t.Errorf("the older English is not shown:\n%s", res.Data)
	}
	up, err := Update("de.yaml", res.Data, "sources")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range up.Stamped {
		if k == key {
			t.Errorf("update recorded %s as made from the current English %q", key, en.Messages[key].Text)
		}
	}
	stale := false
	for _, s := range up.Stale {
		stale = stale || s.Key == key && s.Before == old
	}
	if !stale {
		t.Errorf("update does not call %s stale from %q: %+v", key, old, up.Stale)
	}
	// A PO file of another language is refused, naming its header.
	fr := "msgid \"\"\nmsgstr \"Language: fr_FR.UTF-8\\n\"\n\nmsgctxt \"" + key + "\"\nmsgid \"Met\"\nmsgstr \"Satisfait\"\n"
	_, err = ImportPO("de.yaml", nil, "fr.po", []byte(fr), language.German, "sources")
	var pe *POError
	if !errors.As(err, &pe) || !strings.Contains(pe.Message(i18n.English()), "fr.po:1: this PO file is a translation into fr_FR.UTF-8 (its Language header), but de.yaml is for de") {
		t.Errorf("a French PO into de.yaml: %v", err)
	}
}
