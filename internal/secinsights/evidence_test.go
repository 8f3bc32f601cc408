package secinsights

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func findings(t *testing.T, src []byte) map[string]Finding {
	t.Helper()
	out := map[string]Finding{}
	for _, f := range Evidence(mustParse(t, src)) {
		if _, dup := out[f.ID]; dup {
			t.Errorf("two findings for %s", f.ID)
		}
		out[f.ID] = f
	}
	return out
}

// The specification's full example, read as the badge site reads it: each
// statement proposes its criterion, at the line that makes it.
func TestEvidenceFromSpecExample(t *testing.T) {
	got := findings(t, spec(t, "examples/example-full.yml"))
	want := []struct {
		id     string
		status model.Status
		field  string
		line   int
	}{
		{"vulnerability_report_process", model.Met, "project.vulnerability-reporting.reports-accepted", 44},
		{"vulnerability_report_private", model.Met, "project.vulnerability-reporting.pgp-key", 57},
		{"osps_vm_01_01", model.Met, "project.vulnerability-reporting.policy", 51},
		{"code_of_conduct", model.Met, "project.documentation.code-of-conduct", 30},
		{"maintained", model.Met, "repository.status", 64},
		{"contribution", model.Met, "repository.documentation.contributing-guide", 76},
		{"dependency_monitoring", model.Met, "repository.security.tools[0].type", 131},
		{"osps_vm_05_03", model.Met, "repository.security.tools[0].type", 131},
		{"release_notes", model.Met, "repository.release.changelog", 85},
		{"signed_releases", model.Met, "repository.release.attestations[2].predicate-uri", 98},
		{"osps_qa_02_02", model.Met, "repository.release.attestations[1].predicate-uri", 93},
		{"osps_sa_03_01", model.Met, "repository.security.assessments.self.evidence", 116},
		{"build", model.Met, "repository.release.automated-pipeline", 86},
	}
	for _, w := range want {
		f, ok := got[w.id]
		if !ok {
			t.Errorf("%s: no finding", w.id)
			continue
		}
		if f.Status != w.status || f.Field != w.field || f.Line != w.line {
			t.Errorf("%s: %v %s line %d, want %v %s line %d", w.id, f.Status, f.Field, f.Line, w.status, w.field, w.line)
		}
	}
	// security_review: the third-party assessment (2) beats the self one (1).
	if f := got["security_review"]; f.Field != "repository.security.assessments.third-party" || f.Confidence != 2 {
		t.Errorf("security_review: %+v", f)
	}
	// The tool's own comment is quoted, on one line.
	if c := got["dependency_monitoring"].Comment; c != "foo bar" {
		t.Errorf("comment %q", c)
	}
}

// A first-version file (SECURITY-INSIGHTS.yml as many projects still have
// it) is read as the site reads it.
func TestEvidenceFromV1(t *testing.T) {
	got := findings(t, real(t, "SECURITY-INSIGHTS-v1.yml"))
	if f := got["maintained"]; f.Status != model.Met || f.Line != 10 {
		t.Errorf("maintained: %+v", f)
	}
	if f := got["vulnerability_report_process"]; f.Status != model.Unmet || f.Line != 28 {
		t.Errorf("vulnerability_report_process: %+v", f)
	}
	if f := got["osps_vm_02_01"]; f.Status != model.Met || f.Line != 17 {
		t.Errorf("osps_vm_02_01: %+v", f)
	}
	if !mustParse(t, real(t, "SECURITY-INSIGHTS-v1.yml")).IsV1() {
		t.Error("not seen as version 1")
	}
}

// Values a reader could be fooled by: an empty string, a list of empty
// strings, a tool whose type is a list, a boolean written as text.
func TestEvidenceIgnoresEmptyAndMisshapen(t *testing.T) {
	src := `repository:
  documentation:
    contributing-guide: ""
    security-policy:
  security:
    tools:
      - type: [SAST]
      - "SCA"
      - name: x
        type: SCA
        integration: {ci: "true"}
project:
  vulnerability-reporting:
    reports-accepted: "false "
security-contacts: ["", ""]
`
	got := findings(t, []byte(src))
	for _, id := range []string{"contribution", "osps_vm_01_01", "static_analysis", "osps_vm_05_03", "osps_vm_02_01"} {
		if f, ok := got[id]; ok {
			t.Errorf("%s proposed from %s", id, f.Field)
		}
	}
	// "false " as text still says false, as the site reads it (to_s).
	if f := got["vulnerability_report_process"]; f.Status != model.Unmet {
		t.Errorf("reports-accepted text: %+v", f)
	}
	if f := got["dependency_monitoring"]; f.Field != "repository.security.tools[2].type" || f.Value != "SCA (x)" {
		t.Errorf("dependency_monitoring: %+v", f)
	}
}

