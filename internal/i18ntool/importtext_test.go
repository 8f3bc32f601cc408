package i18ntool

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
)

// translatorsTexts are msgstrs a translator's tool can hand us, each one a
// text the locale file must carry as it is: line breaks at either end,
// tabs, spaces, CR, C0 and C1 controls, NEL, U+2028, a byte-order mark,
// YAML's indicators and comment mark, quotes, backslashes, templates,
// long lines. (i18n check refuses some; they are kept all the same, the
// translator's work.)
var translatorsTexts = []string{
	"\nSatisfait", "\t\nX", "\n\nDeux", "Satisfait\n", "Satisfait\n\n", "\n", "\n\n", " \n", "\t", " ",
	" en tête", "en queue ", "\ten tête", "en queue\t", "a\r\nb", "a\rb", "\r", "a\tb\nc\td",
	"\ttab\n\tindent", "l1\n  indented\nl3", "  \n  ", "a \nb", "a\t\nb", "a\n \nb", "a\n\t\nb",
	"\x01", "\x1b[31mrouge\x1b[0m", "a\x7fb", "\u0085", "a\u0085b\nc", "\u2028", "a\u2029b", "\ufeffBOM",
	"a\ufeff\nb", "\u00a0", "\u200b", "\u202eevil", "\ufffe", "😀\n😀",
	"# pas un commentaire", "a # b", "clé: valeur", "a:\n  b: c", "- élément", "? q", ": c", "'simple'",
	"\"double\"", `back\slash\`, "\\n", "{{.Evil}}", "{{", "&ancre", "*alias", "!tag", "%directive",
	"@", "`", "|", ">", "|-\n  x", "[a, b]", "{a: b}", "---", "...", "--- x\n...", "yes", "no", "null",
	"~", "0x1F", "1e3", "2024-01-01", "<<", "=",
	strings.Repeat("une ligne longue ", 40), strings.Repeat("x", 3000), strings.Repeat("a \t", 60),
	strings.Repeat("mot ", 30) + "\n" + strings.Repeat(" \t", 30),
}

// importOne imports text as ui.status.met, and "Pas fait" as
// ui.status.unmet, into the built-in tag file.
func importOne(t *testing.T, tag, text string) (src []byte, res *Imported, err error) {
	t.Helper()
	src, err = i18n.Source(tag)
	if err != nil {
		t.Fatal(err)
	}
	po := "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" +
		poField("msgctxt", "ui.status.met") + poField("msgid", "Met") + poField("msgstr", text) + "\n" +
		poField("msgctxt", "ui.status.unmet") + poField("msgid", "Unmet") + poField("msgstr", "Pas fait")
	res, err = ImportPO(tag+".yaml", src, tag+".po", []byte(po), language.Make(tag), "sources")
	return src, res, err
}

// onlyTheseChanged checks that out is src with the lines of
// ui.status.met and ui.status.unmet (one each in src, consecutive) in
// their place, and every other line as it was.
func onlyTheseChanged(t *testing.T, src, out []byte) {
	t.Helper()
	a, b := strings.Split(string(src), "\n"), strings.Split(string(out), "\n")
	at := -1
	for i, l := range a {
		if strings.HasPrefix(l, "    met: ") && strings.HasPrefix(a[i+1], "    unmet: ") {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no met and unmet lines in the built-in file")
	}
	n := len(b) - len(a) + 2 // the lines the two values take now
	if n < 2 || strings.Join(a[:at], "\n") != strings.Join(b[:at], "\n") || strings.Join(a[at+2:], "\n") != strings.Join(b[at+n:], "\n") {
		t.Fatalf("lines other than the imported texts changed:\n%s", first(changedAround(a, b), 6))
	}
	if !strings.HasPrefix(b[at], "    met: ") || !strings.HasPrefix(b[at+n-1], "    unmet: ") {
		t.Errorf("the imported texts are not in their place: %q", b[at:at+n])
	}
}

func changedAround(a, b []string) []string {
	var out []string
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			out = append(out, fmt.Sprintf("%d: %q -> %q", i+1, a[i], b[i]))
		}
	}
	return out
}

// A msgstr that begins with a line break ("\nSatisfait") or a tab then
// one ("\t\nX") refused the whole import: yaml.v3 writes the first as a
// block that loses its break, the second as a block it cannot read, and
// the proof refused the file. Every such text is now written so that it
// reads back exactly, the rest of the file unchanged, and an update of
// the result changes nothing.
func TestImportedTextReadsBackExactly(t *testing.T) {
	for _, tag := range []string{"fr", "ja"} {
		t.Run(tag, func(t *testing.T) {
			t.Parallel() // 2 × the table's imports of a whole file
			for _, text := range translatorsTexts {
				src, res, err := importOne(t, tag, text)
				if err != nil {
					t.Errorf("%q: %v", text, err)
					continue
				}
				if len(res.Refused) > 0 {
					t.Errorf("%q: refused: %v", text, res.Refused[0])
					continue
				}
				f, err := i18n.Parse(tag+".yaml", res.Data)
				if err != nil {
					t.Fatalf("%q: %v", text, err)
				}
				if got := f.Messages["ui.status.met"].Text; got != text {
					t.Errorf("%q: reads back as %q", text, got)
				}
				if got := f.Messages["ui.status.unmet"].Text; got != "Pas fait" {
					t.Errorf("%q: the other entry reads back as %q", text, got)
				}
				onlyTheseChanged(t, src, res.Data)
			}
		})
	}
}

