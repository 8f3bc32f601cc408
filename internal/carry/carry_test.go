package carry

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

var cat = criteria.Default()

func answers(kv ...any) model.Answers {
	a := model.Answers{}
	for i := 0; i+1 < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case model.Status:
			a[kv[i].(string)] = model.Answer{Status: v, Justification: "given for " + kv[i].(string)}
		case model.Answer:
			a[kv[i].(string)] = v
		}
	}
	return a
}

func TestCrossStatusNAToUnmet(t *testing.T) {
	a := answers("vulnerability_report_private", model.Answer{Status: model.NA, Justification: "No private channel yet."})
	ps := Propose(cat, a, i18n.English())
	p, ok := ps["osps_vm_03_01"]
	if !ok {
		t.Fatalf("no proposal for osps_vm_03_01: %+v", ps)
	}
	if p.Status != model.Unmet || p.Confidence != 2 {
		t.Errorf("N/A to private reporting carried as %s (%d), want Unmet (2)", p.Status, p.Confidence)
	}
	if p.Source != "from your answer to vulnerability_report_private" {
		t.Errorf("source %q", p.Source)
	}
	if p.Justification != "Carried across from the answer to vulnerability_report_private (N/A). No private channel yet." {
		t.Errorf("justification %q", p.Justification)
	}
	if len(p.Evidence) != 1 || p.Evidence[0] != "vulnerability_report_private" {
		t.Errorf("evidence %v", p.Evidence)
	}
	for id, p := range ps {
		if strings.HasPrefix(id, "osps_") == false || p.ID != id {
			t.Errorf("a metal answer proposed %s for %s", p.Status, id)
		}
	}
}

func TestMostConfidentWins(t *testing.T) {
	// osps_ac_03_01 Unmet suggests Unmet (2); osps_qa_07_01 Met suggests Met (3).
	ps := Propose(cat, answers("osps_ac_03_01", model.Unmet, "osps_qa_07_01", model.Met), i18n.English())
	if p := ps["two_person_review"]; p.Status != model.Met || p.Confidence != 3 || p.Evidence[0] != "osps_qa_07_01" {
		t.Errorf("two sources: %+v", p)
	}
	ps = Propose(cat, answers("osps_ac_03_01", model.Unmet), i18n.English())
	if p := ps["two_person_review"]; p.Status != model.Unmet || p.Confidence != 2 {
		t.Errorf("one source: %+v", p)
	}
	// Confidence 0 says nothing: external_dependencies Met -> osps_do_06_01.
	if p, ok := Propose(cat, answers("external_dependencies", model.Met), i18n.English())["osps_do_06_01"]; ok {
		t.Errorf("confidence 0 proposed %+v", p)
	}
}

func TestTieGoesToUnmetThenCatalogOrder(t *testing.T) {
	maps := []criteria.Mapping{
		{From: "test", To: "osps_qa_06_01", Met: criteria.Inference{Confidence: 2, Status: "Met"}},
		{From: "floss_license", To: "osps_qa_06_01", Unmet: criteria.Inference{Confidence: 2, Status: "Unmet"}},
		{From: "build", To: "osps_qa_06_01", Met: criteria.Inference{Confidence: 2, Status: "Met"}},
	}
	a := answers("test", model.Met, "floss_license", model.Unmet, "build", model.Met)
	if p := propose(cat, maps, intoOf(maps), a, i18n.English())["osps_qa_06_01"]; p.Status != model.Unmet || p.Evidence[0] != "floss_license" {
		t.Errorf("Met and Unmet at 2: got %s from %v", p.Status, p.Evidence)
	}
	delete(a, "floss_license")
	// build and test both say Met at 2: the one earlier in the badge's order.
	first := "test"
	for _, id := range cat.IDs() {
		if id == "build" || id == "test" {
			first = id
			break
		}
	}
	if p := propose(cat, maps, intoOf(maps), a, i18n.English())["osps_qa_06_01"]; p.Status != model.Met || p.Evidence[0] != first {
		t.Errorf("two Met at 2: got %s from %v, want %s", p.Status, p.Evidence, first)
	}
}

func TestNeverForAnAnsweredCriterion(t *testing.T) {
	a := answers("vulnerability_report_private", model.NA, "osps_vm_03_01", model.Met, "osps_qa_07_01", model.Met,
		"two_person_review", model.Answer{Status: model.Unmet})
	ps := Propose(cat, a, i18n.English())
	for _, id := range []string{"osps_vm_03_01", "two_person_review"} {
		if p, ok := ps[id]; ok {
			t.Errorf("proposed %s for %s, answered %s", p.Status, id, a[id].Status)
		}
	}
}

