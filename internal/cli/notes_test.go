package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// A note the user kept on an unanswered criterion (status "?", as export
// writes it) survives detect --apply and carry --apply, which say how many
// they left for their notes.
func TestApplyKeepsNotesOnUnanswered(t *testing.T) {
	note := "Moving the license to LICENSES/ with REUSE; answer after that lands."
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{
		"LICENSE": mit,
		".bestpractices.yaml": "version: 1\nproject:\n  name: w\nanswers:\n  license_location:\n    status: \"?\"\n    justification: \"" + note + "\"\n" +
			"  two_person_review:\n    status: Met\n    justification: Every change needs a review.\n  osps_qa_07_01:\n    status: \"?\"\n    justification: Ask the org admins first.\n",
	})
	p := filepath.Join(dir, ".bestpractices.yaml")
	out, errOut, code := run(t, dir, "detect", "--format", "json")
	if code != ExitOK {
		t.Fatalf("detect: code %d: %s", code, errOut)
	}
	var js detectJSON
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	for _, pr := range js.Proposals {
		if pr.ID == "license_location" && (!pr.Noted || pr.InBulk) {
			t.Errorf("JSON: a noted criterion is noted and not taken in bulk: %+v", pr)
		}
	}
	out, errOut, code = run(t, dir, "detect", "--apply")
	if code != ExitOK {
		t.Fatalf("detect --apply: code %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1 unanswered criterion holds a note you wrote") {
		t.Errorf("detect --apply does not say it kept the note:\n%s", out)
	}
	f, err := model.Parse("x", []byte(slurp(t, p)), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Answers["license_location"]; a.Status != model.Unknown || a.Justification != note {
		t.Errorf("detect --apply changed the noted criterion: %+v", a)
	}
	if a := f.Answers["floss_license"]; a.Status != model.Met {
		t.Errorf("the others are still filled: %+v", a)
	}
	out, _, code = run(t, dir, "carry", "--apply")
	if code != ExitOK || !strings.Contains(out, "2 unanswered criteria hold notes you wrote") {
		t.Errorf("carry --apply: code %d, does not say it kept the note:\n%s", code, out)
	}
	f, _ = model.Parse("x", []byte(slurp(t, p)), criteria.Default())
	if a := f.Answers["osps_qa_07_01"]; a.Status != model.Unknown || a.Justification != "Ask the org admins first." {
		t.Errorf("carry --apply changed the noted criterion: %+v", a)
	}
}
