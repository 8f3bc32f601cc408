package model

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
)

// The ids whose levels disagree on N/A: the badge site validates one answer
// against every level, so N/A is refused for them at every level, by
// every path that judges an answer.
func TestNAJudgedByOneRule(t *testing.T) {
	cat := criteria.Default()
	var mixed []string
	for _, id := range cat.IDs() {
		es := cat.EntriesFor(id)
		some, all := false, true
		for _, e := range es {
			some = some || e.NAAllowed
			all = all && e.NAAllowed
		}
		if some && !all {
			mixed = append(mixed, id)
		}
		if NAAllowed(cat, id) != all {
			t.Errorf("%s: NAAllowed %v, every level allows it: %v", id, NAAllowed(cat, id), all)
		}
	}
	sort.Strings(mixed)
	want := []string{"dynamic_analysis", "dynamic_analysis_enable_assertions", "report_tracker", "tests_documented_added"}
	if strings.Join(mixed, " ") != strings.Join(want, " ") {
		t.Errorf("ids with mixed N/A rules: %v, want %v", mixed, want)
	}

	var b strings.Builder
	b.WriteString("version: 1\nanswers:\n")
	for _, id := range want {
		b.WriteString("  " + id + ":\n    status: N/A\n    justification: Not relevant to this project.\n")
	}
	p := filepath.Join(t.TempDir(), DefaultName)
	os.WriteFile(p, []byte(b.String()), 0o644)
	f, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Score()
	for _, id := range want {
		a := Answer{Status: NA, Justification: "Not relevant to this project."}
		if Check(cat, id, a) == nil {
			t.Errorf("%s: Check accepts N/A", id)
		}
		if f.Answers[id].Problem == nil {
			t.Errorf("%s: the loader accepts N/A", id)
		}
		for _, l := range s.Levels {
			for _, es := range l.Entries {
				if es.Entry.ID == id && es.Result.Satisfied() {
					t.Errorf("%s: N/A counts at %s", id, l.Level.Name)
				}
			}
		}
		f.Set(id, Answer{Status: Met, Justification: "Yes: https://example.org/x"})
		if f.Answers[id].Problem != nil {
			t.Errorf("%s: Met flagged: %v", id, f.Answers[id].Problem)
		}
	}
	if Check(cat, "build", Answer{Status: NA}) != nil || Check(cat, "no_such_id", Answer{Status: Met}) == nil {
		t.Error("Check: N/A refused where allowed, or an unknown id accepted")
	}
}

// A message that names a level names it as the user's language does: the
// N/A refusal of dco (silver) says "au niveau argent" in French and
// 「シルバーでは」 in Japanese, never the file's "silver".
func TestRefusalNamesLevelInUsersLanguage(t *testing.T) {
	cat := criteria.Default()
	fr, _ := i18n.New("fr")
	ja, _ := i18n.New("ja")
	cases := []struct {
		id, level string
		loc       *i18n.Locale
		want      string
	}{
		{"dco", "silver", fr, "au niveau argent"},
		{"dco", "silver", ja, "シルバーでは"},
		{"report_tracker", "passing", fr, "au niveau basique"},
		{"report_tracker", "passing", ja, "合格では"},
	}
	for _, c := range cases {
		m := Check(cat, c.id, Answer{Status: NA, Justification: "Not relevant here."})
		if m == nil {
			t.Fatalf("%s: N/A accepted", c.id)
		}
		got := m.In(c.loc)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.level) {
			t.Errorf("%s in %s: %q, want %q and no %q", c.id, c.loc.Tag, got, c.want, c.level)
		}
	}
	// English keeps the badge's names, which are its words.
	if got := Check(cat, "dco", Answer{Status: NA}).String(); !strings.Contains(got, "at silver") {
		t.Errorf("English: %q", got)
	}
}
