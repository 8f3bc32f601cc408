package i18ntool

import (
	"testing"

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
		again, err := Update("fuzz.yaml", up.Data, "sources")
		if err != nil {
			t.Fatalf("an updated file does not update: %v\n%s", err, up.Data)
		}
		if string(again.Data) != string(up.Data) {
			t.Fatalf("a second update changed the file:\n%s\n---\n%s", up.Data, again.Data)
		}
	})
}
