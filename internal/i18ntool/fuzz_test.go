package i18ntool

import (
	"errors"
	"maps"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/i18n"
)

// FuzzCheck is i18n check on anything: it never panics, and a file it
// finds no error in is one the app loads.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("meta:\n  tag: fr\n  name: Français\nui:\n  status:\n    met: Satisfait\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ps := Check("fuzz.yaml", src)
		if Errors(ps) == 0 {
			if _, err := i18n.Parse("fuzz.yaml", src); err != nil {
				t.Fatalf("check found no error, the loader refuses it: %v", err)
			}
		}
	})
}

// FuzzUpdate: i18n update on anything either refuses it or writes a file
// that keeps every translation (its own proof), and a second update
// changes nothing.
func FuzzUpdate(f *testing.F) {
	f.Add([]byte("meta:\n  tag: de\n  name: Deutsch\nui:\n  status:\n    met: Erfüllt #= Met\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		up, err := Update("fuzz.yaml", src, "sources")
		if err != nil {
			return
		}
		// Independent of update's own proof: every text after is one the
		// file had, under its key or the key it was renamed from.
		before, _ := i18n.Parse("fuzz.yaml", src)
		after, err := i18n.Parse("fuzz.yaml", up.Data)
		if err != nil {
			t.Fatalf("the updated file does not load: %v", err)
		}
		for k, m := range after.Messages {
			if !after.Translated(k) {
				continue
			}
			from := k
			if old, ok := up.Renamed[k]; ok {
				from = old
			}
			was := before.Messages[from]
			if !before.Translated(from) || was.Text != m.Text || !maps.Equal(was.Forms, m.Forms) {
				t.Fatalf("%s: the update wrote %+v, the file had %+v under %q", k, m, was, from)
			}
		}
		again, err := Update("fuzz.yaml", up.Data, "sources")
		if err != nil {
			t.Fatalf("an updated file does not update: %v\n%s", err, up.Data)
		}
		if string(again.Data) != string(up.Data) {
			t.Fatalf("a second update changed the file:\n%s\n---\n%s", up.Data, again.Data)
		}
	})
}

// FuzzParsePO: a PO file of any bytes is read or refused with a POError,
// never a panic; a text written as export-po writes it reads back as it
// was, whatever it holds.
func FuzzParsePO(f *testing.F) {
	f.Add([]byte("\ufeffmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"Erf\\x41\\101llt\"\n"), "ui.status.met", "a\"b\\c\nd\te\x1b")
	f.Add([]byte("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"1\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"2\"\n"), "k", "")
	f.Add([]byte("msgid \"a\"\nmsgstr[9] \"b\"\n"), "x", "multi\nline\n")
	f.Add([]byte("msgstr \"\\"), "", "\u202e")
	f.Add([]byte("msgctxt\"a\" # note\nmsgid\n\"x\" \"y\"\rmsgstr \"\\\"\"\n"), "a#b", "\"#\"")
	f.Add([]byte("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=Shift_JIS\\n\"\n\nmsgid \"Show\"\nmsgstr \"\x95\\\x8e\xa6\"\n"), "k", "\\")
	f.Fuzz(func(t *testing.T, src []byte, ctx, str string) {
		if _, err := ParsePO("fuzz.po", src); err != nil {
			var pe *POError
			if !errors.As(err, &pe) {
				t.Fatalf("not a POError: %v", err)
			}
		}
		if ctx == "" || !utf8.ValidString(ctx) || !utf8.ValidString(str) || strings.ContainsRune(ctx+str, 0) {
			return // a NUL is refused: msgfmt would cut the text there
		}
		po := poField("msgctxt", ctx) + poField("msgid", "x") + poField("msgstr", str)
		es, err := ParsePO("fuzz.po", []byte(po))
		if err != nil || len(es) != 1 || es[0].Context != ctx || len(es[0].Str) != 1 || es[0].Str[0] != str {
			t.Fatalf("%q, %q: %v %+v\n%s", ctx, str, err, es, po)
		}
	})
}

// FuzzParseGlossary: a glossary, as a translator or an attacker writes it,
// is read or refused with a kind the check has words for and a line in
// the file; never a panic, never a term with no English or an empty word
// to avoid (found in every text). A glossary read is written back by
// GlossaryStarter's writer as the same terms.
func FuzzParseGlossary(f *testing.F) {
	f.Add([]byte("terms:\n  - en: vulnerability\n    note: a weakness\n    use: Schwachstelle\n    avoid: [Sicherheitslücke, ' (MUST)']\n"))
	f.Add([]byte("terms:\n  - en: Met\n    use: &a x\n    avoid: *a\n"))
	f.Add([]byte("terms:\n  - en: \"a\\u2028b\"\n    note: \"x\\ny\"\n---\n"))
	known := map[string]bool{}
	for _, k := range problemKinds {
		known[k] = true
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := ParseGlossary("g.yaml", src)
		if err != nil {
			var ge *GlossaryError
			if !errors.As(err, &ge) || !known[ge.Kind] || ge.File != "g.yaml" || ge.Line < 0 || ge.Line > strings.Count(string(src), "\n")+2 {
				t.Fatalf("refused without a usable place or kind: %#v", err)
			}
			return
		}
		var b strings.Builder
		b.WriteString("terms:\n")
		for _, term := range g.Terms {
			if strings.TrimSpace(term.English) == "" {
				t.Fatalf("a term with no English: %+v", term)
			}
			b.WriteString("  - en: " + yamlScalar(term.English) + "\n    note: " + yamlScalar(term.Note) + "\n    use: " + yamlScalar(term.Use) + "\n    avoid:\n")
			for _, w := range term.Avoid {
				if strings.TrimSpace(w) == "" {
					t.Fatalf("an empty word to avoid: %+v", term)
				}
				b.WriteString("      - " + yamlScalar(w) + "\n")
			}
		}
		back, err := ParseGlossary("g.yaml", []byte(b.String()))
		if err != nil {
			t.Fatalf("written back, it is refused: %v\n%s", err, b.String())
		}
		if len(back.Terms) != len(g.Terms) {
			t.Fatalf("written back: %d terms, read %d", len(back.Terms), len(g.Terms))
		}
		for i, term := range back.Terms {
			was := g.Terms[i]
			if term.English != was.English || term.Note != was.Note || term.Use != was.Use || strings.Join(term.Avoid, "\x00") != strings.Join(was.Avoid, "\x00") {
				t.Fatalf("written back: %+v, read %+v", term, was)
			}
		}
	})
}
