package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func TestSections(t *testing.T) {
	doc := "# Widget\n\nIntro.\n\n```sh\n# not a heading\n```\n\nContributing\n============\n\nSend pull requests.\n\n## Reporting bugs\n\nUse the tracker.\n\n<h2 align=\"center\">Security</h2>\n\nMail us.\n\n== Building\n\nRun make.\n"
	tx := &text{rel: "README.md", lines: strings.Split(doc, "\n")}
	var titles []string
	for _, s := range sections(tx) {
		titles = append(titles, s.title)
	}
	if got := strings.Join(titles, "|"); got != "Widget|Contributing|Reporting bugs|Security|Building" {
		t.Fatalf("sections = %q", got)
	}
	sec, ok := sectionMatching(tx, contribHeading)
	if !ok || sec.line != 9 || tx.words(sec) == 0 {
		t.Errorf("Contributing section: %+v %v", sec, ok)
	}
	// A setext heading's underline is not its body; an ATX heading's next
	// line is.
	if !isHeadingLine(tx, 9) || isHeadingLine(tx, 2) {
		t.Errorf("isHeadingLine wrong around headings")
	}
	// The body of "Contributing" (level 1) runs past its level-2 subsections.
	if sec.end < 16 {
		t.Errorf("Contributing ends at %d, before its subsection", sec.end)
	}
}

// A CONTRIBUTING "Reporting bugs" section answers report_process; a README
// "Contributing" section answers contribution and its requirements.
func TestSectionsAnswerCriteria(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"CONTRIBUTING.md": "# Contributing to Widget\n\nOpen a pull request against main.\n\n## Reporting bugs\n\nSearch the tracker first, then open an issue with the version and the steps to reproduce it.\n\n## Running the tests\n\nRun `make test` before you push; CI runs the same target on every pull request.\n\n## Coding style\n\nWe follow the standard library's style: gofmt and go vet must be clean.\n\n## Dependencies\n\nNew dependencies need a maintainer's approval and must be pinned in go.sum by the module proxy.\n\nEvery new feature must come with tests.\n",
	}))
	want(t, rep, "report_process", model.Met, "CONTRIBUTING.md:5")
	want(t, rep, "osps_do_02_01", model.Met, "CONTRIBUTING.md:5")
	want(t, rep, "osps_qa_06_02", model.Met, "Running the tests", "CONTRIBUTING.md:9")
	want(t, rep, "coding_standards", model.Met, "Coding style")
	want(t, rep, "osps_do_06_01", model.Met, "Dependencies")
	p := want(t, rep, "test_policy_mandated", model.Met, "CONTRIBUTING.md:21")
	if p.Confidence != fair {
		t.Errorf("a guide's words are fair evidence; confidence %d", p.Confidence)
	}
	want(t, rep, "osps_qa_06_03", model.Met)

	rep = scan(t, fixture(t, map[string]string{
		"README.md": "# Widget\n\nWidget turns plain text into tables for your terminal.\n\n## Contributing\n\nPull requests are welcome. Please add tests and run the linter before sending one.\n\n## License\n\nMIT\n",
	}))
	want(t, rep, "contribution", model.Met, "README.md:5")
	want(t, rep, "contribution_requirements", model.Met, "README.md:7")
	want(t, rep, "osps_gv_03_02", model.Met, "README.md:7")

	// A heading inside a code block is not a section.
	rep = scan(t, fixture(t, map[string]string{
		"README.md": "# Widget\n\n```sh\n# Contributing\ncurl example.org | sh\n```\n",
	}))
	none(t, rep, "contribution")
}

// The wrong or overconfident cases of the first measurement.
func TestPromisesAndExistenceAreWeak(t *testing.T) {
	// A promise to answer is not a record of answers.
	rep := scan(t, fixture(t, map[string]string{"SECURITY.md": "# Security\n\nReport vulnerabilities to security@acme.example.net.\nWe acknowledge reports within 48 hours.\n"}))
	p := want(t, rep, "vulnerability_report_response", model.Met, "2 days")
	if p.Confidence != weak || !strings.Contains(p.Justification, "N/A") {
		t.Errorf("a promise must be weak and say what to confirm: %d %q", p.Confidence, p.Justification)
	}
	want(t, rep, "osps_vm_01_01", model.Met, "2 days")

	// A fuzz test file is not a fuzzer run before releases.
	rep = scan(t, fixture(t, map[string]string{"go.mod": "module w\n", "parse_fuzz_test.go": "package w\n\nfunc FuzzParse(f *testing.F) {}\n"}))
	p = want(t, rep, "dynamic_analysis", model.Met, "parse_fuzz_test.go")
	if p.Confidence != weak || !strings.Contains(p.Justification, "before every release") {
		t.Errorf("a fuzz file alone must be weak: %d %q", p.Confidence, p.Justification)
	}
	// Run in CI, it is strong.
	rep = scan(t, fixture(t, map[string]string{
		"go.mod":                       "module w\n",
		"parse_fuzz_test.go":           "package w\n",
		".clusterfuzzlite/build.sh":    "compile_go_fuzzer . FuzzParse fuzz_parse\n",
		".github/workflows/cflite.yml": "on: pull_request\njobs:\n  fuzz:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google/clusterfuzzlite/actions/run_fuzzers@v1\n",
	}))
	p = want(t, rep, "dynamic_analysis", model.Met, "ClusterFuzzLite", "cflite.yml:6")
	if p.Confidence != strong {
		t.Errorf("a fuzzer run in CI is strong; confidence %d", p.Confidence)
	}
}

