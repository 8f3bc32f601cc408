package lineprompt

import (
	"errors"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

func TestChooseInTheUsersLanguage(t *testing.T) {
	fr, _ := i18n.New("fr")
	var out strings.Builder
	p := New(strings.NewReader("5\nabc\n\n2\n"), &out, fr)
	opts := []string{fr.T("ui.status.met"), fr.T("ui.status.unmet"), fr.T("ui.status.na"), "Passer"}
	i, err := p.Choose("Statut", opts)
	if err != nil || i != 1 {
		t.Fatalf("%d %v", i, err)
	}
	got := out.String()
	for _, want := range []string{"  1. Satisfait\n", "  2. Non satisfait\n", "Tapez un nombre de 1 à 4", "5 n'est pas un choix"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	// Enter alone asks again, with no message about an empty choice.
	if strings.Contains(got, "\n n'est pas") || strings.Count(got, "Tapez un nombre de 1 à 4") != 4 {
		t.Errorf("an empty line:\n%s", got)
	}
	if strings.Contains(got, "Enter a number") || strings.Contains(got, "between") {
		t.Errorf("English prompt in French:\n%s", got)
	}
	ja, _ := i18n.New("ja")
	out.Reset()
	if _, err := New(strings.NewReader("1\n"), &out, ja).Choose("状態", opts[:2]); err != nil || !strings.Contains(out.String(), "1〜2") {
		t.Errorf("Japanese: %v %q", err, out.String())
	}
	// A pasted escape sequence is shown escaped, never acted on or cut.
	out.Reset()
	New(strings.NewReader("\x1b[2J\u202ex\n1\n"), &out, i18n.English()).Choose("x", opts)
	if !strings.Contains(out.String(), `\x1b[2J\u202ex is not one of the choices`) || strings.ContainsAny(out.String(), "\x1b\u202e") {
		t.Errorf("escape: %q", out.String())
	}
	// The input ends: an error, never a choice made for the user.
	if _, err := New(strings.NewReader(""), &out, fr).Choose("x", opts); !errors.Is(err, ErrEnd) {
		t.Errorf("end of input: %v", err)
	}
	if _, err := New(strings.NewReader("7\n"), &out, fr).Choose("x", opts); !errors.Is(err, ErrEnd) {
		t.Errorf("a wrong answer then the end: %v", err)
	}
}

func TestAsk(t *testing.T) {
	en := i18n.English()
	var out strings.Builder
	p := New(strings.NewReader("\nhttps://example.org/x\n"), &out, en)
	got, err := p.Ask("URL:", func(s string) error {
		if !strings.HasPrefix(s, "https://") {
			return errors.New("Met needs a URL")
		}
		return nil
	})
	if err != nil || got != "https://example.org/x" || !strings.Contains(out.String(), "Met needs a URL") {
		t.Errorf("%q %v %q", got, err, out.String())
	}
	// A last line without a newline counts; a hostile title is cleaned.
	out.Reset()
	if got, _ := New(strings.NewReader("fin"), &out, en).Ask("\x1b[2Jtitle", nil); got != "fin" || strings.Contains(out.String(), "\x1b") {
		t.Errorf("%q %q", got, out.String())
	}
}
