package textwidth

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestWidthPadTruncate(t *testing.T) {
	cases := []struct {
		s     string
		w     int
		pad   string
		trunc string
	}{
		{"silver", 8, "silver  ", "silver"},
		{"シルバー", 10, "シルバー  ", "シルバー"},
		{"シルバー", 7, "シルバー", "シルバ…"},
		{"argent", 3, "argent", "ar…"},
		{"e\u0301te\u0301", 5, "e\u0301te\u0301  ", "e\u0301te\u0301"},
		{"\x1b[1mbold\x1b[0m", 6, "\x1b[1mbold\x1b[0m  ", "\x1b[1mbold\x1b[0m"},
	}
	for _, c := range cases {
		if got := Pad(c.s, c.w); got != c.pad {
			t.Errorf("Pad(%q, %d) = %q, want %q", c.s, c.w, got, c.pad)
		}
		if got := Truncate(c.s, c.w); got != c.trunc {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.s, c.w, got, c.trunc)
		}
		if got := Width(Fit(c.s, c.w)); got != c.w {
			t.Errorf("Fit(%q, %d) is %d cells", c.s, c.w, got)
		}
	}
	if Width("必須") != 4 || Width("MUST") != 4 || MaxWidth("a", "推奨", "abc") != 4 {
		t.Error("widths")
	}
	if PadLeft("42", 4) != "  42" || PadLeft("１２", 4) != "１２" {
		t.Error("PadLeft")
	}
	// A wide character does not fit in one cell: Truncate never overflows.
	if got := Truncate("必須", 1); Width(got) > 1 {
		t.Errorf("Truncate to 1 cell: %q", got)
	}
}

func TestWrapJapanese(t *testing.T) {
	// 、 。 and ） never begin a line.
	s := "プロジェクトは、脆弱性の報告を受け付ける手順（非公開）を文書化しなければならない。英語の MUST はそのまま。"
	for _, w := range []int{6, 7, 9, 10, 11, 13, 20} {
		lines := Wrap(s, w)
		if strings.Join(lines, "") != strings.ReplaceAll(s, " ", "") && strings.Join(lines, "") != s {
			// spaces at line ends go; nothing else may
			joined := strings.Join(lines, " ")
			if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(s, " ", "") {
				t.Fatalf("w=%d: text changed: %q", w, lines)
			}
		}
		for _, l := range lines {
			if Width(l) > w {
				t.Errorf("w=%d: line %q is %d cells", w, l, Width(l))
			}
			for _, bad := range []string{"、", "。", "）"} {
				if strings.HasPrefix(l, bad) {
					t.Errorf("w=%d: line begins with %s: %q", w, bad, lines)
				}
			}
			if strings.HasPrefix(l, "UST") || strings.HasSuffix(l, "M") && !strings.HasSuffix(l, "MUST") {
				t.Errorf("w=%d: MUST broken: %q", w, lines)
			}
		}
	}
}

func TestWrapKeepsURLsAndWords(t *testing.T) {
	url := "https://www.bestpractices.dev/fr/criteria/0#0.vulnerability_report_process"
	s := "Voir le texte officiel : " + url + ". Puis la suite du texte."
	lines := Wrap(s, 30)
	found := false
	for _, l := range lines {
		if strings.Contains(l, url) {
			found = true
		}
		if strings.Contains(l, "https://") && !strings.Contains(l, url) {
			t.Errorf("URL broken: %q", lines)
		}
	}
	if !found {
		t.Errorf("URL not whole on one line: %q", lines)
	}
	// English words and French ones are never split while a space is near.
	const sentence = "Maintainers answer every security report within fourteen days, in writing."
	for _, l := range Wrap(sentence, 20) {
		if Width(l) > 20 {
			t.Errorf("line too wide: %q", l)
		}
		for _, w := range strings.Fields(l) {
			if !strings.Contains(sentence, " "+w+" ") &&
				!strings.HasPrefix(sentence, w+" ") &&
				!strings.HasSuffix(sentence, " "+w) {
				t.Errorf("word cut: %q", w)
			}
		}
	}
	// A German compound longer than the line is cut, never past the width.
	for _, l := range Wrap("Schwachstellenmeldeverfahrensdokumentation fehlt", 12) {
		if Width(l) > 12 {
			t.Errorf("long word: %q", l)
		}
	}
	// Line breaks in the text stay; an empty line stays.
	if got := Wrap("a\n\nb", 10); len(got) != 3 || got[1] != "" {
		t.Errorf("paragraphs: %q", got)
	}
	// A width of one cell and wide characters: progress, never a loop.
	if got := Wrap("必須です", 1); len(got) != 4 {
		t.Errorf("one cell: %q", got)
	}
}