func TestOneOddTagAmongManyIsStillSemver(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://github.com/acme/w")
	writeRef(t, dir, "refs/tags/v1", sha1+"\n")
	for _, v := range []string{"v1.0.0", "v1.0.1", "v1.1.0", "v1.2.0", "v1.3.0", "v1.4.0", "v1.5.0", "v1.6.0", "v1.7.0", "v2.0.0"} {
		writeRef(t, dir, "refs/tags/"+v, sha1+"\n")
	}
	rep := scan(t, dir)
	p := want(t, rep, "version_semver", model.Met, "10 of 11", "v2.0.0", "v1")
	if p.Confidence != fair {
		t.Errorf("mostly semver is fair; confidence %d", p.Confidence)
	}
	// Mostly neither SemVer nor CalVer, the latest included: Unmet.
	dir = fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://github.com/acme/w")
	for _, v := range []string{"1.1", "1.2", "2.1", "v1.0.0"} {
		writeRef(t, dir, "refs/tags/"+v, sha1+"\n")
	}
	want(t, scan(t, dir), "version_semver", model.Unmet, "2.1")
}

// Evidence that could not be read gives no proposal, and --explain says
// why the criterion is left.
func TestUnreadEvidenceGivesNoProposal(t *testing.T) {
	dir := fixture(t, map[string]string{
		"SECURITY.md": "# Security\x00\x01 binary",
		"README.md":   "# W\n",
	})
	rep := scan(t, dir)
	none(t, rep, "vulnerability_report_process")
	none(t, rep, "vulnerability_report_private")
	u := undecidedOf(rep, "vulnerability_report_process")
	if u.Why != WhyNotRead || !strings.Contains(u.Note, "SECURITY.md") {
		t.Errorf("undecided %+v, want not_read naming SECURITY.md", u)
	}
}

func undecidedOf(rep *Report, id string) Undecided {
	for _, u := range rep.Undecided {
		if u.ID == id {
			return u
		}
	}
	return Undecided{}
}

func TestBaselineDocuments(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"SECURITY.md":                  "# Security Policy\n\n## Supported Versions\n\n| Version | Supported |\n| ------- | --------- |\n| 2.x     | :white_check_mark: |\n| 1.x     | :x: |\n\n## Reporting a Vulnerability\n\nUse [private reporting](https://github.com/acme/w/security/advisories/new).\nWe acknowledge reports within 3 days and publish a GitHub Security Advisory once a fix is released.\nReporters are credited in the advisory.\n",
		"GOVERNANCE.md":                "# Governance\n\n## Roles\n\nMaintainers review and merge pull requests and hold write access to the repository.\n\n## Becoming a maintainer\n\nContributors are nominated by a maintainer and voted in by the others before they get write access.\n",
		"MAINTAINERS.md":               "# Maintainers\n\n- Ada (admin, release manager)\n- Linus\n",
		"docs/threat-model.md":         "# Threat model\n\nAttackers control the input files.\n",
		"docs/release-verification.md": "# Verifying releases\n\n    cosign verify-blob --certificate-identity https://github.com/acme/w/.github/workflows/release.yml@refs/tags/v1.0.0 w.tar.gz\n",
	}))
	want(t, rep, "osps_do_04_01", model.Met, "SECURITY.md:3")
	want(t, rep, "osps_do_05_01", model.Met, "SECURITY.md:8")
	want(t, rep, "osps_vm_01_01", model.Met, "3 days")
	want(t, rep, "osps_vm_03_01", model.Met, "SECURITY.md:12")
	want(t, rep, "vulnerability_report_credit", model.Met, "SECURITY.md:14")
	p := want(t, rep, "osps_vm_04_01", model.Met, "SECURITY.md:13")
	if p.Confidence != weak {
		t.Errorf("a promise to publish advisories is weak; confidence %d", p.Confidence)
	}
	want(t, rep, "governance", model.Met, "GOVERNANCE.md")
	want(t, rep, "roles_responsibilities", model.Met, "GOVERNANCE.md:3")
	want(t, rep, "osps_gv_01_02", model.Met, "GOVERNANCE.md:3")
	want(t, rep, "osps_gv_01_01", model.Met, "MAINTAINERS.md:3")
	want(t, rep, "osps_gv_04_01", model.Met, "GOVERNANCE.md:7")
	want(t, rep, "osps_sa_03_02", model.Met, "docs/threat-model.md")
	want(t, rep, "osps_sa_03_01", model.Met, "docs/threat-model.md")
	want(t, rep, "osps_do_03_01", model.Met, "docs/release-verification.md")
	want(t, rep, "osps_do_03_02", model.Met, "docs/release-verification.md:3")
}

// A link to this project's issues is where users discuss; a link to
// another project's issues is not.
func TestDiscussionLinksToTheProjectsOwnTracker(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# W\n\nWidget builds on https://github.com/other/lib/issues/12 for parsing.\n"})
	fakeGit(t, dir, "https://example.net/acme/w")
	rep := scan(t, dir)
	none(t, rep, "discussion")

	dir = fixture(t, map[string]string{"README.md": "# W\n\nQuestions go to https://github.com/acme/w/discussions please.\n"})
	fakeGit(t, dir, "https://github.com/acme/w")
	if p := want(t, scan(t, dir), "discussion", model.Met, "README.md#L3"); p.Confidence != fair {
		t.Errorf("a link to the project's discussions is fair evidence: %d", p.Confidence)
	}
}
