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

// repoFixture writes files into a new directory with a .git on branch main
// and, when remote is set, an origin remote.
func repoFixture(t *testing.T, remote string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := "[core]\n\tbare = false\n"
	if remote != "" {
		cfg += "[remote \"origin\"]\n\turl = " + remote + "\n"
	}
	all := map[string]string{".git/config": cfg, ".git/HEAD": "ref: refs/heads/main\n"}
	for p, c := range files {
		all[p] = c
	}
	for p, c := range all {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// slurp reads a file the test wrote or expects.
func slurp(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const mit = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies.\n"

func TestDetectPrintsAndApplies(t *testing.T) {
	answers := "version: 1\nproject:\n  name: w\nanswers:\n  # our own call\n  floss_license:\n    status: Unmet\n    justification: We are still deciding on the license.\n"
	dir := repoFixture(t, "git@github.com:acme/w.git", map[string]string{
		"LICENSE":             mit,
		"SECURITY.md":         "# Security\n\nMail security@acme.example.net; we reply within 2 days.\n",
		".bestpractices.yaml": answers,
	})
	out, errOut, code := run(t, dir, "detect")
	if code != ExitOK {
		t.Fatalf("detect: code %d: %s", code, errOut)
	}
	for _, s := range []string{"license_location", "https://github.com/acme/w/blob/main/LICENSE", "evidence: LICENSE", "answered Unmet: kept", "vulnerability_report_private", "SECURITY.md:3", "detect --apply"} {
		if !strings.Contains(out, s) {
			t.Errorf("detect output lacks %q:\n%s", s, out)
		}
	}
	if got := slurp(t, filepath.Join(dir, ".bestpractices.yaml")); got != answers {
		t.Errorf("detect without --apply wrote the file:\n%s", got)
	}

	out, _, code = run(t, dir, "detect", "--format", "json")
	var j detectJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != ExitOK {
		t.Fatalf("json: code %d, %v\n%s", code, err, out)
	}
	byID := map[string]detectProposalJSON{}
	for _, p := range j.Proposals {
		byID[p.ID] = p
	}
	if j.WebURL != "https://github.com/acme/w" || j.Branch != "main" || byID["floss_license"].Answered != "Unmet" || byID["license_location"].Status != "Met" || len(byID["license_location"].Evidence) == 0 {
		t.Errorf("json report: %+v", j)
	}

	out, errOut, code = run(t, dir, "detect", "--apply")
	if code != ExitOK || !strings.Contains(out, "Filled") || !strings.Contains(out, "vulnerability_report_process") {
		t.Fatalf("apply: code %d: %s\n%s", code, errOut, out)
	}
	text := slurp(t, filepath.Join(dir, ".bestpractices.yaml"))
	f, err := model.Parse("x", []byte(text), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Answers["floss_license"]; a.Status != model.Unmet || a.Justification != "We are still deciding on the license." || !strings.Contains(text, "# our own call") {
		t.Errorf("an answer given was changed:\n%s", text)
	}
	if a := f.Answers["license_location"]; a.Status != model.Met || !strings.Contains(a.Justification, "https://github.com/acme/w/blob/main/LICENSE") {
		t.Errorf("license_location not filled: %+v", a)
	}
	if a := f.Answers["vulnerability_report_private"]; a.Status != model.Met || !model.HasURL(a.Justification) {
		t.Errorf("vulnerability_report_private not filled with a URL: %+v", a)
	}
	out, _, _ = run(t, dir, "detect", "--apply")
	if !strings.Contains(out, "Nothing filled") {
		t.Errorf("second --apply should fill nothing:\n%s", out)
	}
	if _, errOut, code := run(t, dir, "detect", "--format", "yaml"); code != ExitBadInput || !strings.Contains(errOut, "yaml") {
		t.Errorf("bad format: code %d, %q", code, errOut)
	}
}

func TestDetectReportsWhatItCannotCheck(t *testing.T) {
	dir := t.TempDir() // no .git at all
	os.WriteFile(filepath.Join(dir, "LICENSE"), []byte{'M', 'I', 'T', 0, 1, 2}, 0o644)
	out, _, code := run(t, dir, "detect")
	if code != ExitOK || !strings.Contains(out, "Not checked:") || !strings.Contains(out, "LICENSE: binary file") || !strings.Contains(out, "no git data") {
		t.Errorf("code %d:\n%s", code, out)
	}
}

func TestStaleEvidence(t *testing.T) {
	content := strings.Replace(passingAnswers(), "See https://example.org/contribution", "See https://example.org/contribution and docs/CONTRIBUTING.md", 1)
	content = strings.Replace(content, "See https://example.org/license_location", "https://github.com/acme/w/blob/main/LICENSE", 1)
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{".bestpractices.yaml": content})

	_, errOut, code := run(t, dir, "status")
	if code != ExitOK || !strings.Contains(errOut, "contribution: the justification cites docs/CONTRIBUTING.md") || !strings.Contains(errOut, "license_location") {
		t.Errorf("status: code %d, stderr %q", code, errOut)
	}
	out, errOut, code := run(t, dir, "check")
	if code != ExitOK || !strings.Contains(errOut, "docs/CONTRIBUTING.md") {
		t.Errorf("check warns but passes: code %d\n%s\n%s", code, out, errOut)
	}
	out, _, code = run(t, dir, "check", "--strict")
	if code != ExitNotMet || !strings.Contains(out, "2 cited files no longer exist") {
		t.Errorf("check --strict: code %d\n%s", code, out)
	}

	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "CONTRIBUTING.md"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(mit), 0o644)
	_, errOut, code = run(t, dir, "check", "--strict")
	if code != ExitOK || errOut != "" {
		t.Errorf("files back: code %d, %q", code, errOut)
	}
}

func TestSecurityPolicyNonInteractive(t *testing.T) {
	dir := repoFixture(t, "", map[string]string{".bestpractices.yaml": "version: 1\nproject:\n  name: Widget\nanswers:\n  vulnerability_report_response:\n    status: Unmet\n    justification: No reports so far.\n"})
	policy := filepath.Join(dir, "SECURITY.md")

	for _, c := range []struct {
		args []string
		msg  string
	}{
		{nil, "--channel"},
		{[]string{"--channel", "email"}, "--email"},
		{[]string{"--email", "not-an-address"}, "not an e-mail address"},
		{[]string{"--link", "http://example.org/report"}, "https://"},
		{[]string{"--email", "s@example.org", "--ack-days", "15"}, "from 1 to 14"},
		{[]string{"--email", "s@example.org", "--key", "ftp://x"}, "--key"},
		{[]string{"--channel", "forge"}, "no private vulnerability reporting"},
		{[]string{"--channel", "pigeon"}, "pigeon"},
	} {
		_, errOut, code := run(t, dir, append([]string{"security-policy"}, c.args...)...)
		if code != ExitBadInput || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: code %d, %q (want %q)", c.args, code, errOut, c.msg)
		}
		if _, err := os.Stat(policy); err == nil {
			t.Fatalf("%v: wrote a policy from bad input", c.args)
		}
	}

	out, errOut, code := run(t, dir, "security-policy", "--email", "security@acme.example.net", "--credit=false", "--apply")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	doc := slurp(t, policy)
	for _, s := range []string{"# Security policy", "Widget", "security@acme.example.net", "within 3 days", "90 days", "the latest release", "## What to include", "## Coordinated disclosure", "CVE", "do not name reporters", "release notes"} {
		if !strings.Contains(doc, s) {
			t.Errorf("SECURITY.md lacks %q:\n%s", s, doc)
		}
	}
	if !strings.Contains(out, "vulnerability_report_private") || !strings.Contains(out, "Filled 2 unanswered criteria") {
		t.Errorf("proposals not shown or applied:\n%s", out)
	}
	f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if f.Answers["vulnerability_report_process"].Status != model.Met || f.Answers["vulnerability_report_private"].Status != model.Met {
		t.Errorf("answers not filled: %+v", f.Answers)
	}
	if a := f.Answers["vulnerability_report_response"]; a.Status != model.Unmet || a.Justification != "No reports so far." {
		t.Errorf("an answer given was changed: %+v", a)
	}

	// Never replaced without --force.
	os.WriteFile(policy, []byte("our own words\n"), 0o644)
	_, errOut, code = run(t, dir, "security-policy", "--email", "other@example.org")
	if code != ExitBadInput || !strings.Contains(errOut, "--force") || slurp(t, policy) != "our own words\n" {
		t.Errorf("existing policy: code %d, %q, file %q", code, errOut, slurp(t, policy))
	}
}

func TestSecurityPolicyForgeAndForce(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/w.git", map[string]string{".github/SECURITY.md": "old\n"})
	_, errOut, code := run(t, dir, "security-policy", "--channel", "forge", "--ack-days", "1")
	if code != ExitBadInput || !strings.Contains(errOut, ".github/SECURITY.md") {
		t.Fatalf("existing .github policy: code %d, %q", code, errOut)
	}
	_, errOut, code = run(t, dir, "security-policy", "--channel", "forge", "--ack-days", "1", "--key", "https://acme.example.net/key.asc", "--force")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	doc := slurp(t, filepath.Join(dir, ".github", "SECURITY.md"))
	for _, s := range []string{"https://github.com/acme/w/security/advisories/new", "within 1 day.", "https://acme.example.net/key.asc", "https://github.com/acme/w/security/advisories ", "by name"} {
		if !strings.Contains(doc, s) {
			t.Errorf("policy lacks %q:\n%s", s, doc)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "SECURITY.md")); err == nil {
		t.Error("a second policy was written at the root")
	}
}

func TestDetectHelp(t *testing.T) {
	for _, cmd := range []string{"detect", "security-policy"} {
		_, errOut, code := run(t, t.TempDir(), cmd, "--help")
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices "+cmd) {
			t.Errorf("%s --help: code %d, %q", cmd, code, errOut)
		}
	}
}

