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