func TestLink(t *testing.T) {
	url := "https://www.bestpractices.dev/ja/criteria/0#0.floss_license"
	got := Link("公式テキスト", url, 20, true)
	if len(got) != 1 || !strings.Contains(got[0], "\x1b]8;;"+url+"\x07") || Width(got[0]) != Width("公式テキスト") {
		t.Errorf("OSC 8: %q", got)
	}
	got = Link("公式テキスト", url, 20, false)
	if len(got) != 2 || got[1] != url {
		t.Errorf("plain: %q", got)
	}
	// A URL from a file cannot end the sequence and start another.
	got = Link("x", "https://a.example/\x1b]8;;https://evil.example\x07y", 20, true)
	if strings.Count(got[0], "\x1b") != 2 {
		t.Errorf("escape smuggled: %q", got)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if Hyperlinks(env(nil)) || !Hyperlinks(env(map[string]string{"TERM_PROGRAM": "WezTerm"})) ||
		Hyperlinks(env(map[string]string{"TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/x"})) ||
		!Hyperlinks(env(map[string]string{"VTE_VERSION": "7600"})) || Hyperlinks(env(map[string]string{"VTE_VERSION": "4800"})) {
		t.Error("Hyperlinks")
	}
	// Forced: on in tmux 3.4 and later and in screen, off in an older tmux,
	// which drops them and would lose the URL; "0" turns them off.
	tmux := func(v string, more ...string) map[string]string {
		m := map[string]string{"TMUX": "/tmp/tmux-0/default,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": v}
		for i := 0; i+1 < len(more); i += 2 {
			m[more[i]] = more[i+1]
		}
		return m
	}
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{tmux("3.4", "FORCE_HYPERLINKS", "1"), true},
		{tmux("3.5a", "FORCE_HYPERLINKS", "1"), true},
		{tmux("next-3.6", "FORCE_HYPERLINKS", "1"), true},
		{tmux("3.3a", "FORCE_HYPERLINKS", "1"), false},
		{tmux("3.4"), false},
		{tmux("3.4", "FORCE_HYPERLINKS", "0"), false},
		{tmux("3.4", "FORCE_HYPERLINKS", "1", "NO_HYPERLINKS", "1"), false},
		{map[string]string{"TMUX": "/tmp/x", "FORCE_HYPERLINKS": "1"}, false}, // a tmux that does not say its version
		{map[string]string{"STY": "1.pts-0", "FORCE_HYPERLINKS": "1"}, true},
		{map[string]string{"STY": "1.pts-0", "TERM_PROGRAM": "WezTerm"}, false},
		{map[string]string{"FORCE_HYPERLINKS": "1", "TERM": "dumb"}, true},
		{map[string]string{"FORCE_HYPERLINKS": "0", "TERM_PROGRAM": "WezTerm"}, false},
	}
	for _, c := range cases {
		if got := Hyperlinks(env(c.env)); got != c.want {
			t.Errorf("Hyperlinks(%v) = %v, want %v", c.env, got, c.want)
		}
	}
}

// A word far wider than the line (a blob pasted into a justification, a
// million characters) is cut into full lines, every character kept, in
// time that grows with its length: the walk's detail wraps it on a
// keystroke. Each line but the last is exactly w cells, also with
// Japanese and combining marks.
func TestWrapVeryLongWord(t *testing.T) {
	for _, word := range []string{strings.Repeat("x", 300_000), strings.Repeat("漢", 100_000), strings.Repeat("e\u0301", 100_000)} {
		lines := Wrap(word, 52)
		if strings.Join(lines, "") != word {
			t.Fatalf("characters lost or moved (%d lines)", len(lines))
		}
		for i, l := range lines[:len(lines)-1] {
			if Width(l) != 52 {
				t.Fatalf("line %d is %d cells", i, Width(l))
			}
		}
	}
}

func BenchmarkWrapLongWord(b *testing.B) {
	word := strings.Repeat("x", 1<<20)
	for i := 0; i < b.N; i++ {
		Wrap(word, 52)
	}
}

