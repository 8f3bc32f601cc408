package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// export -o over a .bestpractices.json kept from a download: the "?"
// placeholders and nulls the site ignores stay as they were, the display
// form the site does not read in a repository is renamed, and said so.
func TestExportOverPlaceholders(t *testing.T) {
	dir := writeAnswers(t, siteAnswers+"  maintained:\n    status: Met\n  osps_ac_01_01:\n    status: Met\n    justification: MFA enforced by the organisation.\n")
	old := `{
  "$schema": "https://example.org/bestpractices.schema.json",
  "name": "demo",
  "description_good_status": "Met",
  "description_good_justification": "The README says what it does.",
  "interact_status": "Met",
  "interact_justification": "Issues and discussions on GitHub.",
  "test_status": "Unmet",
  "test_justification": "Not yet.",
  "floss_license_status": "?",
  "floss_license_justification": null,
  "maintained_status": "Met",
  "maintained_justification": null,
  "OSPS-AC-01.01_status": "Met",
  "OSPS-AC-01.01_justification": "MFA enforced by the organisation."
}
`
	jsonPath := filepath.Join(dir, ".bestpractices.json")
	siteWrite(t, jsonPath, old)
	out, _, code := run(t, dir, "check", "--json-in-sync")
	if code != ExitNotMet || !strings.Contains(out, "OSPS-AC-01.01_status: the site does not read this field from a repository under this spelling; export writes osps_ac_01_01_status instead.") ||
		!strings.Contains(out, "osps_ac_01_01") || strings.Contains(out, "floss_license") {
		t.Errorf("check before: %d\n%s", code, out)
	}
	_, errOut, code := run(t, dir, "export", "-o", ".bestpractices.json")
	if code != ExitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	want := strings.NewReplacer("OSPS-AC-01.01_status", "osps_ac_01_01_status", "OSPS-AC-01.01_justification", "osps_ac_01_01_justification").Replace(old)
	if got := siteRead(t, jsonPath); got != want {
		t.Errorf("export over placeholders:\n%s\nwant:\n%s", got, want)
	}
	for _, w := range []string{"OSPS-AC-01.01_status is now osps_ac_01_01_status", "OSPS-AC-01.01_justification is now osps_ac_01_01_justification"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("export does not say %q: %q", w, errOut)
		}
	}
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitOK {
		t.Errorf("check after: %d\n%s", code, out)
	}
}

// An import into a repository without an answers file, a name or a remote
// writes no empty field: no name: "" nobody gave.
func TestImportWritesNoEmptyName(t *testing.T) {
	dir := t.TempDir()
	siteWrite(t, filepath.Join(dir, "h.json"), `{"homepage_url":"https://widget.example","contribution_status":"Met"}`)
	if _, errOut, code := run(t, dir, "import", "h.json"); code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	got := siteRead(t, filepath.Join(dir, ".bestpractices.yaml"))
	if strings.Contains(got, "name:") || strings.Contains(got, `""`) || !strings.Contains(got, "contribution:\n    status: Met\n") {
		t.Errorf("answers file:\n%s", got)
	}
	if out, _, code := run(t, dir, "export"); code != ExitOK || strings.Contains(out, `"name"`) {
		t.Errorf("export: %d %s", code, out)
	}
	// A name given later goes under a project block of its own.
	siteWrite(t, filepath.Join(dir, "n.json"), `{"name":"widget","repo_url":"https://github.com/acme/widget"}`)
	if _, errOut, code := run(t, dir, "import", "n.json"); code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if err != nil || f.Project.Name != "widget" || f.Project.URL != "https://github.com/acme/widget" || f.Answers["contribution"].Status != model.Met {
		t.Errorf("%v %+v", err, f)
	}
}

// check --json-in-sync names the file it read, .project.d/bestpractices.json
// included, in each difference.
func TestCheckJSONInSyncNamesTheFileRead(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	os.MkdirAll(filepath.Join(dir, ".project.d"), 0o755)
	siteWrite(t, filepath.Join(dir, ".project.d", "bestpractices.json"), `{"test_status": "Met"}`)
	out, _, code := run(t, dir, "check", "--json-in-sync")
	if code != ExitNotMet || !strings.Contains(out, "answers file Unmet (Not yet.) · .project.d/bestpractices.json Met") || strings.Contains(out, "· .bestpractices.json") {
		t.Errorf("%d\n%s", code, out)
	}
	out, _, _ = run(t, dir, "--lang", "ja", "check", "--json-in-sync")
	if !strings.Contains(out, "· .project.d/bestpractices.json") {
		t.Errorf("ja:\n%s", out)
	}
}
