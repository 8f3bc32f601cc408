package detect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/secinsights"
	"github.com/bestpractices/bestpractices/model"
)

func realSI(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "secinsights", "testdata", "real", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A security-insights.yml in .github/ is evidence: each proposal cites the
// file and the line of the statement, and never outweighs what the
// repository itself shows.
func TestSecurityInsightsEvidence(t *testing.T) {
	dir := fixture(t, map[string]string{
		".github/security-insights.yml": realSI(t, "v22-commented.yml"),
		"CONTRIBUTING.md":               "# Contributing\n\nOpen a pull request with tests.\n",
	})
	rep := scan(t, dir)
	p := want(t, rep, "maintained", model.Met, ".github/security-insights.yml:43", "repository.status: active")
	if len(p.Evidence) != 1 || p.Evidence[0] != ".github/security-insights.yml:43" || p.Confidence != 2 {
		t.Errorf("maintained: %+v", p)
	}
	want(t, rep, "osps_vm_01_01", model.Met, ".github/security-insights.yml:34", "https://github.com/gizmo-org/gizmo/blob/main/SECURITY.md",
		"Report through GitHub private vulnerability reporting.")
	want(t, rep, "signed_releases", model.Met, "repository.release.attestations[0].predicate-uri: https://slsa.dev/provenance/v1")
	want(t, rep, "security_review", model.Met, "repository.security.assessments.third-party")
	// CONTRIBUTING.md itself beats the file's claim.
	if p := rep.Proposals["contribution"]; p.Confidence < fair || !strings.Contains(p.Evidence[0], "CONTRIBUTING.md") {
		t.Errorf("contribution: %+v", p)
	}
}

// The first version, under its own name at the top of the repository.
func TestSecurityInsightsV1(t *testing.T) {
	dir := fixture(t, map[string]string{"SECURITY-INSIGHTS.yml": realSI(t, "SECURITY-INSIGHTS-v1.yml")})
	rep := scan(t, dir)
	want(t, rep, "osps_vm_02_01", model.Met, "SECURITY-INSIGHTS.yml:17")
	want(t, rep, "maintained", model.Met, "project-lifecycle.status: active")
}

// A hostile or broken file proposes nothing and is reported with why.
func TestSecurityInsightsHostile(t *testing.T) {
	cases := map[string]string{
		"anchors":         "repository: &r\n  status: active\nproject: *r\n",
		"second document": "repository:\n  status: inactive\n---\nrepository:\n  status: active\n",
		"bad yaml":        realSI(t, "v20-bad-yaml.yml"),
		"escape":          "repository:\n  status: active\n  documentation:\n    contributing-guide: \"https://x.org/\\e[31mred\"\n",
	}
	for name, content := range cases {
		dir := fixture(t, map[string]string{"security-insights.yml": content})
		rep := scan(t, dir)
		if name == "escape" {
			p := rep.Proposals["contribution"]
			if strings.ContainsRune(p.Justification, 0x1b) {
				t.Errorf("escape reached the justification: %q", p.Justification)
			}
			continue
		}
		for id, p := range rep.Proposals {
			for _, ev := range p.Evidence {
				if strings.HasPrefix(ev, "security-insights.yml") {
					t.Errorf("%s: %s proposed from the file", name, id)
				}
			}
		}
		if !uncheckedHas(rep, "security-insights.yml", "not read as Security Insights") {
			t.Errorf("%s: not reported: %v", name, rep.Unchecked)
		}
	}
	// A huge file is cut short by the reader: never read half-way.
	big := "repository:\n  status: active\n  comment: |\n" + strings.Repeat("    x\n", DefaultMaxRead/6+10)
	rep := scan(t, fixture(t, map[string]string{"security-insights.yml": big}))
	if p, ok := rep.Proposals["maintained"]; ok && strings.Contains(p.Justification, "security-insights") {
		t.Errorf("huge file read: %+v", p)
	}
}

// The facts the export is built from, read from a realistic repository.
func TestInsightsFacts(t *testing.T) {
	dir := fixture(t, map[string]string{
		"LICENSE":                          mitText,
		"SECURITY.md":                      "# Security\n\nMail security@example.org.\n",
		"CODE_OF_CONDUCT.md":               "# Code of conduct\n",
		".github/dependabot.yml":           "version: 2\n",
		".github/workflows/ci.yml":         "on:\n  push:\n    tags: ['v*']\njobs:\n  t:\n    steps:\n      - run: go vet ./...\n      - uses: github/codeql-action/analyze@v3\n      - run: trufflehog git file://.\n",
		".github/workflows/fuzz.yml":       "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  f:\n    steps:\n      - run: go test ./parser -fuzz FuzzParse -fuzztime 10m\n",
		".github/workflows/docs.yml":       "on: push\njobs:\n  d:\n    steps:\n      - run: eslint .\n",
		"docs/notes.md":                    "nothing\n",
		"internal/x/security-insights.yml": "not the repository's file\n",
	})
	f, err := InsightsFacts(dir, criteria.Default(), Options{Now: now, NoGitCommand: true})
	if err != nil {
		t.Fatal(err)
	}
	if f.License != "MIT" || f.Files[secinsights.FileLicense].Path != "LICENSE" || f.Files[secinsights.FileSecurity].Path != "SECURITY.md" ||
		f.Files[secinsights.FileCodeOfConduct].Path != "CODE_OF_CONDUCT.md" || f.AutomatedChanges != ".github/dependabot.yml" {
		t.Errorf("facts: %+v", f)
	}
	got := map[string]secinsights.Tool{}
	for _, tl := range f.Tools {
		got[tl.Name] = tl
	}
	if tl := got["CodeQL"]; tl.Type != "SAST" || !tl.CI || !tl.Release || tl.Adhoc || tl.Line != 8 {
		t.Errorf("CodeQL: %+v", tl)
	}
	if tl := got["TruffleHog"]; tl.Type != "secret" {
		t.Errorf("TruffleHog: %+v", tl)
	}
	if tl := got["go test -fuzz"]; tl.Type != "fuzzing" || !tl.Adhoc || tl.Release {
		t.Errorf("fuzzing: %+v", tl)
	}
	if tl := got["Dependabot"]; tl.Type != "SCA" || !tl.Adhoc || tl.CI {
		t.Errorf("Dependabot: %+v", tl)
	}
	for _, lint := range []string{"go vet", "ESLint"} {
		if _, ok := got[lint]; ok {
			t.Errorf("%s, a linter, listed as a security tool", lint)
		}
	}
	// Two license texts and no declaration: AND or OR, we do not say.
	dir = fixture(t, map[string]string{"LICENSE-MIT": mitText, "LICENSE-APACHE": "SPDX-License-Identifier: Apache-2.0\n"})
	if f, _ := InsightsFacts(dir, criteria.Default(), Options{Now: now, NoGitCommand: true}); f.License != "" {
		t.Errorf("dual license guessed: %q", f.License)
	}
	dir = fixture(t, map[string]string{"LICENSE-MIT": mitText, "LICENSE-APACHE": "SPDX-License-Identifier: Apache-2.0\n", "Cargo.toml": "[package]\nlicense = \"MIT OR Apache-2.0\"\n"})
	if f, _ := InsightsFacts(dir, criteria.Default(), Options{Now: now, NoGitCommand: true}); f.License != "MIT OR Apache-2.0" {
		t.Errorf("declared dual license: %q", f.License)
	}
}

// The license Security Insights states is read from the manifests as the
// floss_license proposal reads it: a gem's or a .NET project's file named
// by its ending, R's DESCRIPTION in its own forms.
func TestInsightsLicenseFromManifests(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for name, files := range map[string]map[string]string{
		"MIT":              {"widget.gemspec": "Gem::Specification.new do |spec|\n  spec.name = \"widget\"\n  spec.license = \"MIT\"\nend\n"},
		"Apache-2.0":       {"Widget.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n"},
		"GPL-2.0-or-later": {"DESCRIPTION": "Package: widget\nTitle: Widgets\nLicense: GPL (>= 2)\n"},
	} {
		f, err := InsightsFacts(fixture(t, files), criteria.Default(), Options{Now: now, NoGitCommand: true})
		if err != nil || f.License != name {
			t.Errorf("%v: %q %v, want %s", files, f.License, err, name)
		}
		rep := scan(t, fixture(t, files))
		want(t, rep, "floss_license", model.Met, name)
	}
}
