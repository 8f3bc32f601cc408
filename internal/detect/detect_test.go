package detect

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// fixture writes files (slash paths) into a new directory.
func fixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fakeGit adds a .git directory on branch main, with remote origin at
// remote when it is not empty.
func fakeGit(t *testing.T, dir, remote string) {
	t.Helper()
	cfg := "[core]\n\tbare = false\n"
	if remote != "" {
		cfg += "[remote \"origin\"]\n\turl = " + remote + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
	}
	files := map[string]string{
		".git/config": cfg,
		".git/HEAD":   "ref: refs/heads/main\n",
	}
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(dir, ".git", "refs", "heads"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".git", "refs", "tags"), 0o755)
}

var now = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func scan(t *testing.T, dir string) *Report {
	t.Helper()
	rep, err := Scan(dir, criteria.Default(), Options{Now: now, NoGitCommand: true})
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, rep)
	checkConfidence(t, rep)
	return rep
}

// checkSources fails when a proposal comes from a source that does not
// declare its criterion: --explain would then misreport it.
func checkSources(t *testing.T, rep *Report) {
	t.Helper()
	covers := map[string]map[string]bool{"derive": {}}
	for _, src := range sources() {
		covers[src.name] = map[string]bool{}
		for _, id := range src.covers {
			covers[src.name][id] = true
		}
	}
	for _, p := range sameEvidence {
		covers["derive"][p.baseline] = true
	}
	covers["derive"]["osps_le_02_02"], covers["derive"]["osps_le_03_02"] = true, true
	for id, src := range rep.sourceOf {
		if !covers[src][id] {
			t.Errorf("%s proposed by source %q, which does not list it in covers", id, src)
		}
	}
}

// want checks that id is proposed with status st and a justification
// holding every fragment.
func want(t *testing.T, rep *Report, id string, st model.Status, fragments ...string) model.Proposal {
	t.Helper()
	p, ok := rep.Proposals[id]
	if !ok {
		t.Errorf("%s: no proposal; have %v", id, ids(rep))
		return p
	}
	if p.Status != st {
		t.Errorf("%s: status %s, want %s (%s)", id, p.Status, st, p.Justification)
	}
	for _, f := range fragments {
		if !strings.Contains(p.Justification, f) && !strings.Contains(strings.Join(p.Evidence, " "), f) {
			t.Errorf("%s: %q not in justification %q or evidence %q", id, f, p.Justification, p.Evidence)
		}
	}
	if p.Source == "" || p.Confidence < 1 || p.Confidence > 3 {
		t.Errorf("%s: source %q, confidence %d", id, p.Source, p.Confidence)
	}
	return p
}

func none(t *testing.T, rep *Report, id string) {
	t.Helper()
	if p, ok := rep.Proposals[id]; ok {
		t.Errorf("%s: unexpected proposal %s: %s", id, p.Status, p.Justification)
	}
}

func ids(rep *Report) []string {
	var out []string
	for id := range rep.Proposals {
		out = append(out, id)
	}
	return out
}

func uncheckedHas(rep *Report, path, fragment string) bool {
	for _, u := range rep.Unchecked {
		if u.Path == path && strings.Contains(u.Reason, fragment) {
			return true
		}
	}
	return false
}

const mitText = `MIT License

Copyright (c) 2024 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
`

func TestLicenseWithGitHubLinks(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText})
	fakeGit(t, dir, "git@github.com:acme/widget.git")
	rep := scan(t, dir)
	want(t, rep, "floss_license", model.Met, "MIT", "https://github.com/acme/widget/blob/main/LICENSE")
	want(t, rep, "floss_license_osi", model.Met, "MIT")
	p := want(t, rep, "license_location", model.Met, "https://github.com/acme/widget/blob/main/LICENSE")
	if !model.HasURL(p.Justification) || strings.Contains(p.Justification, "No web address") {
		t.Errorf("license_location should count as is: %q", p.Justification)
	}
}

