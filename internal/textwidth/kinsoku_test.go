package textwidth

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"gopkg.in/yaml.v3"
)

// mustNotStart are the characters Japanese typesetting (strict kinsoku)
// never puts at the start of a line.
const mustNotStart = "っゃゅょぁぃぅぇぉゎゕゖッャュョァィゥェォヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーｯｬｭｮｧｨｩｪｫｰ" +
	"、。，．・：；？！）」』】〕〉》｝］々ゝゞヽヾ"

// japaneseTexts are the texts of the shipped Japanese locale file: the
// sentences users read, wrapped in the walk's detail pane and the commands.
func japaneseTexts(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("../../i18n/ja.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.ContainsFunc(n.Value, func(r rune) bool { return r >= 0x3000 }) {
			out = append(out, n.Value)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	if len(out) < 500 {
		t.Fatalf("found only %d Japanese texts", len(out))
	}
	return out
}

// Wrapped Japanese never starts a line with a small kana, the long vowel
// mark or closing punctuation, at any width the walk and the commands
// use; nothing of the text is lost or moved.
func TestWrapKinsoku(t *testing.T) {
	texts := japaneseTexts(t)
	seen := map[rune]bool{}
	for _, s := range texts {
		for _, w := range []int{10, 13, 17, 20, 24, 29, 36, 40, 47, 56, 60, 76} {
			lines := Wrap(s, w)
			for i, l := range lines {
				if i == 0 || l == "" {
					continue
				}
				r := []rune(l)[0]
				if strings.ContainsRune(mustNotStart, r) && !strings.HasSuffix(lines[i-1], " ") {
					seen[r] = true
					t.Errorf("w=%d: a line starts with %q:\n%s\n%s", w, r, lines[i-1], l)
				}
				if Width(l) > w && !strings.Contains(l, "://") {
					t.Errorf("w=%d: a line of %d cells: %q", w, Width(l), l)
				}
			}
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(strings.ReplaceAll(s, "\n", ""), " ", "") {
				t.Fatalf("w=%d: the text changed:\n%q\n%q", w, s, lines)
			}
		}
	}
	if len(seen) > 0 {
		t.Logf("characters that started a line: %q", string(keysOf(seen)))
	}
}

func keysOf(m map[rune]bool) []rune {
	var out []rune
	for r := range m {
		out = append(out, r)
	}
	return out
}

// Small kana and ー stay with the syllable before them, and closing
// punctuation with the word before it even when that word is cut by
// characters because it fills the line by itself.
func TestWrapKinsokuCases(t *testing.T) {
	for _, c := range []struct {
		s string
		w int
	}{
		{"バッジのチェックを行う", 10}, // ッ would start line 2 at 10 cells
		{"メンテナーが対応します", 10}, // ー
		{"コミュニティの参加", 6},    // ュ
		{"しょうしょう", 4},       // ょ would start line 3
		{"{{.Label}}：{{.Text}}", 10},
		{"（badge_level、tiered_percentage）", 13},
		{"SECURITY.mdッ", 11},
	} {
		lines := Wrap(c.s, c.w)
		for _, l := range lines[1:] {
			if r := []rune(l)[0]; strings.ContainsRune(mustNotStart, r) {
				t.Errorf("%q at %d: %q", c.s, c.w, lines)
			}
		}
		for _, l := range lines {
			if Width(l) > c.w {
				t.Errorf("%q at %d: a line of %d cells: %q", c.s, c.w, Width(l), lines)
			}
		}
	}
}

// Styled text (glamour's colours) breaks where the plain text does, its
// characters and sequences all kept, each line within the width.
func TestWrapStyled(t *testing.T) {
	bold, reset := "\x1b[1m", "\x1b[0m"
	s := "  " + bold + "プロジェクトは" + reset + "、脆弱性の報告手順を公開しなければなりません（" + bold + "MUST" + reset + "）。メンテナーが対応します。"
	plain := "  プロジェクトは、脆弱性の報告手順を公開しなければなりません（MUST）。メンテナーが対応します。"
	for _, w := range []int{10, 14, 17, 20, 26, 40} {
		got := WrapStyled(s, w)
		want := Wrap(plain, w)
		if len(got) != len(want) {
			t.Fatalf("w=%d: %d lines, plain text gives %d:\n%q\n%q", w, len(got), len(want), got, want)
		}
		for i := range got {
			if stripped := ansi.Strip(got[i]); stripped != want[i] {
				t.Errorf("w=%d line %d: %q, want %q", w, i, stripped, want[i])
			}
		}
		joined := strings.Join(got, "")
		if strings.Count(joined, bold) != 2 || strings.Count(joined, reset) != 2 {
			t.Errorf("w=%d: sequences lost or doubled: %q", w, got)
		}
		for _, l := range got {
			if Width(l) > w || strings.Contains(l, "MU") && !strings.Contains(l, "MUST") {
				t.Errorf("w=%d: %q", w, got)
			}
		}
	}
	// A sequence that opens the word after a break goes down with it.
	got := WrapStyled("one two "+bold+"three"+reset, 8)
	if len(got) != 2 || got[0] != "one two" || got[1] != bold+"three"+reset {
		t.Errorf("Latin: %q", got)
	}
	if got := WrapStyled("plain text here", 6); strings.Join(got, "|") != "plain|text|here" {
		t.Errorf("no sequences: %q", got)
	}
}
