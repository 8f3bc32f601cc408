package model

import "testing"

func TestConfidenceScale(t *testing.T) {
	if !(ConfidenceWeak < ConfidenceFair && ConfidenceFair < ConfidenceStrong) {
		t.Fatal("the scale must rise")
	}
	for c, want := range map[int]string{ConfidenceWeak: "weak", ConfidenceFair: "fair", ConfidenceStrong: "strong", 0: "weak", 9: "strong"} {
		if got := ConfidenceName(c); got != want {
			t.Errorf("ConfidenceName(%d) = %q, want %q", c, got, want)
		}
	}
	if ConfidenceKey(ConfidenceFair) != "ui.detect.confidence.fair" {
		t.Errorf("ConfidenceKey = %q", ConfidenceKey(ConfidenceFair))
	}
}

// Accepting all at once takes the proposals of AcceptAllMin or more, for
// unanswered criteria only; weaker ones wait to be accepted one by one.
func TestOpenInBulk(t *testing.T) {
	ps := Proposals{}
	ps.Add(Proposal{ID: "build", Status: Met, Confidence: ConfidenceStrong})
	ps.Add(Proposal{ID: "test", Status: Met, Confidence: ConfidenceFair})
	ps.Add(Proposal{ID: "dynamic_analysis", Status: Met, Confidence: ConfidenceWeak})
	ps.Add(Proposal{ID: "interact", Status: Met, Confidence: ConfidenceStrong})
	answers := Answers{"interact": {Status: Unmet}}
	var got []string
	for _, p := range ps.OpenInBulk(answers) {
		got = append(got, p.ID)
	}
	if len(got) != 2 || got[0] != "build" || got[1] != "test" {
		t.Errorf("OpenInBulk = %v, want [build test]", got)
	}
	if len(ps.Open(answers)) != 3 {
		t.Errorf("Open still lists the weak one: %v", ps.Open(answers))
	}
	if (Proposal{Confidence: ConfidenceWeak}).InBulk() || !(Proposal{Confidence: AcceptAllMin}).InBulk() {
		t.Error("InBulk disagrees with AcceptAllMin")
	}
}
