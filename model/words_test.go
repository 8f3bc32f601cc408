package model

import (
	"os"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// The README's table of the words shown for each value of the file stays
// true: the file's word reads back as the status, and each language shows
// the word the table gives.
func TestREADMETableOfShownWords(t *testing.T) {
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := i18n.New("fr")
	ja, _ := i18n.New("ja")
	locs := []*i18n.Locale{i18n.English(), fr, ja}
	rows := 0
	for _, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 5 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		file := strings.Trim(strings.Fields(cells[0])[0], "`")
		s, err := ParseStatus(file)
		if err != nil {
			continue // another table
		}
		rows++
		if file != "?" && s.String() != file {
			t.Errorf("README: the file says %q, which is written back as %q", file, s.String())
		}
		for i, loc := range locs {
			if got := loc.Word(s); got != cells[i+1] {
				t.Errorf("README: %s shows %q for %s; the table says %q", loc.Tag, got, file, cells[i+1])
			}
		}
	}
	if rows != 4 {
		t.Errorf("found %d rows of the table of shown words in README.md", rows)
	}
	// And the level names the paragraph after it gives.
	for _, c := range []struct {
		loc   *i18n.Locale
		names string
	}{{fr, `"basique", "argent", "or"`}, {ja, "合格, シルバー, ゴールド"}} {
		want := c.loc.Level("passing") + ", " + c.loc.Level("silver") + ", " + c.loc.Level("gold")
		if c.loc == fr {
			want = `"` + c.loc.Level("passing") + `", "` + c.loc.Level("silver") + `", "` + c.loc.Level("gold") + `"`
		}
		if want != c.names || !strings.Contains(string(src), c.names) {
			t.Errorf("README names the %s levels %s; the locale says %s", c.loc.Tag, c.names, want)
		}
	}
}