func TestIdentify(t *testing.T) {
	cases := map[string]string{
		mitText: "MIT",
		"                                 Apache License\n                           Version 2.0, January 2004\n        http://www.apache.org/licenses/\n": "Apache-2.0",
		"Copyright x\n\nRedistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n1. ...\n2. ...\n3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote products derived from this software without specific prior written permission.": "BSD-3-Clause",
		"Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n1. ...\n2. ...\nTHIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS":                                                                                                                                                            "BSD-2-Clause",
		"                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n ... GNU Affero General Public License ...":                                                                                                                                                                                                                                    "GPL-3.0",
		"                    GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991\n":                                                                                                                                                                                                                                                                                 "GPL-2.0",
		"                  GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n incorporates the terms of version 3 of the GNU General Public License":                                                                                                                                                                                                   "LGPL-3.0",
		"                  GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1, February 1999\n":                                                                                                                                                                                                                                                                      "LGPL-2.1",
		"                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n":                                                                                                                                                                                                                                                                   "AGPL-3.0",
		"Mozilla Public License Version 2.0\n==================================\n":                                                                                                                                                                                                                                                                                                      "MPL-2.0",
		"ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies.":                                                                                                                                              "ISC",
		"Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\"":                                                                                                                                                                                                                 "0BSD",
		"This is free and unencumbered software released into the public domain.\n":                                                                                                                                                                                                                                                                                                     "Unlicense",
		"Creative Commons Legal Code\n\nCC0 1.0 Universal\n": "CC0-1.0",
		"// SPDX-License-Identifier: EPL-2.0\n":              "EPL-2.0",
		"All rights reserved. Do not copy.":                  "",
	}
	for text, id := range cases {
		if got := Identify(text); got != id {
			t.Errorf("Identify(%.50q) = %q, want %q", text, got, id)
		}
	}
}

func TestLicenseNotOSIAndManifestAndMissing(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{"COPYING": "Creative Commons Legal Code\n\nCC0 1.0 Universal\n"}))
	want(t, rep, "floss_license", model.Met, "CC0-1.0")
	want(t, rep, "floss_license_osi", model.Unmet, "CC0-1.0")

	rep = scan(t, fixture(t, map[string]string{"package.json": "{\n  \"name\": \"w\",\n  \"license\": \"(MIT OR Apache-2.0)\"\n}\n"}))
	p := want(t, rep, "floss_license", model.Met, "MIT, Apache-2.0", "package.json:3")
	if p.Confidence != 2 {
		t.Errorf("a manifest alone is fair evidence, got confidence %d", p.Confidence)
	}
	want(t, rep, "license_location", model.Unmet)

	rep = scan(t, fixture(t, map[string]string{"LICENSE.txt": "Do what you like, but ask me first.\n"}))
	none(t, rep, "floss_license")
	want(t, rep, "license_location", model.Met, "LICENSE.txt")
	if !uncheckedHas(rep, "LICENSE.txt", "not recognised") {
		t.Errorf("an unknown license text should be reported: %v", rep.Unchecked)
	}
}

func TestReadme(t *testing.T) {
	readme := `# Widget

[![CI](https://example.org/badge.svg)](https://example.org)

Widget turns plain text files into tidy tables for your terminal.

## Installation

    go install example.org/widget@latest

## Usage

Report bugs in the issue tracker. Pull requests are welcome.
`
	dir := fixture(t, map[string]string{"README.md": readme})
	fakeGit(t, dir, "https://gitlab.com/acme/widget.git")
	rep := scan(t, dir)
	want(t, rep, "description_good", model.Met, "https://gitlab.com/acme/widget/-/blob/main/README.md#L5", "README.md:5")
	want(t, rep, "interact", model.Met, "README.md#L7", "README.md#L13")
	want(t, rep, "documentation_basics", model.Met, "README.md#L7")

	rep = scan(t, fixture(t, map[string]string{"README": "just a title\n"}))
	none(t, rep, "description_good")
	none(t, rep, "interact")
}

func TestContributing(t *testing.T) {
	dir := fixture(t, map[string]string{".github/CONTRIBUTING.md": "# Contributing\n\nOpen a pull request.\n\nEvery change needs tests and must pass gofmt.\nSign your commits (Signed-off-by) to certify the DCO.\n"})
	fakeGit(t, dir, "https://codeberg.org/acme/widget")
	rep := scan(t, dir)
	want(t, rep, "contribution", model.Met, "https://codeberg.org/acme/widget/src/branch/main/.github/CONTRIBUTING.md")
	want(t, rep, "contribution_requirements", model.Met, ".github/CONTRIBUTING.md#L5")
	want(t, rep, "dco", model.Met, ".github/CONTRIBUTING.md#L6")
}

