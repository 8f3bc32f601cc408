package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

func TestWorkflowControls(t *testing.T) {
	safe := map[string]string{
		"go.mod":                   "module w\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go test ./...\n",
		".github/workflows/release.yml": "on:\n  push:\n    tags: ['v*']\npermissions: {}\njobs:\n  release:\n    permissions:\n      contents: write\n      id-token: write\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - uses: goreleaser/goreleaser-action@v6\n      - uses: actions/attest-build-provenance@v2\n      - uses: anchore/sbom-action@v0\n",
	}
	rep := scan(t, fixture(t, safe))
	want(t, rep, "osps_ac_04_02", model.Met, "2 workflows")
	p := want(t, rep, "osps_ac_04_01", model.Met)
	if p.Confidence != weak || !strings.Contains(p.Justification, "read-only") {
		t.Errorf("the forge's default is only confirmed by the maintainer: %d %q", p.Confidence, p.Justification)
	}
	want(t, rep, "osps_br_01_03", model.Met)
	want(t, rep, "osps_br_01_01", model.Met)
	want(t, rep, "osps_br_06_01", model.Met, "release.yml:13")
	if p := rep.Proposals["osps_br_06_01"]; p.Confidence != strong {
		t.Errorf("signing in the release workflow is strong; %d", p.Confidence)
	}
	want(t, rep, "osps_qa_02_02", model.Met, "release.yml:14")
	want(t, rep, "osps_br_02_02", model.Met, "release.yml:12")

	risky := map[string]string{
		".github/workflows/triage.yml": "on:\n  issues:\n    types: [opened]\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n",
		".github/workflows/pr.yml":     "on: pull_request_target\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n",
		".github/workflows/deploy.yml": "on:\n  workflow_dispatch:\n    inputs:\n      target:\n        type: string\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh ${{ inputs.target }}\n",
	}
	rep = scan(t, fixture(t, risky))
	want(t, rep, "osps_br_01_01", model.Unmet, "github.event.issue.title", "triage.yml:8")
	want(t, rep, "osps_br_01_03", model.Unmet, "pull_request.head.sha", "pr.yml:7")
	want(t, rep, "osps_br_01_04", model.Unmet, "inputs.target", "deploy.yml:10")
	want(t, rep, "osps_ac_04_02", model.Unmet, "write-all", "pr.yml:2")
	none(t, rep, "osps_ac_04_01")
	if u := undecidedOf(rep, "osps_ac_04_01"); u.Why != WhyForge || !strings.Contains(u.Note, "deploy.yml") {
		t.Errorf("workflows without permissions leave the default to the forge: %+v", u)
	}

	// A workflow that is not YAML leaves the controls undecided.
	rep = scan(t, fixture(t, map[string]string{".github/workflows/bad.yml": "on: [push\n"}))
	none(t, rep, "osps_br_01_01")
	if u := undecidedOf(rep, "osps_br_01_01"); !strings.Contains(u.Note, "bad.yml") {
		t.Errorf("an unparsed workflow should be named: %+v", u)
	}
}

func TestSettingsFiles(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		".github/settings.yml": "repository:\n  name: widget\nbranches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        required_approving_review_count: 2\n      required_status_checks:\n        strict: true\n        contexts: [ci]\n",
	}))
	want(t, rep, "osps_ac_03_01", model.Met, "settings.yml:5")
	want(t, rep, "osps_ac_03_02", model.Met)
	want(t, rep, "osps_qa_07_01", model.Met, "2 approving reviews", "settings.yml:7")
	want(t, rep, "two_person_review", model.Met)
	want(t, rep, "osps_qa_03_01", model.Met, "settings.yml:8")

	rep = scan(t, fixture(t, map[string]string{
		".asf.yaml": "github:\n  protected_branches:\n    main:\n      required_pull_request_reviews:\n        required_approving_review_count: 1\n",
	}))
	want(t, rep, "osps_ac_03_01", model.Met, ".asf.yaml:2")
	want(t, rep, "osps_qa_07_01", model.Met, "1 approving review")

	rep = scan(t, fixture(t, map[string]string{
		"terraform/github.tf": "resource \"github_branch_protection\" \"main\" {\n  pattern = \"main\"\n  allows_deletions = true\n  required_pull_request_reviews {\n    required_approving_review_count = 0\n  }\n}\n",
	}))
	want(t, rep, "osps_ac_03_01", model.Met, "github.tf:1")
	want(t, rep, "osps_ac_03_02", model.Unmet, "github.tf:3")
	want(t, rep, "osps_qa_07_01", model.Unmet, "github.tf:5")

	// Without a settings file, only the forge can tell, and --explain says so.
	rep = scan(t, fixture(t, map[string]string{"README.md": "# w\n"}))
	for _, id := range []string{"osps_ac_01_01", "osps_ac_03_01", "osps_qa_07_01"} {
		none(t, rep, id)
		if u := undecidedOf(rep, id); u.Why != WhyForge || u.Note == "" {
			t.Errorf("%s: %+v, want forge with a note", id, u)
		}
	}
}