// Text as the walk's detail wraps it on every keystroke: sentences with a
// URL and a dot-file name, in English, French and Japanese.
func BenchmarkWrapText(b *testing.B) {
	texts := []string{
		"Maintainers answer every security report within fourteen days; see .bestpractices.yaml.example and https://example.org/security/policy for the process, in writing.",
		"Les mainteneurs répondent à chaque signalement sous quatorze jours : voir .bestpractices.yaml.example et https://example.org/security/policy pour la procédure.",
		"CI で使う .bestpractices.json が最新か確認します。脆弱性の報告は、https://example.org/security/policy の手順（非公開）で受け付けます。",
	}
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			Wrap(s, 52)
			Wrap(s, 20)
		}
	}
}

// A dot-file's name after a space ("see .bestpractices.json": UAX #14
// allows no break before the dot) goes whole to the next line when it
// fits there, instead of being cut by characters: at every width at least
// as wide as the text's longest word, no ASCII word is ever cut.
func TestWrapDotFileNameWhole(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want []string
	}{
		{"CI で使う .bestpractices.json が最新か確認します。", 20, []string{"CI で使う", ".bestpractices.json", "が最新か確認します。"}},
		{"or see .bestpractices.yaml.example for help", 27, []string{"or see", ".bestpractices.yaml.example", "for help"}},
	} {
		if got := Wrap(c.s, c.w); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q at %d:\n got %q\nwant %q", c.s, c.w, got, c.want)
		}
	}
	for _, s := range []string{
		"CI で使う .bestpractices.json が最新か確認します。",
		"or see .bestpractices.yaml.example for help",
		"Copiez .bestpractices.yaml.example vers .bestpractices.yaml ; puis lancez bestpractices check.",
		"Keep .github/workflows/ci.yml and .gitignore beside .bestpractices.yaml in the repository.",
		"設定は .bestpractices.yaml（リポジトリの最上位）と .github/dependabot.yml にあります。",
	} {
		words := asciiWords(s)
		longest := 0
		for _, wd := range words {
			longest = max(longest, Width(wd))
		}
		for w := longest; w <= Width(s)+1; w++ {
			lines := Wrap(s, w)
			for _, wd := range words {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, wd) }) {
					t.Errorf("w=%d: %q cut: %q", w, wd, lines)
				}
			}
			for _, l := range lines {
				if Width(l) > w {
					t.Errorf("w=%d: a line of %d cells: %q", w, Width(l), l)
				}
				if r := []rune(l); len(r) > 0 && strings.ContainsRune(mustNotStart, r[0]) {
					t.Errorf("w=%d: a line starts with %q: %q", w, r[0], lines)
				}
			}
		}
	}
}

// asciiWords are the runs of ASCII letters, digits and . - _ in s (a
// path may break after its slashes, as UAX #14 allows).
func asciiWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-_", r)))
	})
}

// Breaking at a space inside a piece that UAX #14 keeps whole never
// starts a line with punctuation that ends a phrase (a French " :" written
// with an ordinary space, a Japanese 。), never ends one with an opening
// bracket, and never breaks at a no-break space (U+00A0, U+202F).
func TestWrapSpaceBreaksKeepPunctuation(t *testing.T) {
	for _, s := range []string{
		"confiance : moyenne ; détecté dans le dépôt ! vraiment ? oui",
		"confiance\u00a0: moyenne\u202f; détecté dans le dépôt\u00a0! vraiment\u202f? oui",
		"( .bestpractices.json ) «\u00a0.bestpractices.yaml\u00a0»",
		"リポジトリ 。次の文 、そして .bestpractices.yaml 」",
	} {
		for w := 24; w <= Width(s); w++ { // every unbreakable piece fits
			lines := Wrap(s, w)
			if squash(strings.Join(lines, "")) != squash(s) {
				t.Fatalf("w=%d: text changed: %q", w, lines)
			}
			for i, l := range lines {
				if i > 0 && strings.IndexAny(l, ":;!?)»。、」") == 0 {
					t.Errorf("w=%d: line %d starts with punctuation: %q", w, i, lines)
				}
				if strings.HasSuffix(l, "(") || strings.HasSuffix(l, "«") {
					t.Errorf("w=%d: line %d ends with an opening bracket: %q", w, i, lines)
				}
				if strings.HasPrefix(l, "\u00a0") || strings.HasPrefix(l, "\u202f") || strings.HasSuffix(l, "\u00a0") || strings.HasSuffix(l, "\u202f") {
					t.Errorf("w=%d: broken at a no-break space: %q", w, lines)
				}
			}
		}
	}
}

func squash(s string) string { return strings.ReplaceAll(s, " ", "") }