// --apply takes the proposals of fair confidence or more; a weak one (a
// promise) is left for the maintainer, and the output says how to take it.
func TestDetectApplyTakesOnlyConfidentProposals(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{
		"LICENSE":             mit,
		"SECURITY.md":         "# Security\n\nMail security@acme.example.net; we reply within 2 days.\n",
		".bestpractices.yaml": "version: 1\nproject:\n  name: w\nanswers: {}\n",
	})
	out, errOut, code := run(t, dir, "detect", "--apply")
	if code != ExitOK {
		t.Fatalf("apply: code %d: %s", code, errOut)
	}
	if !strings.Contains(out, "--min-confidence 1") {
		t.Errorf("the weaker proposals left are not mentioned:\n%s", out)
	}
	f, err := model.Parse("x", []byte(slurp(t, filepath.Join(dir, ".bestpractices.yaml"))), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Answers["vulnerability_report_response"]; a.Status != model.Unknown {
		t.Errorf("a promise was accepted in bulk: %+v", a)
	}
	if a := f.Answers["license_location"]; a.Status != model.Met {
		t.Errorf("a strong proposal was not accepted: %+v", a)
	}
	if _, _, code := run(t, dir, "detect", "--apply", "--min-confidence", "1"); code != ExitOK {
		t.Fatalf("--min-confidence 1: code %d", code)
	}
	f, _ = model.Parse("x", []byte(slurp(t, filepath.Join(dir, ".bestpractices.yaml"))), criteria.Default())
	if a := f.Answers["vulnerability_report_response"]; a.Status != model.Met || !strings.Contains(a.Justification, "Confirm") {
		t.Errorf("--min-confidence 1 takes the weak proposal with what to confirm: %+v", a)
	}
	for _, bad := range []string{"0", "4"} {
		if _, errOut, code := run(t, dir, "detect", "--min-confidence", bad); code != ExitBadInput || !strings.Contains(errOut, "--min-confidence") {
			t.Errorf("--min-confidence %s: code %d, %q", bad, code, errOut)
		}
	}
}

