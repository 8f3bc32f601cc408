package model

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

func TestLinesPointAtWhatIsWritten(t *testing.T) {
	src := `# comment
version: 1
project:
  name: demo
answers:
  floss_license:
    status: Met
    justification: >-
      Apache-2.0, see
      https://example.org/LICENSE
  contribution:
    justification: first
    status: Unmet
  not_a_criterion: {status: Met}
`
	p := filepath.Join(t.TempDir(), DefaultName)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(p, criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	got := f.Lines()
	want := map[string]AnswerLines{
		"floss_license":   {ID: 6, Status: 7, Justification: 8},
		"contribution":    {ID: 11, Status: 13, Justification: 12},
		"not_a_criterion": {ID: 14, Status: 14},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %+v, want %+v", id, got[id], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d answers, want %d: %+v", len(got), len(want), got)
	}

	// After a save the lines are those of the new text.
	f.Set("dco", Answer{Status: Met, Justification: "We ask for a sign-off."})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	if l := f.Lines()["dco"]; l.ID == 0 || l.Status != l.ID+1 {
		t.Errorf("dco after save: %+v", l)
	}
	if New(p, criteria.Default(), Project{Name: "x"}).Lines()["dco"] != (AnswerLines{}) {
		t.Error("a new file has no answer lines")
	}
}