func TestSecurityPolicy(t *testing.T) {
	dir := fixture(t, map[string]string{"docs/SECURITY.md": "# Security\n\nSupported: latest.\n\nMail security@acme.example.net with details.\nWe answer within 48 hours.\n"})
	fakeGit(t, dir, "https://bitbucket.org/acme/widget.git")
	rep := scan(t, dir)
	want(t, rep, "vulnerability_report_process", model.Met, "https://bitbucket.org/acme/widget/src/main/docs/SECURITY.md")
	want(t, rep, "vulnerability_report_private", model.Met, "docs/SECURITY.md#lines-5")
	want(t, rep, "vulnerability_report_response", model.Met, "2 days", "#lines-6")

	rep = scan(t, fixture(t, map[string]string{"SECURITY.md": "Report it [privately](https://github.com/o/r/security/advisories/new).\n- We acknowledge reports within **two weeks**.\n"}))
	want(t, rep, "vulnerability_report_private", model.Met, "SECURITY.md:1")
	want(t, rep, "vulnerability_report_response", model.Met, "14 days", "SECURITY.md:2")

	rep = scan(t, fixture(t, map[string]string{"SECURITY.md": "Open an issue if you find something. We reply within 30 days.\n"}))
	want(t, rep, "vulnerability_report_process", model.Met)
	none(t, rep, "vulnerability_report_private")
	none(t, rep, "vulnerability_report_response")

	rep = scan(t, fixture(t, map[string]string{"README.md": "# W\n"}))
	want(t, rep, "vulnerability_report_process", model.Unmet, "security-policy")
}

func TestReleaseNotesAndSilverDocs(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"CHANGELOG.md":                "# Changelog\n\n## 1.0.0\n- first\n",
		"CODE_OF_CONDUCT.md":          "Be kind.\n",
		"GOVERNANCE.md":               "Decisions by consensus.\n",
		".github/CODEOWNERS":          "* @a @b\n",
		"docs/ROADMAP.md":             "Next: more.\n",
		"ARCHITECTURE.md":             "Layers.\n",
		".github/ISSUE_TEMPLATE/b.md": "bug\n",
	}))
	want(t, rep, "release_notes", model.Met, "CHANGELOG.md")
	want(t, rep, "code_of_conduct", model.Met, "CODE_OF_CONDUCT.md")
	want(t, rep, "governance", model.Met, "GOVERNANCE.md")
	want(t, rep, "roles_responsibilities", model.Met)
	want(t, rep, "documentation_roadmap", model.Met, "docs/ROADMAP.md")
	want(t, rep, "documentation_architecture", model.Met, "ARCHITECTURE.md")
	want(t, rep, "report_process", model.Met, ".github/ISSUE_TEMPLATE")

	rep = scan(t, fixture(t, map[string]string{"NEWS": ""}))
	none(t, rep, "release_notes") // an empty file is no release notes
}

func TestBuildTestsCIAndAnalysis(t *testing.T) {
	ci := `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: go vet ./...
      - run: go test -race ./...
      - uses: golangci/golangci-lint-action@v6
      - run: go run golang.org/x/vuln/cmd/govulncheck@latest ./...
      - uses: github/codeql-action/analyze@v3
`
	dir := fixture(t, map[string]string{
		"go.mod":                   "module example.org/w\n\ngo 1.22\n",
		"w.go":                     "package w\n",
		"w_test.go":                "package w\n",
		"internal/x/x_test.go":     "package x\n\nfunc FuzzParse(f *testing.F) {}\n",
		"testdata/input.go":        "package ignored\n",
		".github/workflows/ci.yml": ci,
		".golangci.yml":            "linters:\n  enable: [gosec]\n",
		"Makefile":                 "all:\n\tgo build\n\ntest:\n\tgo test ./...\n\nlint:\n\tgcc -Wall -Werror x.c\n",
	})
	fakeGit(t, dir, "https://github.com/acme/w")
	rep := scan(t, dir)
	want(t, rep, "build", model.Met, "Go", "make", "go.mod")
	want(t, rep, "build_common_tools", model.Met)
	p := want(t, rep, "test", model.Met, "2 test files")
	want(t, rep, "test_invocation", model.Met, "go test ./...")
	want(t, rep, "test_continuous_integration", model.Met, ".github/workflows/ci.yml#L9")
	want(t, rep, "warnings", model.Met, "golangci-lint", ".github/workflows/ci.yml")
	want(t, rep, "warnings_strict", model.Met, "-Werror", "Makefile#L8")
	want(t, rep, "static_analysis", model.Met, "CodeQL", "ci.yml#L12")
	want(t, rep, "static_analysis_common_vulnerabilities", model.Met, "CodeQL")
	want(t, rep, "static_analysis_often", model.Met)
	want(t, rep, "dynamic_analysis", model.Met, "go test -race", "ci.yml#L9")
	want(t, rep, "dependency_monitoring", model.Met, "govulncheck", "ci.yml#L11")
	if strings.Contains(p.Justification, "testdata") {
		t.Errorf("test data counted as tests: %s", p.Justification)
	}
}