func TestNoNAWhereNotAllowed(t *testing.T) {
	// osps_br_02_01 N/A -> version_unique N/A at 3, but passing has no N/A
	// for version_unique.
	ps := Propose(cat, answers("osps_br_02_01", model.NA, "osps_br_02_02", model.NA), i18n.English())
	if p, ok := ps["version_unique"]; ok {
		t.Errorf("proposed %s for version_unique", p.Status)
	}
	// A weaker proposal that can be given takes its place.
	maps := []criteria.Mapping{
		{From: "osps_br_02_01", To: "version_unique", NA: criteria.Inference{Confidence: 3, Status: "N/A"}},
		{From: "osps_br_01_01", To: "version_unique", Met: criteria.Inference{Confidence: 1, Status: "Met"}},
	}
	p := propose(cat, maps, intoOf(maps), answers("osps_br_02_01", model.NA, "osps_br_01_01", model.Met), i18n.English())["version_unique"]
	if p.Status != model.Met || p.Confidence != 1 {
		t.Errorf("got %+v", p)
	}
}

func TestInvalidAnswersAreNotCarried(t *testing.T) {
	a := answers("vulnerability_report_private", model.Answer{Status: model.NA, Problem: &model.Msg{Key: "ui.file.problem.na_not_allowed"}})
	if ps := Propose(cat, a, i18n.English()); len(ps) != 0 {
		t.Errorf("an answer that does not count was carried: %+v", ps)
	}
}

func TestCarriedAnswersAreNotCarriedBack(t *testing.T) {
	en := i18n.English()
	xxFile, err := i18n.Parse("xx.yaml", []byte("meta:\n  tag: xx\nui:\n  carry:\n    note: \"Repris de {{.ID}} ({{.Status}}).\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	xx := i18n.FromFile(xxFile)
	// test Met -> osps_qa_06_01 Met is a weak guess (1); carried back,
	// osps_qa_06_01 Met would suggest test_continuous_integration Met at 3.
	// A note is recognised in the language in use and in every built-in one
	// (xx is not built in).
	for loc, later := range map[*i18n.Locale][]*i18n.Locale{en: {en, xx}, xx: {xx}} {
		carried := Propose(cat, answers("test", model.Met), loc)["osps_qa_06_01"]
		if carried.Confidence != 1 {
			t.Fatalf("test -> osps_qa_06_01: %+v", carried)
		}
		a := answers("test", model.Met, "osps_qa_06_01", model.Answer{Status: carried.Status, Justification: carried.Justification})
		for _, now := range later {
			if p, ok := Propose(cat, a, now)["test_continuous_integration"]; ok {
				t.Errorf("a carried answer (note %q) was carried back: %+v", carried.Justification, p)
			}
		}
		// Reviewed, with the note removed, it is the maintainer's own answer.
		a["osps_qa_06_01"] = model.Answer{Status: model.Met, Justification: "CI runs the suite."}
		if p := Propose(cat, a, loc)["test_continuous_integration"]; p.Status != model.Met || p.Confidence != 3 {
			t.Errorf("a reviewed answer was not carried: %+v", p)
		}
	}
	// A cross-status answer still carries the source's status in its note.
	n := Propose(cat, answers("vulnerability_report_private", model.NA), en)["osps_vm_03_01"]
	a := answers("osps_vm_03_01", model.Answer{Status: n.Status, Justification: n.Justification})
	if p, ok := Propose(cat, a, en)["vulnerability_report_private"]; ok {
		t.Errorf("a cross-status carried answer was carried back: %+v", p)
	}
}

func TestJustificationStaysWithinLimit(t *testing.T) {
	long := strings.Repeat("é", model.MaxJustification)
	p := Propose(cat, answers("test", model.Answer{Status: model.Met, Justification: long}), i18n.English())["osps_qa_06_02"]
	if n := utf8.RuneCountInString(p.Justification); n != model.MaxJustification || !strings.HasPrefix(p.Justification, "Carried across") {
		t.Errorf("%d characters, starting %q", n, p.Justification[:20])
	}
	p = Propose(cat, answers("test", model.Answer{Status: model.Met}), i18n.English())["osps_qa_06_02"]
	if p.Justification != "Carried across from the answer to test (Met)." {
		t.Errorf("empty justification carried as %q", p.Justification)
	}
}
