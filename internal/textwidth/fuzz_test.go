package textwidth

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzWrapStyled: any text, styled or not (with the sequences glamour
// writes: the text shown never holds escapes of its own, safetext removed them), at any width: no panic, nothing
// but spaces (and the line breaks given) lost, every character and escape
// sequence kept in order, and no line wider than the width unless it holds
// a URL (shown whole) or one wide character in a one-cell column.
func FuzzWrapStyled(f *testing.F) {
	for _, s := range []string{
		"プロジェクトは、脆弱性の報告手順を公開しなければなりません（MUST）。",
		"  \x01プロジェクト\x02は、\x03メンテナー\x02が対応します。",
		"Voir https://www.bestpractices.dev/fr/criteria/0#0.floss_license pour le texte.",
		"one two \x01three\x02 four\nfive",
		"\x04link\x05 text",
		"{{.Label}}：{{.Text}}",
		"しょうしょう",
		"CI で使う .bestpractices.json が最新か確認します。",
		"or see \x01.bestpractices.yaml.example\x02 for help",
	} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			return
		}
		w = 1 + (w%100+100)%100
		s = styled(s)
		lines := WrapStyled(s, w)
		squash := func(x string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(x) }
		if got, want := squash(strings.Join(lines, "")), squash(s); got != want {
			t.Fatalf("w=%d: text changed:\n%q\n%q", w, want, got)
		}
		for _, l := range lines {
			// Measured as shown: a sequence inside a character (between a
			// letter and its mark) takes no cell, though it splits the
			// character for a width count of the raw line.
			if plain := ansi.Strip(l); Width(plain) > max(w, 2) && !strings.Contains(plain, "://") {
				t.Fatalf("w=%d: a line of %d cells: %q (from %q)", w, Width(l), l, s)
			}
		}
	})
}

// styled turns the fuzzer's text into what WrapStyled is given: control
// characters other than line breaks removed (safetext did that before
// glamour saw the text), and the bytes 0x01-0x05 standing for the sequences
// glamour and our links write.
func styled(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 1:
			b.WriteString("\x1b[1m")
		case r == 2:
			b.WriteString("\x1b[0m")
		case r == 3:
			b.WriteString("\x1b[38;5;252m")
		case r == 4:
			b.WriteString("\x1b]8;;https://example.org\x1b\\")
		case r == 5:
			b.WriteString("\x1b]8;;\x1b\\")
		case r == '\n' || r >= 0x20 && r != 0x7f && (r < 0x80 || r >= 0xa0):
			b.WriteRune(r)
		}
	}
	return b.String()
}