func TestTestInvocationNeedsARealScript(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"package.json":           "{\n  \"scripts\": {\n    \"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"\n  }\n}\n",
		"src/__tests__/a.js":     "test('a', () => {})\n",
		".github/dependabot.yml": "version: 2\n",
	}))
	want(t, rep, "build", model.Met, "npm")
	want(t, rep, "test", model.Met)
	none(t, rep, "test_invocation")
	want(t, rep, "dependency_monitoring", model.Met, "Dependabot", ".github/dependabot.yml")
}

func writeRef(t *testing.T, dir, ref, content string) {
	t.Helper()
	p := filepath.Join(dir, ".git", filepath.FromSlash(ref))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const sha1 = "0123456789abcdef0123456789abcdef01234567"

func TestGitTags(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://github.com/acme/w.git")
	writeRef(t, dir, "refs/tags/v1.0.0", sha1+"\n")
	writeRef(t, dir, "packed-refs", "# pack-refs with: peeled fully-peeled sorted\n"+sha1+" refs/tags/v1.2.0\n^"+sha1+"\n"+sha1+" refs/tags/v1.10.0\n")
	rep := scan(t, dir)
	want(t, rep, "version_tags", model.Met, "3 version tags", "v1.10.0", "https://github.com/acme/w/tree/v1.10.0")
	want(t, rep, "version_unique", model.Met, "v1.10.0")
	want(t, rep, "version_semver", model.Met)

	writeRef(t, dir, "refs/tags/release-2024", sha1+"\n")
	writeRef(t, dir, "refs/tags/nightly", sha1+"\n")
	rep = scan(t, dir)
	want(t, rep, "version_semver", model.Unmet, "release-2024")

	bare := fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, bare, "")
	rep = scan(t, bare)
	want(t, rep, "version_tags", model.Unmet, "no tags")
	none(t, rep, "version_semver")
}

// looseCommit stores a commit object the way git does: zlib-compressed
// "commit <size>\0<body>" under objects/xx/yyyy.
func looseCommit(t *testing.T, dir, sha string, when time.Time) {
	t.Helper()
	body := fmt.Sprintf("tree %s\nauthor A <a@x> %d +0000\ncommitter C <c@x> %d +0200\n\nmessage\ncommitter X <x@x> 1 +0000\n", sha1, when.Unix(), when.Unix())
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	fmt.Fprintf(zw, "commit %d\x00%s", len(body), body)
	zw.Close()
	writeRef(t, dir, "objects/"+sha[:2]+"/"+sha[2:], b.String())
}

func TestMaintained(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://gitlab.com/acme/w")
	const head = "89abcdef0123456789abcdef0123456789abcdef"
	writeRef(t, dir, "refs/heads/main", head+"\n")
	looseCommit(t, dir, head, now.AddDate(0, 0, -20))
	rep := scan(t, dir)
	want(t, rep, "maintained", model.Met, "2025-05-12", "https://gitlab.com/acme/w/-/commit/"+head)

	looseCommit(t, dir, head, now.AddDate(-2, 0, 0))
	rep = scan(t, dir)
	want(t, rep, "maintained", model.Unmet, "2023-06-01")

	// Packed objects and no git command: the reflog's last commit entry.
	os.RemoveAll(filepath.Join(dir, ".git", "objects"))
	ts := now.AddDate(0, 0, -3).Unix()
	writeRef(t, dir, "logs/HEAD", fmt.Sprintf("%s %s A <a@x> %d +0000\tcommit: work\n%s %s A <a@x> %d +0000\tcheckout: moving from a to main\n", sha1, head, ts, head, head, now.Unix()))
	rep = scan(t, dir)
	p := want(t, rep, "maintained", model.Met, "2025-05-29")
	if p.Confidence != 1 {
		t.Errorf("the reflog is weak evidence; confidence %d", p.Confidence)
	}

	os.Remove(filepath.Join(dir, ".git", "logs", "HEAD"))
	rep = scan(t, dir)
	none(t, rep, "maintained")
	if !uncheckedHas(rep, "", "last commit") {
		t.Errorf("a missing commit date should be reported: %v", rep.Unchecked)
	}
}

