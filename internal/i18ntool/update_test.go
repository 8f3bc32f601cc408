package i18ntool

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
)

// A translator's file, some of it translated by hand, some from an older
// English: update adds, renames, keeps, flags and records, and running it
// again changes nothing.
func TestUpdate(t *testing.T) {
	src := "# Deutsch: meine Übersetzung\nmeta:\n  tag: de\n  name: Deutsch\nui:\n" +
		"  oldthing:\n    x: Alter Text\n" + // English no longer has it
		"  stat:\n    na_old: k. A.\n" + // renamed: same English text as ui.status.na
		"  level:\n    # mein Kommentar\n    silver: Silber\n    gold: Gold\n" +
		"  status:\n    #= Met needs it\n    met: Erfüllt\n    unmet: Nicht erfüllt #= Unmet\n" +
		"_source:\n  ui.level.gold: \"00000000\"\n  ui.stat.na_old: \"" + Hash("N/A") + "\"\n"
	up, err := Update("de.yaml", []byte(src), "sources")
	if err != nil {
		t.Fatal(err)
	}
	out := string(up.Data)
	f, err := i18n.Parse("de.yaml", up.Data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Messages["ui.status.na"].Text != "k. A." || up.Renamed["ui.status.na"] != "ui.stat.na_old" || f.Sources["ui.status.na"] != SourceHash("ui.status.na") {
		t.Errorf("rename: %+v %v", f.Messages["ui.status.na"], up.Renamed)
	}
	if len(up.Obsolete) != 1 || up.Obsolete[0] != "ui.oldthing.x" || !strings.Contains(out, "\n#~ ui.oldthing.x: Alter Text\n") {
		t.Errorf("obsolete: %v\n%s", up.Obsolete, out[len(out)-300:])
	}
	if f.Translated("ui.oldthing.x") {
		t.Error("a key English no longer has is still a key")
	}
	// Translated beside the current English: recorded. Beside an older
	// English: stale, with both shown. Stamped from an older English and
	// not shown: stale, the older text unknown.
	if f.Sources["ui.status.unmet"] != SourceHash("ui.status.unmet") || len(up.Stamped) != 1 {
		t.Errorf("stamped: %v", up.Stamped)
	}
	stale := map[string]StaleText{}
	for _, s := range up.Stale {
		stale[s.Key] = s
	}
	if s := stale["ui.status.met"]; s.Before != "Met needs it" || s.Now != "Met" || !strings.Contains(out, "    #| Met needs it\n    #= Met\n    met: Erfüllt\n") {
		t.Errorf("stale met: %+v\n%s", s, out[:800])
	}
	if s := stale["ui.level.gold"]; s.Before != "" || s.Now != "gold" || f.Sources["ui.level.gold"] != "00000000" {
		t.Errorf("stale gold: %+v", s)
	}
	// A stale translation records the English it was made from, never
	// the current one: status calls it stale, stamp without keys leaves it.
	if h := f.Sources["ui.status.met"]; h != Hash("Met needs it") {
		t.Errorf("a stale translation records %q, not the English it was made from", h)
	}
	// Translations, the translator's comments and header stay; new keys
	// come in empty with their English.
	for _, want := range []string{"# Deutsch: meine Übersetzung\nmeta:", "    # mein Kommentar\n", "    silver: Silber", "    #= passing\n    passing:\n", "#. a level's name"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if len(up.Added) == 0 || f.Translated("ui.level.passing") {
		t.Errorf("added: %d", len(up.Added))
	}
	// Again: nothing changes, the obsolete text and the stale mark stay.
	again, err := Update("de.yaml", up.Data, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if string(again.Data) != out {
		t.Errorf("a second update changed the file")
	}
	if len(again.Stale) != 2 || len(again.Stamped) != 0 {
		t.Errorf("second update: stale %v stamped %v", again.Stale, again.Stamped)
	}
	// A file that does not parse is refused.
	if _, err := Update("de.yaml", []byte("ui:\n  status:\n met: x\n   unmet: y\n"), ""); err == nil {
		t.Error("updated a broken file")
	}
}

// The built-in translations go through update without losing a text.
func TestUpdateBuiltIn(t *testing.T) {
	for _, tag := range i18n.Available() {
		if tag == "en" {
			continue
		}
		src, _ := i18n.Source(tag)
		up, err := Update(tag+".yaml", src, "sources")
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if len(up.Obsolete) != 0 || len(up.Added) != 0 {
			t.Errorf("%s: obsolete %v added %v", tag, up.Obsolete, up.Added)
		}
	}
}

// A key given twice: the parser keeps the last, and the rewrite dropped the
// other translation without a word. update and import-po refuse the file,
// each duplicate at its line.
func TestRewritesRefuseDuplicateKeys(t *testing.T) {
	src := []byte("meta:\n  tag: de\n  name: Deutsch\nui:\n  level:\n    passing: Bestanden\n    passing: Doppelt\n  status:\n    met: Erfüllt\n")
	_, err := Update("de.yaml", src, "sources")
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0].Line != 7 || pe.Problems[0].Key != "ui.level.passing" || pe.Problems[0].Kind != "duplicate" {
		t.Fatalf("update: %v", err)
	}
	po := []byte("msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"Nicht erfüllt\"\n")
	if _, err := ImportPO("de.yaml", src, "de.po", po, language.German, "sources"); !errors.As(err, &pe) || pe.Problems[0].Line != 7 {
		t.Fatalf("import-po: %v", err)
	}
	// The same file without the second key updates.
	if _, err := Update("de.yaml", []byte(strings.Replace(string(src), "    passing: Doppelt\n", "", 1)), "sources"); err != nil {
		t.Fatal(err)
	}
}

// A translator's file saved on Windows (a byte order mark, CR LF) keeps
// both through update and import-po: every line came back LF, and the
// diff showed the whole file changed.
func TestRewritesKeepLineBreaksAndBOM(t *testing.T) {
	src := []byte("\ufeffmeta:\r\n  tag: de\r\n  name: Deutsch\r\nui:\r\n  level:\r\n    # meine Wahl\r\n    passing: Bestanden\r\n")
	up, err := Update("de.yaml", src, "sources")
	if err != nil {
		t.Fatal(err)
	}
	po := []byte("msgctxt \"ui.status.unmet\"\nmsgid \"Unmet\"\nmsgstr \"Nicht erfüllt\"\n")
	res, err := ImportPO("de.yaml", src, "de.po", po, language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"update": up.Data, "import-po": res.Data} {
		if !bytes.HasPrefix(data, []byte("\ufeffmeta:\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) || bytes.Contains(data, []byte("\r\r")) {
			t.Errorf("%s: %q…", name, data[:min(len(data), 80)])
		}
		f, err := i18n.Parse("de.yaml", data)
		if err != nil || f.Messages["ui.level.passing"].Text != "Bestanden" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A renamed key is found from the English its #= comment shows, in a file
// that was never stamped: its translation moves to the new key and is
// recorded as current there.
func TestUpdateRenameFromTheEnglishComment(t *testing.T) {
	src := "meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n" +
		"    ro_file_old: die Antwortdatei ist nicht beschreibbar #= the answers file is not writable\n" +
		"    gone: Weg #= Something English dropped\n"
	up, err := Update("de.yaml", []byte(src), "sources")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := i18n.Parse("de.yaml", up.Data)
	if up.Renamed["ui.tui.ro_file"] != "ui.tui.ro_file_old" || f.Messages["ui.tui.ro_file"].Text != "die Antwortdatei ist nicht beschreibbar" {
		t.Errorf("renamed %v, ro_file %q", up.Renamed, f.Messages["ui.tui.ro_file"].Text)
	}
	if f.Sources["ui.tui.ro_file"] != SourceHash("ui.tui.ro_file") {
		t.Errorf("the moved translation is not recorded as current: %q", f.Sources["ui.tui.ro_file"])
	}
	if len(up.Obsolete) != 1 || up.Obsolete[0] != "ui.tui.gone" {
		t.Errorf("obsolete %v", up.Obsolete)
	}
}

// A file an older update marked stale (#|) without recording its source:
// stale for status and check, not merely unrecorded.
func TestMarkedStaleWithoutSource(t *testing.T) {
	src := []byte("meta:\n  tag: de\n  name: Deutsch\nui:\n  tui:\n    #| Saved {{.Time}}\n    #= Saved at {{.Time}}\n    saved: Gespeichert um {{.Time}}\n    saving: Speichern… #= Saving…\n")
	f, err := i18n.Parse("de.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	marked := MarkedStale(f, src)
	if !marked["ui.tui.saved"] || marked["ui.tui.saving"] {
		t.Errorf("marked %v", marked)
	}
	p := Measure(f, marked)
	if len(p.Stale) != 1 || p.Stale[0] != "ui.tui.saved" || len(p.Unstamped) != 1 || p.Unstamped[0] != "ui.tui.saving" {
		t.Errorf("stale %v unstamped %v", p.Stale, p.Unstamped)
	}
	if !has(Check("de.yaml", src), want{8, "stale", Info}) {
		t.Errorf("check: %+v", findings(Check("de.yaml", src)))
	}
}

// A file holding the empty key (quoted, or an anchored empty key as a
// fuzzer wrote it): its text is a key English does not have, kept as a
// #~ comment; it does not become the translation of every new key, and a
// second update changes nothing.
func TestUpdateEmptyKey(t *testing.T) {
	for _, src := range []string{"0:\n 0: \n&0: A", "meta:\n  tag: de\n\"\": Hallo\nui:\n  status:\n    met: Erfüllt\n"} {
		up, err := Update("de.yaml", []byte(src), "sources")
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		f, err := i18n.Parse("de.yaml", up.Data)
		if err != nil {
			t.Fatal(err)
		}
		for k, m := range f.Messages {
			if k != "ui.status.met" && f.Translated(k) {
				t.Fatalf("%q: %s got a text it never had: %+v", src, k, m)
			}
		}
		if len(up.Obsolete) != 1 || up.Obsolete[0] != "" || !strings.Contains(string(up.Data), "\n#~ : ") {
			t.Errorf("%q: the empty key's text is not kept as obsolete: %q", src, up.Obsolete)
		}
		again, err := Update("de.yaml", up.Data, "sources")
		if err != nil || string(again.Data) != string(up.Data) {
			t.Errorf("%q: a second update changed the file (%v)", src, err)
		}
	}
}
