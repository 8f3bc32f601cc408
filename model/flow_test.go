package model

import (
	"os"
	"strings"
	"testing"
)

// "answers: {}" gets its answers as a block, one per line, like any
// answers file; its comment stays, and the save is proven as ever.
func TestEmptyFlowAnswersBecomeBlock(t *testing.T) {
	p := write(t, "# Answers for widget.\nversion: 1\nproject: {}\nanswers: {}  # none yet\n# end\n")
	f, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("build", Answer{Status: Met, Justification: "go build ./..."})
	f.Set("test", Answer{Status: Unmet, Justification: "No tests yet: see issue 3."})
	f.SetProject(Project{Name: "widget"})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	got := string(b)
	for _, want := range []string{"# Answers for widget.\n", "answers:  # none yet\n  build:\n    status: Met\n", "  test:\n    status: Unmet\n", "project:\n  name: widget\n", "# end\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("saved file lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "{") {
		t.Errorf("answers or project left in flow style:\n%s", got)
	}
	g, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	if g.Answers["build"].Status != Met || g.Answers["test"].Justification != "No tests yet: see issue 3." || g.Project.Name != "widget" {
		t.Errorf("read back %+v %+v", g.Answers, g.Project)
	}
	// A flow mapping that holds answers stays as the user wrote it.
	p = write(t, "version: 1\nanswers: {build: {status: Met}}\n")
	f, _ = Load(p, cat)
	f.Set("test", Answer{Status: Met})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "answers: {build: {status: Met}, test: {status: Met}}") {
		t.Errorf("a written flow mapping changed style:\n%s", b)
	}
}
