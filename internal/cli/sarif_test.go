package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type sarifOut struct {
	Runs []struct {
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				Physical struct {
					Artifact struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func checkSARIFRun(t *testing.T, dir string, args ...string) (sarifOut, string, int) {
	t.Helper()
	out, errOut, code := run(t, dir, append([]string{"check", "--format", "sarif"}, args...)...)
	var log sarifOut
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("stdout is not the SARIF log: %v\n%s", err, out)
	}
	return log, errOut, code
}

func TestCheckSARIFExitsAsCheckDoes(t *testing.T) {
	dir := writeAnswers(t, passingAnswers())
	log, _, code := checkSARIFRun(t, dir)
	if code != ExitOK || len(log.Runs) != 1 || len(log.Runs[0].Results) != 0 {
		t.Errorf("passing achieved: code %d, %+v", code, log)
	}

	// contribution Met without a URL, an id that is no criterion, a cited
	// file that is gone.
	src := strings.Replace(passingAnswers(), "    justification: See https://example.org/contribution\n", "    justification: We take pull requests.\n", 1)
	src = strings.Replace(src, "    justification: See https://example.org/tests_are_added\n", "    justification: See https://example.org/tests_are_added and docs/TESTING.md\n", 1)
	src += "  not_a_criterion:\n    status: Met\n"
	dir = writeAnswers(t, src)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	log, errOut, code := checkSARIFRun(t, dir)
	if code != ExitNotMet {
		t.Errorf("one answer does not count: code %d", code)
	}
	got := map[string]string{}
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].Physical
		got[r.RuleID] = r.Level + "@" + loc.Artifact.URI + ":" + itoaTest(loc.Region.StartLine)
	}
	lines := strings.Split(src, "\n")
	lineOf := func(prefix string, after int) int {
		for i := after; i < len(lines); i++ {
			if strings.HasPrefix(lines[i], prefix) {
				return i + 1
			}
		}
		return -1
	}
	contribution := lineOf("  contribution:", 0)
	want := map[string]string{
		"contribution":      "error@.bestpractices.yaml:" + itoaTest(lineOf("    justification:", contribution)),
		"unknown-criterion": "warning@.bestpractices.yaml:" + itoaTest(lineOf("  not_a_criterion:", 0)),
		"tests_are_added":   "warning@.bestpractices.yaml:" + itoaTest(lineOf("    justification:", lineOf("  tests_are_added:", 0))),
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %q, want %q", id, got[id], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("results %v", got)
	}
	if !strings.Contains(errOut, "docs/TESTING.md") {
		t.Errorf("the stale warning still goes to stderr: %q", errOut)
	}

	// --strict: the stale citation fails an achieved level too.
	src = strings.Replace(passingAnswers(), "    justification: See https://example.org/tests_are_added\n", "    justification: See docs/TESTING.md at https://example.org/\n", 1)
	dir = writeAnswers(t, src)
	if _, _, code := checkSARIFRun(t, dir); code != ExitOK {
		t.Errorf("stale evidence without --strict: %d", code)
	}
	if _, _, code := checkSARIFRun(t, dir, "--strict"); code != ExitNotMet {
		t.Errorf("stale evidence with --strict: %d", code)
	}
	if _, errOut, code := run(t, dir, "check", "--format", "xml"); code != ExitBadInput || !strings.Contains(errOut, "sarif") {
		t.Errorf("unknown format: %d %q", code, errOut)
	}
}

func itoaTest(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
