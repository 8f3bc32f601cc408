package model

import (
	"strings"
	"testing"
)

// An unanswered criterion with a justification (status "?", as export
// writes a note kept for later) is still open to proposals, but nothing
// accepts over the note in bulk, and accepting one keeps it.
func TestNotesOnUnansweredAreKept(t *testing.T) {
	p := write(t, "version: 1\nanswers:\n  test:\n    status: \"?\"\n    justification: \"Waiting for the CI move; see issue 41.\"\n  build:\n    status: \"?\"\n")
	f, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	note := "Waiting for the CI move; see issue 41."
	if a := f.Answers["test"]; !a.Open() || a.Note() != note {
		t.Fatalf("test: open %v, note %q", a.Open(), a.Note())
	}
	if a := f.Answers["build"]; !a.Open() || a.Note() != "" {
		t.Fatalf("build: open %v, note %q", a.Open(), a.Note())
	}
	if (Answer{Status: Met, Justification: "x"}).Note() != "" || (Answer{Status: Met}).Open() {
		t.Error("an answered criterion is neither open nor noted")
	}
	test := Proposal{ID: "test", Status: Met, Justification: "Tests run with go test.", Confidence: ConfidenceFair}
	build := Proposal{ID: "build", Status: Met, Justification: "go build.", Confidence: ConfidenceStrong}
	weak := Proposal{ID: "dynamic_analysis", Status: Met, Justification: "Fuzz tests.", Confidence: ConfidenceWeak}
	take, nweak, noted := ForBulk([]Proposal{test, build, weak}, f.Answers, AcceptAllMin)
	if len(take) != 1 || take[0].ID != "build" || nweak != 1 || noted != 1 {
		t.Fatalf("ForBulk = %v, %d weak, %d noted; want [build], 1, 1", take, nweak, noted)
	}
	ps := Proposals{"test": test, "build": build}
	if got := ps.OpenInBulk(f.Answers); len(got) != 1 || got[0].ID != "build" {
		t.Errorf("OpenInBulk = %v, want only build", got)
	}
	if len(ps.Open(f.Answers)) != 2 {
		t.Error("a noted criterion is still open: its proposal is shown")
	}
	if f.Accept(test) {
		t.Fatal("Accept wrote over the user's note")
	}
	// Accepting it alone: the proposal's text, then the note.
	a := test.Over(f.Answers["test"])
	if a.Status != Met || a.Justification != "Tests run with go test.\n\n"+note {
		t.Errorf("Over = %+v", a)
	}
	if b := build.Over(f.Answers["build"]); b.Justification != build.Justification {
		t.Errorf("Over without a note adds nothing: %q", b.Justification)
	}
	f.Set("test", a)
	if !f.Accept(build) {
		t.Fatal("Accept refused an empty unanswered criterion")
	}
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	g, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Answers["test"].Justification; !strings.Contains(got, note) || !strings.HasPrefix(got, "Tests run") {
		t.Errorf("saved test justification %q lost the note or the proposal", got)
	}
	if g.Answers["build"].Status != Met {
		t.Errorf("build not filled: %+v", g.Answers["build"])
	}
}
