package model

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
)

func TestStatusMarks(t *testing.T) {
	cases := []struct {
		e    *criteria.Entry
		a    Answer
		want string
	}{
		{entry(criteria.Must), Answer{Status: Met}, "✓"},
		{entry(criteria.Suggested), Answer{Status: Unmet}, "✗"}, // counts
		{entry(criteria.Must), Answer{Status: Unmet}, "!"},      // does not
		{entry(criteria.Must, naAllowed), Answer{Status: NA}, "–"},
		{entry(criteria.Must, urlRequired), Answer{Status: Met}, "!"},
		{entry(criteria.Must), Answer{}, "?"},
	}
	for _, c := range cases {
		es := EntryScore{Entry: c.e, Answer: c.a, Result: Judge(c.e, c.a)}
		if got := StatusMark(es); got != c.want {
			t.Errorf("%s %v: mark %q, want %q", c.e.Category, c.a.Status, got, c.want)
		}
	}
}

func TestBarAndBlockers(t *testing.T) {
	for _, pct := range []int{-5, 0, 33, 100, 140} {
		full, empty := Bar(pct, 20)
		if n := len([]rune(full + empty)); n != 20 {
			t.Errorf("Bar(%d) is %d cells", pct, n)
		}
	}
	if full, _ := Bar(50, 20); strings.Count(full, "█") != 10 {
		t.Errorf("half bar: %q", full)
	}
	cat := criteria.Default()
	s := Compute(cat, Answers{"description_good": {Status: Met}})
	next := NextLevels(s)
	if len(next) != 2 || next[0].Level.Name != "passing" || next[1].Level.Name != "baseline-1" {
		t.Fatalf("next levels: %v", next)
	}
	b := Blockers(next[0])
	if len(b) != next[0].Total-1 || b[0].Entry.ID == "description_good" {
		t.Errorf("blockers: %d of %d", len(b), next[0].Total)
	}
	if r := Reason(i18n.English(), b[0]); r == "" || strings.Contains(r, "ui.") {
		t.Errorf("reason: %q", r)
	}
}
