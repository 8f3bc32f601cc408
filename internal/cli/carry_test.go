package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

const carryAnswers = `version: 1
project:
  name: demo
answers:
  # We have no private channel; see issue 12.
  vulnerability_report_private:
    status: N/A
    justification: No private reporting yet.
  osps_ac_03_01:
    status: Unmet # branch protection is planned
    justification: Direct pushes are allowed.
  two_person_review:
    status: Met
    justification: Every PR is reviewed, https://example.org/reviews
  test:
    status: Met
    justification: go test ./... https://example.org/ci
`

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCarryListsWithoutWriting(t *testing.T) {
	dir := writeAnswers(t, carryAnswers)
	out, errOut, code := run(t, dir, "carry")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{"4 answers can be carried across", "osps_vm_03_01", "Unmet", "confidence 2", "from your answer to vulnerability_report_private", "osps_qa_06_02", "carry --apply"} {
		if !strings.Contains(out, want) {
			t.Errorf("carry lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "two_person_review ") {
		t.Errorf("proposed an answer for two_person_review, which is answered:\n%s", out)
	}
	if got := readFile(t, filepath.Join(dir, ".bestpractices.yaml")); got != carryAnswers {
		t.Errorf("carry without --apply changed the file:\n%s", got)
	}

	out, _, _ = run(t, dir, "carry", "--min-confidence", "2")
	if strings.Contains(out, "osps_qa_06_01 ") || !strings.Contains(out, "osps_qa_06_02") {
		t.Errorf("--min-confidence 2 kept the weak test -> osps_qa_06_01 or dropped more:\n%s", out)
	}
	for _, bad := range [][]string{{"--min-confidence", "0"}, {"--min-confidence", "4"}, {"--format", "xml"}} {
		if _, errOut, code := run(t, dir, append([]string{"carry"}, bad...)...); code != ExitBadInput || errOut == "" {
			t.Errorf("carry %v: code %d, %q", bad, code, errOut)
		}
	}
}

func TestCarryApplyKeepsAnswersAndComments(t *testing.T) {
	dir := writeAnswers(t, carryAnswers+"  osps_qa_06_02:\n    status: Unmet\n    justification: Not every change adds a test.\n")
	p := filepath.Join(dir, ".bestpractices.yaml")
	out, errOut, code := run(t, dir, "carry", "--apply")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Filled 3 criteria in .bestpractices.yaml") || !strings.Contains(out, "osps_vm_03_01") {
		t.Errorf("apply output:\n%s", out)
	}
	text := readFile(t, p)
	for _, want := range []string{"# We have no private channel; see issue 12.", "# branch protection is planned", "Not every change adds a test."} {
		if !strings.Contains(text, want) {
			t.Errorf("file lost %q:\n%s", want, text)
		}
	}
	f, err := model.Load(p, criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Answers["osps_qa_06_02"]; a.Status != model.Unmet || a.Justification != "Not every change adds a test." {
		t.Errorf("a given answer was overwritten: %+v", a)
	}
	if a := f.Answers["two_person_review"]; a.Status != model.Met {
		t.Errorf("two_person_review changed: %+v", a)
	}
	a := f.Answers["osps_vm_03_01"]
	if a.Status != model.Unmet || !strings.Contains(a.Justification, "vulnerability_report_private") || !strings.Contains(a.Justification, "No private reporting yet.") {
		t.Errorf("osps_vm_03_01 filled as %+v", a)
	}
	// What was filled is not carried back the other way.
	out, _, _ = run(t, dir, "carry")
	if !strings.Contains(out, "Nothing to carry across") {
		t.Errorf("second run:\n%s", out)
	}
}

func TestCarryJSONAndBadFile(t *testing.T) {
	dir := writeAnswers(t, carryAnswers)
	out, _, code := run(t, dir, "carry", "--format", "json", "--min-confidence", "2")
	if code != ExitOK {
		t.Fatal(code)
	}
	var got CarryOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, p := range got.Proposals {
		if p.Confidence < 2 {
			t.Errorf("confidence %d listed", p.Confidence)
		}
		if p.ID == "osps_vm_03_01" {
			found = true
			if p.Status != "Unmet" || p.From != "vulnerability_report_private" || p.FromStatus != "N/A" || p.Level != "baseline-2" {
				t.Errorf("%+v", p)
			}
		}
	}
	if !found || got.Applied {
		t.Errorf("json: %+v", got)
	}

	bad := "version: 1\nanswers:\n  test:\n    status: maybe\n  vulnerability_report_private:\n    status: N/A\n"
	dir = writeAnswers(t, bad)
	_, errOut, code := run(t, dir, "carry", "--apply")
	if code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.yaml:4") {
		t.Errorf("bad file: code %d, %q", code, errOut)
	}
	if got := readFile(t, filepath.Join(dir, ".bestpractices.yaml")); got != bad {
		t.Errorf("a file we cannot read was rewritten:\n%s", got)
	}
}
