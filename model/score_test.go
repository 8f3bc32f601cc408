package model

import (
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

func entry(cat criteria.Category, mods ...func(*criteria.Entry)) *criteria.Entry {
	e := &criteria.Entry{ID: "x", Category: cat}
	for _, m := range mods {
		m(e)
	}
	return e
}

var (
	urlRequired  = func(e *criteria.Entry) { e.MetURLRequired = true }
	justRequired = func(e *criteria.Entry) { e.MetJustificationRequired = true }
	naAllowed    = func(e *criteria.Entry) { e.NAAllowed = true }
	naJustified  = func(e *criteria.Entry) { e.NAAllowed, e.NAJustificationRequired = true, true }
)

func TestJudge(t *testing.T) {
	cases := []struct {
		name string
		e    *criteria.Entry
		a    Answer
		want Result
	}{
		{"unanswered", entry(criteria.Must), Answer{}, ResultUnknown},
		{"met plain", entry(criteria.Must), Answer{Status: Met}, ResultPassing},
		{"met needs url, none", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "see our site"}, ResultURLRequired},
		{"met needs url, has one", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "See https://example.org/x"}, ResultPassing},
		{"url needs a dot in the host", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "http://localhost/x"}, ResultURLRequired},
		{"url http counts", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "http://a.b"}, ResultPassing},
		{"url with nothing after the dot", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "https://example. org"}, ResultURLRequired},
		{"placeholder url does not count", entry(criteria.Must, urlRequired), Answer{Status: Met, Justification: "// https://example.org"}, ResultURLRequired},
		{"url checked before justification", entry(criteria.Must, urlRequired, justRequired), Answer{Status: Met}, ResultURLRequired},
		{"met needs justification, 4 chars", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "abcd"}, ResultJustificationRequired},
		{"met needs justification, 5 chars", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "abcde"}, ResultPassing},
		{"multi-byte counts characters", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "日本語です"}, ResultPassing},
		{"4 multi-byte characters are too few", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "日本語で"}, ResultJustificationRequired},
		{"placeholder justification", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "// fill this in"}, ResultJustificationRequired},
		{"slashes without space are fine", entry(criteria.Must, justRequired), Answer{Status: Met, Justification: "//fill"}, ResultPassing},
		{"na plain", entry(criteria.Must, naAllowed), Answer{Status: NA}, ResultPassing},
		{"na needs justification", entry(criteria.Must, naJustified), Answer{Status: NA, Justification: "no"}, ResultJustificationRequired},
		{"na justified", entry(criteria.Must, naJustified), Answer{Status: NA, Justification: "No network use."}, ResultPassing},
		{"na not allowed", entry(criteria.Must), Answer{Status: NA, Justification: "whatever it is"}, ResultInvalid},
		{"unmet must", entry(criteria.Must), Answer{Status: Unmet, Justification: "we do not"}, ResultFailing},
		{"unmet should justified", entry(criteria.Should), Answer{Status: Unmet, Justification: "small team"}, ResultBarely},
		{"unmet should unjustified", entry(criteria.Should), Answer{Status: Unmet}, ResultJustificationRequired},
		{"unmet should placeholder", entry(criteria.Should), Answer{Status: Unmet, Justification: "// todo later"}, ResultJustificationRequired},
		{"unmet suggested", entry(criteria.Suggested), Answer{Status: Unmet}, ResultBarely},
		{"problem never counts", entry(criteria.Must), Answer{Status: Met, Problem: &Msg{Key: "ui.file.problem.too_long"}}, ResultInvalid},
	}
	for _, c := range cases {
		if got := Judge(c.e, c.a); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestPercentage(t *testing.T) {
	cases := []struct{ sat, total, want int }{
		{0, 67, 0}, {67, 67, 100}, {66, 67, 99}, {1, 67, 1}, {1, 200, 1}, // 0.5 rounds up
		{1, 201, 0}, {1, 8, 13}, {3, 8, 38}, {199, 200, 99}, {995, 1000, 99}, {33, 67, 49}, {1, 3, 33}, {2, 3, 67},
	}
	for _, c := range cases {
		if got := Percentage(c.sat, c.total); got != c.want {
			t.Errorf("Percentage(%d, %d) = %d, want %d", c.sat, c.total, got, c.want)
		}
	}
	// 1 of 201 rounds to 0 yet something is satisfied: the badge shows 0.
}

// allMet answers every metal entry so that it counts.
func allMet(cat *criteria.Catalog, levels ...string) Answers {
	a := Answers{}
	for _, name := range levels {
		l, _ := cat.Level(name)
		for _, e := range l.Entries {
			if !e.Automatic() {
				a[e.ID] = Answer{Status: Met, Justification: "Done: https://example.org/evidence"}
			}
		}
	}
	return a
}

func TestComputePrerequisitesAndTiers(t *testing.T) {
	cat := criteria.Default()
	s := Compute(cat, Answers{})
	if s.BadgeLevel() != "in_progress" || s.TieredPercentage() != 0 {
		t.Fatalf("empty: %s %d", s.BadgeLevel(), s.TieredPercentage())
	}

	// Every silver entry answered but passing incomplete: achieve_passing is
	// unmet, so silver cannot reach 100.
	a := allMet(cat, "silver", "gold")
	s = Compute(cat, a)
	silver, _ := s.Level("silver")
	if silver.Achieved() || silver.Satisfied != silver.Total-1 || silver.Percentage != 98 {
		t.Errorf("silver without passing: %d/%d, %d%%", silver.Satisfied, silver.Total, silver.Percentage)
	}
	if s.TieredPercentage() >= 100 {
		t.Errorf("tiered %d without passing", s.TieredPercentage())
	}

	a = allMet(cat, "passing", "silver")
	s = Compute(cat, a)
	if s.BadgeLevel() != "silver" {
		t.Errorf("passing+silver answered: level %s", s.BadgeLevel())
	}
	gold, _ := s.Level("gold")
	if want := 200 + gold.Percentage; s.TieredPercentage() != want || gold.Satisfied == 0 {
		t.Errorf("tiered %d, want %d (gold %d/%d)", s.TieredPercentage(), want, gold.Satisfied, gold.Total)
	}

	// One shared id, unmet: report_tracker is SHOULD at passing (counts with a
	// justification) and MUST at silver (never counts when unmet).
	a["report_tracker"] = Answer{Status: Unmet, Justification: "Reports come by e-mail."}
	s = Compute(cat, a)
	p, _ := s.Level("passing")
	sv, _ := s.Level("silver")
	if !p.Achieved() || sv.Achieved() || s.BadgeLevel() != "passing" {
		t.Errorf("report_tracker unmet: passing %d%%, silver %d%%, level %s", p.Percentage, sv.Percentage, s.BadgeLevel())
	}
	if s.TieredPercentage() != 100+sv.Percentage {
		t.Errorf("tiered %d", s.TieredPercentage())
	}

	a = allMet(cat, "passing", "silver", "gold")
	s = Compute(cat, a)
	if s.BadgeLevel() != "gold" || s.TieredPercentage() != 300 {
		t.Errorf("everything met: %s %d", s.BadgeLevel(), s.TieredPercentage())
	}
	if s.Tiered(criteria.Baseline) != 0 || s.BaselineLevel() != "in_progress" {
		t.Errorf("baseline untouched: %d", s.Tiered(criteria.Baseline))
	}
}

func TestProposalsNeverOverwrite(t *testing.T) {
	f := New("x.yaml", criteria.Default(), Project{})
	f.Set("interact", Answer{Status: Unmet, Justification: "Not yet."})
	ps := Proposals{}
	ps.Add(Proposal{ID: "interact", Status: Met, Confidence: 1})
	ps.Add(Proposal{ID: "build", Status: Met, Justification: "go.mod", Confidence: 1})
	ps.Add(Proposal{ID: "build", Status: Unmet, Confidence: 3})
	ps.Add(Proposal{ID: "build", Status: NA, Confidence: 2})
	open := ps.Open(f.Answers)
	if len(open) != 1 || open[0].ID != "build" || open[0].Status != Unmet {
		t.Fatalf("open proposals %+v", open)
	}
	if f.Accept(ps["interact"]) || f.Answers["interact"].Status != Unmet {
		t.Error("a given answer was overwritten")
	}
	if !f.Accept(open[0]) || f.Answers["build"].Status != Unmet {
		t.Error("proposal not accepted")
	}
}