func TestDetectExplainAndJSON(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{
		"README.md":           "# W\n",
		".bestpractices.yaml": "version: 1\nproject:\n  name: w\nanswers:\n  crypto_published:\n    status: N/A\n    justification: No cryptography here.\n",
	})
	out, _, code := run(t, dir, "detect", "--explain")
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	for _, s := range []string{"Not decided from the repository", "Only the forge can tell", "osps_ac_01_01", "multi-factor", "Needs a person's knowledge", "Looked for, nothing found", "already answered"} {
		if !strings.Contains(out, s) {
			t.Errorf("--explain lacks %q:\n%s", s, out)
		}
	}
	explained := out[strings.Index(out, "Not decided"):]
	if strings.Contains(explained, "crypto_published") {
		t.Errorf("an answered criterion is listed as left to answer:\n%s", explained)
	}
	if plain, _, _ := run(t, dir, "detect"); strings.Contains(plain, "Not decided") {
		t.Errorf("the explanation is shown without --explain")
	}

	out, _, _ = run(t, dir, "detect", "--format", "json")
	var j detectJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if j.MinConfidence != model.AcceptAllMin || len(j.Undecided) == 0 {
		t.Errorf("json: min %d, %d undecided", j.MinConfidence, len(j.Undecided))
	}
	for _, p := range j.Proposals {
		if p.ConfidenceName != model.ConfidenceName(p.Confidence) || p.InBulk != (p.Confidence >= model.AcceptAllMin) {
			t.Errorf("json proposal %s: confidence %d %q, in_bulk %v", p.ID, p.Confidence, p.ConfidenceName, p.InBulk)
		}
	}
	whys := map[string]string{}
	for _, u := range j.Undecided {
		whys[u.ID] = u.Why
		if u.ID == "crypto_published" && u.Answered != "N/A" {
			t.Errorf("undecided crypto_published should say it is answered: %+v", u)
		}
	}
	if whys["osps_ac_01_01"] != "forge" || whys["crypto_published"] != "person" || whys["dco"] != "not_found" {
		t.Errorf("json reasons: %v", whys)
	}
}