func TestDCOEnforced(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{"CONTRIBUTING.md": "# Contributing\n\nSign off every commit (git commit -s) to certify the DCO.\n"}))
	p := want(t, rep, "osps_le_01_01", model.Met)
	if p.Confidence != weak {
		t.Errorf("a sign-off asked for, not enforced, is weak: %d", p.Confidence)
	}
	rep = scan(t, fixture(t, map[string]string{
		"CONTRIBUTING.md":           "# Contributing\n\nSign off every commit.\n",
		".github/workflows/dco.yml": "on: pull_request\njobs:\n  dco:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: tim-actions/dco@v1.1.0\n",
	}))
	if p := want(t, rep, "osps_le_01_01", model.Met, "dco.yml:6"); p.Confidence != strong {
		t.Errorf("a DCO check in CI is strong: %d", p.Confidence)
	}
}

func TestTreeBinaries(t *testing.T) {
	dir := fixture(t, map[string]string{
		"go.mod":              "module w\n",
		"tools/protoc":        "\x7fELF\x02\x01\x01 program",
		"lib/helper.jar":      "PK\x03\x04",
		"testdata/sample.zip": "PK\x03\x04",
		"docs/logo.png":       "\x89PNG",
	})
	rep := scan(t, dir)
	want(t, rep, "osps_qa_05_01", model.Unmet, "tools/protoc", "lib/helper.jar")
	p := want(t, rep, "osps_qa_05_02", model.Unmet, "lib/helper.jar")
	if strings.Contains(p.Justification, "sample.zip") {
		t.Errorf("test data is not counted: %s", p.Justification)
	}
	for _, u := range rep.Unchecked {
		if u.Path == "tools/protoc" {
			t.Errorf("a program looked at for its header is not reported as unread: %v", u)
		}
	}
	rep = scan(t, fixture(t, map[string]string{"go.mod": "module w\n", "main.go": "package main\n"}))
	want(t, rep, "osps_qa_05_01", model.Met, "2 files")
	want(t, rep, "osps_qa_05_02", model.Met)
}

func TestDerivedBaselineControls(t *testing.T) {
	dir := fixture(t, map[string]string{
		"LICENSE":         mitText,
		"README.md":       "# Widget\n\nWidget turns plain text files into tidy tables.\n\n## Usage\n\nRun widget with a file name and it prints the table.\n",
		"CONTRIBUTING.md": "# Contributing\n\nOpen a pull request; every change needs tests.\n",
		"CHANGELOG.md":    "# Changelog\n\n## 1.0.0\n- first\n",
	})
	fakeGit(t, dir, "https://github.com/acme/widget")
	rep := scan(t, dir)
	for base, from := range map[string]string{
		"osps_le_02_01": "floss_license", "osps_le_03_01": "license_location", "osps_do_01_01": "documentation_basics",
		"osps_gv_03_01": "contribution", "osps_gv_03_02": "contribution_requirements", "osps_br_04_01": "release_notes",
		"osps_qa_01_02": "repo_track",
	} {
		b, f := rep.Proposals[base], rep.Proposals[from]
		if b.ID == "" || b.Status != f.Status || b.Confidence != f.Confidence || b.Justification != f.Justification {
			t.Errorf("%s should carry %s's proposal: %+v vs %+v", base, from, b, f)
		}
	}
	want(t, rep, "osps_le_03_02", model.Met, "LICENSE")
	if p := want(t, rep, "osps_qa_01_01", model.Met, "github.com/acme/widget"); p.Confidence != weak {
		t.Errorf("whether the repository is public is the forge's to say: %d", p.Confidence)
	}
}

// Every weak proposal says what to confirm; every proposal is on the scale.
func checkConfidence(t *testing.T, rep *Report) {
	t.Helper()
	// A printable marker: texts are cleaned after their values are filled in.
	confirm := strings.SplitN(i18n.English().T("ui.detect.confirm", "What", "WHAT-MARKER"), "WHAT-MARKER", 2)[0]
	for id, p := range rep.Proposals {
		if p.Confidence < weak || p.Confidence > strong {
			t.Errorf("%s: confidence %d is off the scale", id, p.Confidence)
		}
		if p.Confidence == weak && !strings.Contains(p.Justification, confirm) {
			t.Errorf("%s: weak, but the justification does not say what to confirm: %q", id, p.Justification)
		}
	}
}