// All the texts at once, each under a key of its own: each reads back,
// and an update of the file changes nothing.
func TestImportedTextsSurviveUpdate(t *testing.T) {
	en, _ := i18n.Embedded("en")
	var keys []string
	for _, k := range EnglishKeys() {
		if en.Messages[k].Forms == nil && strings.HasPrefix(k, "ui.") && len(keys) < len(translatorsTexts) {
			keys = append(keys, k)
		}
	}
	for _, tag := range []string{"fr", "ja"} {
		src, _ := i18n.Source(tag)
		var po strings.Builder
		for i, k := range keys {
			po.WriteString(poField("msgctxt", k) + poField("msgid", en.Messages[k].Text) + poField("msgstr", translatorsTexts[i]) + "\n")
		}
		res, err := ImportPO(tag+".yaml", src, tag+".po", []byte(po.String()), language.Make(tag), "sources")
		if err != nil || len(res.Refused) > 0 {
			t.Fatalf("%s: %v %v", tag, err, res)
		}
		f, err := i18n.Parse(tag+".yaml", res.Data)
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		for i, k := range keys {
			if got := f.Messages[k].Text; got != translatorsTexts[i] {
				t.Errorf("%s %s: %q reads back as %q", tag, k, translatorsTexts[i], got)
			}
		}
		again, err := Update(tag+".yaml", res.Data, "sources")
		if err != nil || string(again.Data) != string(res.Data) {
			t.Errorf("%s: an update of the imported file: %v, changed: %q", tag, err, first(changedAround(strings.Split(string(res.Data), "\n"), strings.Split(string(again.Data), "\n")), 3))
		}
	}
}

// A translation English no longer has is kept as a #~ comment: a CR, NEL
// or U+2028 in it ended the comment, and what followed was read as YAML
// (here a key of its own).
func TestObsoleteTextStaysAComment(t *testing.T) {
	for _, text := range []string{"a\rinjected: x", "a\u0085injected: x", "a\u2028injected: x", "a\u2029injected: x", "a\x1binjected"} {
		src := "meta:\n  tag: fr\n  name: Français\nui:\n  gone: " + quotedLine(text) + "\n"
		up, err := Update("fr.yaml", []byte(src), "sources")
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		f, err := i18n.Parse("fr.yaml", up.Data)
		if err != nil {
			t.Errorf("%q: the updated file does not read: %v", text, err)
			continue
		}
		if _, ok := f.Messages["injected"]; ok || len(up.Obsolete) != 1 {
			t.Errorf("%q: the kept text left its comment: %v", text, up.Obsolete)
		}
		if !strings.Contains(string(up.Data), "\n#~ ui.gone: "+quotedLine(text)+"\n") {
			t.Errorf("%q: not kept as a comment:\n%s", text, up.Data[max(0, len(up.Data)-300):])
		}
	}
}

// The proof's refusal is said in the user's language and names the file,
// never a line of bytes that were not written.
func TestProofErrorInTheUsersLanguage(t *testing.T) {
	fr, _ := i18n.New("fr")
	ja, _ := i18n.New("ja")
	line := regexp.MustCompile(`fr\.yaml:\d`)
	for _, k := range proofErrorKinds {
		e := &ProofError{File: "i18n/fr.yaml", Key: "ui.status.met", Kind: k}
		if !i18n.English().Has("ui.i18ncmd.proof." + k) {
			t.Errorf("en.yaml lacks ui.i18ncmd.proof.%s", k)
		}
		en := e.Error()
		for _, msg := range []string{e.Message(fr), e.Message(ja)} {
			if msg == en || !strings.Contains(msg, "i18n/fr.yaml") || line.MatchString(msg) {
				t.Errorf("%s: %q", k, msg)
			}
		}
	}
	e := &POError{File: "fr.po", Line: 7, Kind: "unwritable", Args: []any{"Key", "ui.status.met"}}
	if msg := e.Message(fr); !strings.Contains(msg, "fr.po:7\u00a0: le texte de ui.status.met") {
		t.Errorf("unwritable in French: %q", msg)
	}
}

// FuzzImportText: any text a translator can put in a msgstr (valid UTF-8,
// no NUL, which PO cannot carry) is imported so that it reads back
// exactly, every other line of the file as it was; or, were there a text
// no YAML style carries, that entry alone is refused with its PO line and
// the other one is imported.
func FuzzImportText(f *testing.F) {
	for _, s := range translatorsTexts[:20] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.ContainsRune(text, 0) || text == "" {
			return
		}
		tag := "fr"
		if len(text)%2 == 1 {
			tag = "ja"
		}
		src, res, err := importOne(t, tag, text)
		if err != nil {
			t.Fatalf("%q: the whole import was refused: %v", text, err)
		}
		f, err := i18n.Parse(tag+".yaml", res.Data)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if f.Messages["ui.status.unmet"].Text != "Pas fait" {
			t.Fatalf("%q: the other entry was not imported", text)
		}
		if len(res.Refused) > 0 {
			var pe *POError
			if len(res.Refused) != 1 || !errors.As(error(res.Refused[0]), &pe) || pe.Line != 4 || pe.File != tag+".po" {
				t.Fatalf("%q: refused as %v", text, res.Refused)
			}
			return
		}
		if got := f.Messages["ui.status.met"].Text; got != text {
			t.Fatalf("%q reads back as %q", text, got)
		}
		onlyTheseChanged(t, src, res.Data)
	})
}
