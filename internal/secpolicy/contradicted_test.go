package secpolicy

import (
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

func TestContradicted(t *testing.T) {
	process := model.Proposal{ID: "vulnerability_report_process", Status: model.Met, Justification: "published at https://example.org/SECURITY.md", Confidence: 3}
	given := model.Answers{
		"vulnerability_report_process":  {Status: model.Unmet, Justification: "none yet"},
		"vulnerability_report_private":  {Status: model.NA, Justification: "public issues only"},
		"vulnerability_report_response": {Status: model.Unmet, Justification: "slow so far"},
		"osps_vm_01_01":                 {Status: model.Unmet},
		"osps_vm_02_01":                 {Status: model.Met, Justification: "MAINTAINERS.md"},
		"osps_vm_03_01":                 {Status: model.Unmet},
	}
	direct := model.Proposal{ID: "osps_vm_01_01", Status: model.Met, Justification: "the policy's disclosure section", Confidence: 2}
	found := model.Proposals{
		process.ID: process,
		direct.ID:  direct,
		// private reporting not found in the file: nothing is claimed for it
		"vulnerability_report_response": {ID: "vulnerability_report_response", Status: model.Met, Justification: "promise"},
	}
	got := Contradicted(given, found)
	want := map[string]string{
		"vulnerability_report_process": process.Justification,
		"osps_vm_01_01":                direct.Justification, // its own proposal first
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %v", got, want)
	}
	for _, c := range got {
		if w, ok := want[c.Replacement.ID]; !ok || c.Replacement.Justification != w || c.Replacement.Status != model.Met {
			t.Errorf("unexpected %+v", c)
		}
		if c.Given != given[c.Replacement.ID] {
			t.Errorf("%s: given %+v, want %+v", c.Replacement.ID, c.Given, given[c.Replacement.ID])
		}
	}

	found["vulnerability_report_private"] = model.Proposal{ID: "vulnerability_report_private", Status: model.Met, Justification: "privately, at https://example.org/SECURITY.md"}
	got = Contradicted(given, found)
	ids := map[string]string{}
	for _, c := range got {
		ids[c.Replacement.ID] = c.Replacement.Justification
	}
	if ids["osps_vm_03_01"] != found["vulnerability_report_private"].Justification || ids["vulnerability_report_private"] == "" {
		t.Errorf("private reporting found: %v", ids)
	}
	if _, ok := ids["osps_vm_02_01"]; ok {
		t.Error("a Met answer was listed as contradicted")
	}
}

// Every criterion the policy is said to establish exists, and each
// Baseline one is a counterpart of its metal criterion in the mappings.
func TestEstablishedCriteriaExist(t *testing.T) {
	cat := criteria.Default()
	mapped := map[[2]string]bool{}
	for _, m := range criteria.MappingsFrom(criteria.MetalToBaseline) {
		mapped[[2]string{m.From, m.To}] = true
	}
	for _, e := range establishes {
		if !cat.Known(e.id) || !cat.Known(e.by) {
			t.Errorf("%s (by %s) is not in the catalog", e.id, e.by)
		}
		if e.id != e.by && !mapped[[2]string{e.by, e.id}] {
			t.Errorf("%s is not a counterpart of %s in mappings.yaml", e.id, e.by)
		}
	}
}
