package tui

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/charmbracelet/x/ansi"
)

// The detail pane wraps Japanese as Japanese is typeset: no line starts
// with 、。） or a small kana or ー, MUST stays whole, and every line fits
// the pane; in colour and without.
func TestDetailWrapsJapaneseByKinsoku(t *testing.T) {
	ja, _ := i18n.New("ja")
	cat := criteria.Default()
	passing, _ := cat.Level("passing")
	for _, style := range []string{"notty", "dark"} {
		r := newRenderer(style, cat)
		for _, w := range []int{36, 50, 76} {
			for _, e := range passing.Entries {
				lines := strings.Split(r.render(ja, e, w), "\n")
				for i, line := range lines {
					p := strings.TrimLeft(ansi.Strip(line), " ")
					if ansi.StringWidth(line) > w {
						t.Errorf("%s %s at %d: a line of %d cells: %q", style, e.ID, w, ansi.StringWidth(line), p)
					}
					if i == 0 || p == "" {
						continue
					}
					if first := []rune(p)[0]; strings.ContainsRune("、。，．・：；？！）」』】〕〉》っゃゅょぁぃぅぇぉッャュョァィゥェォヵヶー", first) {
						t.Errorf("%s %s at %d: a line starts with %q:\n%s\n%s", style, e.ID, w, first, ansi.Strip(lines[i-1]), p)
					}
					if strings.HasPrefix(p, "ST") || strings.HasPrefix(p, "UST") || strings.HasPrefix(p, "OULD") {
						t.Errorf("%s %s at %d: a keyword broken:\n%s\n%s", style, e.ID, w, ansi.Strip(lines[i-1]), p)
					}
				}
			}
		}
	}
}

// BenchmarkRenderJapaneseDetail is one criterion's texts rendered and
// wrapped for the detail pane (the cost paid once per criterion, ahead).
func BenchmarkRenderJapaneseDetail(b *testing.B) {
	ja, _ := i18n.New("ja")
	cat := criteria.Default()
	e := cat.EntriesFor("vulnerability_report_process")[0]
	r := newRenderer("dark", cat)
	for i := 0; i < b.N; i++ {
		r.cache = map[detailKey]string{}
		r.render(ja, e, 50)
	}
}