func TestHTTPS(t *testing.T) {
	dir := fixture(t, map[string]string{
		"package.json": "{\n  \"name\": \"w\",\n  \"homepage\": \"http://widget.example.net/\",\n  \"repository\": {\"url\": \"https://github.com/acme/w\"}\n}\n",
		"README.md":    "# w\n\nDocs at http://widget.example.net/docs and http://unrelated.example.com/x\n",
	})
	fakeGit(t, dir, "https://github.com/acme/w")
	rep := scan(t, dir)
	p := want(t, rep, "sites_https", model.Unmet, "http://widget.example.net/", "package.json:3", "README.md:3")
	if strings.Contains(p.Justification, "unrelated") {
		t.Errorf("a link to another site is not a project URL: %s", p.Justification)
	}

	dir = fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://github.com/acme/w")
	want(t, scan(t, dir), "sites_https", model.Met, "https://github.com/acme/w")
}

func TestNoRemoteGivesPathsAndANote(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText, "CONTRIBUTING.md": "Send patches with tests.\n"})
	fakeGit(t, dir, "")
	rep := scan(t, dir)
	p := want(t, rep, "contribution", model.Met, "CONTRIBUTING.md", "URL")
	if model.HasURL(p.Justification) {
		t.Errorf("no remote, yet a URL: %s", p.Justification)
	}
	if !uncheckedHas(rep, "", "no git remote") {
		t.Errorf("missing remote should be reported: %v", rep.Unchecked)
	}
	// floss_license needs no URL: no note.
	if p := rep.Proposals["floss_license"]; strings.Contains(p.Justification, "needs a URL") {
		t.Errorf("note on a criterion that needs no URL: %s", p.Justification)
	}
}

func TestBadInput(t *testing.T) {
	outside := fixture(t, map[string]string{"SECURITY.md": "Mail secret@elsewhere.example.net within 1 day.\n"})
	dir := fixture(t, map[string]string{
		"LICENSE":      "MIT\x00\x01\x02 binary junk",
		"README.md":    "# W\n\nWidget turns plain text files into tidy tables.\n" + strings.Repeat("filler line of text\n", 5000),
		"notes/ok.txt": "fine\n",
	})
	if err := os.Symlink(filepath.Join(outside, "SECURITY.md"), filepath.Join(dir, "SECURITY.md")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "CHANGELOG.md"))
	rep, err := Scan(dir, criteria.Default(), Options{Now: now, NoGitCommand: true, MaxRead: 16 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if !uncheckedHas(rep, "LICENSE", "binary") {
		t.Errorf("binary LICENSE not reported: %v", rep.Unchecked)
	}
	none(t, rep, "floss_license")
	none(t, rep, "license_location")
	if !uncheckedHas(rep, "README.md", "beginning") {
		t.Errorf("huge README not reported: %v", rep.Unchecked)
	}
	want(t, rep, "description_good", model.Met, "README.md:3") // its beginning still counts
	if !uncheckedHas(rep, "SECURITY.md", "out of the repository") {
		t.Errorf("symlink out of the repository not reported: %v", rep.Unchecked)
	}
	if p := rep.Proposals["vulnerability_report_private"]; p.ID != "" {
		t.Errorf("followed a link out of the repository: %s", p.Justification)
	}
	if !uncheckedHas(rep, "CHANGELOG.md", "broken") {
		t.Errorf("broken link not reported: %v", rep.Unchecked)
	}
	if !uncheckedHas(rep, "", "no git data") {
		t.Errorf("missing .git not reported: %v", rep.Unchecked)
	}
	none(t, rep, "version_tags")
	none(t, rep, "maintained")
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file; permissions cannot be tested")
	}
	dir := fixture(t, map[string]string{"LICENSE": mitText, "private/a_test.go": "package a\n"})
	os.Chmod(filepath.Join(dir, "LICENSE"), 0)
	os.Chmod(filepath.Join(dir, "private"), 0)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "private"), 0o755) })
	rep := scan(t, dir)
	if !uncheckedHas(rep, "LICENSE", "cannot be read") || !uncheckedHas(rep, "private", "cannot be read") {
		t.Errorf("unreadable file and directory not reported: %v", rep.Unchecked)
	}
	none(t, rep, "license_location") // there, but unreadable: not "missing"
}

func TestScanMissingRoot(t *testing.T) {
	if _, err := Scan(filepath.Join(t.TempDir(), "nope"), criteria.Default(), Options{}); err == nil {
		t.Error("a missing root should fail")
	}
}

func TestSecurityPolicyFile(t *testing.T) {
	dir := fixture(t, map[string]string{".github/security.md": "x"})
	if got := SecurityPolicyFile(dir); got != ".github/security.md" {
		t.Errorf("SecurityPolicyFile = %q", got)
	}
	if got := SecurityPolicyFile(t.TempDir()); got != "" {
		t.Errorf("empty repository: %q", got)
	}
}