// A comment quoted in a justification is one line and bounded.
func TestEvidenceCommentBounded(t *testing.T) {
	src := "repository:\n  release:\n    comment: \"" + strings.Repeat("very long ", 100) + "\"\n    changelog: https://x.org/c\n"
	f := findings(t, []byte(src))["release_notes"]
	if n := len([]rune(f.Comment)); n != maxComment+1 || strings.Contains(f.Comment, "\n") {
		t.Errorf("comment of %d characters: %q", n, f.Comment)
	}
}

// Feeds says which fields an answer fills in, in the file's order.
func TestFeeds(t *testing.T) {
	cases := map[string][]string{
		"vulnerability_report_process": {"project.vulnerability-reporting.reports-accepted", "project.vulnerability-reporting.policy", "repository.documentation.security-policy"},
		"maintained":                   {"repository.status"},
		"license_location":             {"repository.license.url"},
		"static_analysis":              {"repository.security.tools"},
		"osps_sa_03_01":                {"repository.security.assessments.self"},
		"contribution":                 {"repository.accepts-change-request", "repository.documentation.contributing-guide"},
		"crypto_pfs":                   nil,
		"no_such_criterion":            nil,
	}
	for id, want := range cases {
		if got := Feeds(id); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("Feeds(%s) = %v, want %v", id, got, want)
		}
	}
}

// What Feeds tells the walk is what the export does: an answer alone (Met,
// with an address) fills in each field Feeds names for it, and what the
// file then says, read back, agrees with the answer.
func TestFeedsMatchesExport(t *testing.T) {
	ids := map[string]bool{}
	for _, f := range urlFields {
		for _, id := range f.ids {
			ids[id] = true
		}
	}
	for _, list := range [][]string{reportsAcceptedIDs, noReportsIDs, changeRequestIDs, {statusID, selfAssessmentID}} {
		for _, id := range list {
			ids[id] = true
		}
	}
	for id := range ids {
		for _, st := range []model.Status{model.Met, model.Unmet} {
			in := demo()
			in.Answers = model.Answers{id: {Status: st, Justification: "Here: https://github.com/gizmo-org/gizmo/blob/main/doc.md"}}
			in.Facts.Files = nil
			in.Facts.Tools = nil
			as, _ := Build(in)
			// A release block to receive the change log.
			src := "repository:\n  release:\n    automated-pipeline: false\n    distribution-points:\n      - uri: https://x.org\n        comment: x\n"
			out, _, err := Merge([]byte(src), as)
			if err != nil {
				t.Fatalf("%s %v: %v", id, st, err)
			}
			d := mustParse(t, out)
			if st == model.Met {
				for _, field := range Feeds(id) {
					if v, _ := d.Get(field); v == nil {
						t.Errorf("%s Met: %s not written", id, field)
					}
				}
			}
			for _, f := range Evidence(d) {
				if f.ID == id && f.Status != st {
					t.Errorf("%s %v: the file says %v (%s)", id, st, f.Status, f.Field)
				}
			}
		}
	}
}

// A tool is left out when the maintainer answered its criterion Unmet.
func TestToolsFollowAnswers(t *testing.T) {
	in := demo()
	out, _ := merge(t, nil, in)
	if !strings.Contains(string(out), "name: CodeQL") {
		t.Fatal("tool not written")
	}
	in.Answers["static_analysis"] = model.Answer{Status: model.Unmet, Justification: "Only linters."}
	out, _ = merge(t, nil, in)
	if strings.Contains(string(out), "CodeQL") {
		t.Errorf("a SAST tool written against the answer:\n%s", out)
	}
}
