package model

import (
	"os"
	"strings"
	"testing"
)

// Replace overwrites an answer given (Accept never does), and the save
// keeps the rest of the file.
func TestReplace(t *testing.T) {
	p := write(t, "# mine\nversion: 1\nanswers:\n  vulnerability_report_private:\n    status: Unmet # no channel yet\n    justification: None.\n  test:\n    status: Met\n    justification: go test.\n")
	f, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	met := Proposal{ID: "vulnerability_report_private", Status: Met, Justification: "Privately: https://example.org/SECURITY.md"}
	if f.Accept(met) {
		t.Fatal("Accept replaced an answer given")
	}
	if !f.Replace(met) || f.Replace(met) {
		t.Fatal("Replace reports no change, or a change the second time")
	}
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	for _, want := range []string{"# mine\n", "status: Met", "justification: 'Privately: https://example.org/SECURITY.md'", "test:\n    status: Met\n    justification: go test.\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("saved file lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "None.") {
		t.Errorf("the old justification is still there:\n%s", b)
	}
}
