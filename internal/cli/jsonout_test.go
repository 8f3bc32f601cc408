package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// hostileEntry is a site entry shaped like the real download, whose
// justifications carry what a hostile co-maintainer could save on the site:
// a C1 CSI (U+009B) that clears the screen, a right-to-left override that
// makes "exe.png" read "gnp.exe", ESC sequences, an isolate and DEL.
const hostileEntry = `{
  "id": 4321,
  "name": "demo",
  "repo_url": "https://github.com/demo/demo",
  "badge_level": "in_progress",
  "interact_status": "Met",
  "interact_justification": "Mailing list \u009b2J\u009b31m red",
  "test_status": "Met",
  "test_justification": "see \u202egnp.exe\u202c and \u001b[41mRED\u001b[0m \u2066x\u2069 \u007f",
  "description_good_status": "Met",
  "description_good_justification": "The README says what it does."
}
`

// Every JSON a command prints keeps terminal controls as \uXXXX escapes:
// a script that prints a value it parsed decides what to do with them, and
// one that prints the JSON itself to a terminal is not driven by them.
func TestJSONOutputsEscapeTerminalControls(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	siteWrite(t, filepath.Join(dir, "4321.json"), hostileEntry)
	out, errOut, code := run(t, dir, "diff", "4321.json", "--format", "json")
	if code != ExitNotMet {
		t.Fatalf("diff: %d %s", code, errOut)
	}
	for _, r := range out {
		if r == 0x1b || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("diff --format json writes %U raw:\n%s", r, out)
		}
	}
	for _, want := range []string{`Mailing list \u009b2J\u009b31m red`, `see \u202egnp.exe\u202c and \u001b[41mRED\u001b[0m \u2066x\u2069 \u007f`} {
		if !strings.Contains(out, want) {
			t.Errorf("diff --format json lacks %s:\n%s", want, out)
		}
	}
	// Parsed, the values are what the file holds.
	var got diffJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	theirs := map[string]string{}
	for _, d := range got.Differences {
		if d.Theirs != nil {
			theirs[d.ID] = d.Theirs.Justification
		}
	}
	if theirs["interact"] != "Mailing list \u009b2J\u009b31m red" || theirs["test"] != "see \u202egnp.exe\u202c and \x1b[41mRED\x1b[0m \u2066x\u2069 \x7f" {
		t.Errorf("values changed: %q", theirs)
	}
}
