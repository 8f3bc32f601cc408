package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

const siteAnswers = `# Our answers.
version: 1
project:
  name: demo
  url: https://github.com/demo/demo
answers:
  # Basics
  description_good:
    status: Met
    justification: The README says what it does.
  interact:
    status: Met # checked in May
    justification: Issues and discussions on GitHub.
  test:
    status: Unmet
    justification: Not yet.
`

func siteRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func siteWrite(t *testing.T, p, content string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExportCommand(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	out, errOut, code := run(t, dir, "export")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	want := "{\n  \"name\": \"demo\",\n  \"description_good_status\": \"Met\",\n  \"description_good_justification\": \"The README says what it does.\",\n" +
		"  \"interact_status\": \"Met\",\n  \"interact_justification\": \"Issues and discussions on GitHub.\",\n" +
		"  \"test_status\": \"Unmet\",\n  \"test_justification\": \"Not yet.\"\n}\n"
	if out != want {
		t.Errorf("export:\n%s\nwant:\n%s", out, want)
	}
	again, _, _ := run(t, dir, "export")
	if again != out {
		t.Error("two exports differ")
	}

	// -o writes the file, after the flags or among them.
	_, errOut, code = run(t, dir, "export", "-o", "site.json")
	if code != ExitOK || !strings.Contains(errOut, "Wrote site.json: 3 answers.") {
		t.Errorf("-o: code %d, %q", code, errOut)
	}
	if got := siteRead(t, filepath.Join(dir, "site.json")); got != want {
		t.Errorf("site.json:\n%s", got)
	}

	// Over the site's limit: nothing written, the answer named.
	long := strings.Replace(siteAnswers, "Not yet.", strings.Repeat("z", 8200), 1)
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), long)
	_, errOut, code = run(t, dir, "export", "-o", "site.json")
	if code != ExitBadInput || !strings.Contains(errOut, "1 justification is longer than the badge site's limit of 8192 characters") ||
		!strings.Contains(errOut, "test ") || !strings.Contains(errOut, "8200 characters") {
		t.Errorf("too long: code %d, %q", code, errOut)
	}
	if got := siteRead(t, filepath.Join(dir, "site.json")); got != want {
		t.Error("a failed export changed the file")
	}
}

// A project entry as saved from the site.
const siteEntry = `{
  "id": 4321,
  "name": "Demo on the site",
  "repo_url": "https://github.com/demo/demo",
  "homepage_url": "https://demo.example.org",
  "badge_level": "in_progress",
  "tiered_percentage": 12,
  "description_good_status": "Met",
  "description_good_justification": "The README says what it does.",
  "interact_status": "Met",
  "interact_justification": "Mailing list.",
  "test_status": "Met",
  "test_justification": "go test ./...",
  "floss_license_status": "Met",
  "floss_license_justification": "Apache-2.0.",
  "contribution_status": "?",
  "achieve_passing_status": "Unmet",
  "OSPS-AC-01.01_status": "Met",
  "OSPS-AC-01.01_justification": "MFA enforced by the organisation."
}
`

func TestImportCommand(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	answersPath := filepath.Join(dir, ".bestpractices.yaml")
	siteWrite(t, filepath.Join(dir, "4321.json"), siteEntry)

	// A dry run says everything and writes nothing; FILE may come first.
	out, errOut, code := run(t, dir, "import", "4321.json", "--dry-run")
	if code != ExitOK {
		t.Fatalf("dry run: code %d, %s", code, errOut)
	}
	for _, want := range []string{
		"4321.json: the badge site's entry for project 4321, with 5 answers.",
		"Would add (2):", "floss_license", "osps_ac_01_01",
		"Differ from your answers, which are kept (2; --overwrite takes the file's):",
		"interact", "here Met (Issues and discussions on GitHub.) · file Met (Mailing list.)",
		"here Unmet (Not yet.) · file Met (go test ./...)",
		"Already the same here (1):", "description_good",
		"Project badge_id: 4321 (filled in)",
		"Project name: kept demo; the file says Demo on the site (--overwrite takes it)",
		"Dry run: .bestpractices.yaml was not changed.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "achieve_passing") || strings.Contains(out, "contribution") {
		t.Errorf("automatic or unanswered fields listed:\n%s", out)
	}
	if siteRead(t, answersPath) != siteAnswers {
		t.Fatal("the dry run wrote the answers file")
	}

	// The import itself: fills in, keeps ours, keeps every comment.
	out, _, code = run(t, dir, "import", "--file", ".bestpractices.yaml", "4321.json")
	if code != ExitOK || !strings.Contains(out, "Added (2):") || !strings.Contains(out, "Saved .bestpractices.yaml.") {
		t.Fatalf("import: code %d\n%s", code, out)
	}
	got := siteRead(t, answersPath)
	for _, want := range []string{"# Our answers.", "  # Basics\n", "status: Met # checked in May", "  name: demo\n", "  badge_id: 4321\n",
		"  floss_license:\n    status: Met\n    justification: Apache-2.0.\n", "  osps_ac_01_01:\n    status: Met\n", "justification: Not yet."} {
		if !strings.Contains(got, want) {
			t.Errorf("answers file lacks %q:\n%s", want, got)
		}
	}

	// Again: nothing new to add.
	out, _, _ = run(t, dir, "import", "4321.json")
	if !strings.Contains(out, "Nothing to change in .bestpractices.yaml.") || strings.Contains(out, "Added") {
		t.Errorf("second import:\n%s", out)
	}

	// --overwrite takes the file's answers and name.
	out, _, code = run(t, dir, "import", "--overwrite", "4321.json")
	if code != ExitOK || !strings.Contains(out, "Differ from your answers, which are replaced (2):") || !strings.Contains(out, "Project name: Demo on the site replaces demo") {
		t.Errorf("overwrite: code %d\n%s", code, out)
	}
	f, err := model.Load(answersPath, criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if f.Answers["test"].Status != model.Met || f.Answers["interact"].Justification != "Mailing list." || f.Project.Name != "Demo on the site" || f.Project.BadgeID != 4321 {
		t.Errorf("after overwrite: %+v %+v", f.Project, f.Answers)
	}
}

func TestImportBadInput(t *testing.T) {
	cases := []struct{ name, json, want string }{
		{"unknown criterion", "{\n  \"test_status\": \"Met\",\n  \"tests_status\": \"Met\"\n}", "bad.json:3: tests_status names no criterion this program knows"},
		{"not an object", `[{"id": 1}]`, "bad.json holds a JSON array, not a JSON object"},
		{"bad status", "{\"test_status\": \"Done\"}", `bad.json:1: test_status is "Done", which is no status; write Met, Unmet, N/A or ?.`},
		{"status not text", "{\"test_status\": 1}", "bad.json:1: test_status is 1; a status is text"},
		{"id not a number", "{\"id\": \"x\"}", `bad.json:1: id is "x"; it must be a whole number above 0.`},
		{"broken JSON", "{\n\"test_status\": \"Met\"", "bad.json:2: not valid JSON: the file ends before the JSON does"},
		{"escape sequences are not passed to the terminal", "{\"test_status\": \"\\u001b[31mred\"}", `test_status is "red"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeAnswers(t, siteAnswers)
			siteWrite(t, filepath.Join(dir, "bad.json"), c.json)
			_, errOut, code := run(t, dir, "import", "bad.json")
			if code != ExitBadInput || !strings.Contains(errOut, c.want) {
				t.Errorf("code %d, stderr %q, want %q", code, errOut, c.want)
			}
			if strings.Contains(errOut, "\x1b") {
				t.Errorf("escape sequence in %q", errOut)
			}
			if siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != siteAnswers {
				t.Error("the answers file changed")
			}
		})
	}

	dir := writeAnswers(t, siteAnswers)
	big := filepath.Join(dir, "big.json")
	siteWrite(t, big, "{\"name\": \""+strings.Repeat("a", site.MaxImportSize)+"\"}")
	if _, errOut, code := run(t, dir, "import", "big.json"); code != ExitBadInput || !strings.Contains(errOut, "big.json is larger than 5242880 bytes") {
		t.Errorf("too large: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, dir, "import"); code != ExitBadInput || !strings.Contains(errOut, "import needs the JSON file to read") {
		t.Errorf("no FILE: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, dir, "import", "missing.json"); code != ExitBadInput || !strings.Contains(errOut, "could not read missing.json") {
		t.Errorf("missing FILE: %d %q", code, errOut)
	}
	// An answers file we cannot read is not written either.
	bad := "version: 1\nanswers:\n  test:\n    status: maybe\n"
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), bad)
	siteWrite(t, filepath.Join(dir, "ok.json"), `{"test_status": "Met"}`)
	if _, errOut, code := run(t, dir, "import", "ok.json"); code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.yaml:4") {
		t.Errorf("bad answers file: %d %q", code, errOut)
	}
	if siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != bad {
		t.Error("a file we cannot parse was written")
	}
}

// export in one project, import in a new one: the same answers.
func TestExportImportRoundTrip(t *testing.T) {
	src := writeAnswers(t, passingAnswers("floss_license", "report_tracker")+"  report_tracker:\n    status: Unmet\n    justification: |\n      E-mail only,\n      for now.\n")
	exported, _, code := run(t, src, "export")
	if code != ExitOK {
		t.Fatal(code)
	}
	dst := t.TempDir()
	siteWrite(t, filepath.Join(dst, "in.json"), exported)
	out, errOut, code := run(t, dst, "import", "in.json")
	if code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(out, "Added (66):") {
		t.Errorf("import:\n%s", out)
	}
	again, _, _ := run(t, dst, "export")
	if again != exported {
		t.Errorf("round trip differs:\n%s\nwant:\n%s", again, exported)
	}
	a, _ := model.Load(filepath.Join(src, ".bestpractices.yaml"), criteria.Default())
	b, _ := model.Load(filepath.Join(dst, ".bestpractices.yaml"), criteria.Default())
	if len(a.Answers) != len(b.Answers) || b.Project.Name != "demo" {
		t.Errorf("%d answers, then %d; project %+v", len(a.Answers), len(b.Answers), b.Project)
	}
	for id, x := range a.Answers {
		if y := b.Answers[id]; y.Status != x.Status || y.Justification != strings.TrimSpace(x.Justification) {
			t.Errorf("%s: %+v, then %+v", id, x, y)
		}
	}
}

func TestProposeCommand(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	out, errOut, code := run(t, dir, "propose")
	if code != ExitOK || !strings.Contains(errOut, "signed in to bestpractices.dev") {
		t.Fatalf("code %d, %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2Fdemo%2Fdemo&") {
		t.Fatalf("output %q", out)
	}
	u, _ := url.Parse(lines[0])
	q := u.Query()
	if q.Get("test_status") != "Unmet" || q.Get("description_good_justification") != "The README says what it does." || q.Get("name") != "demo" {
		t.Errorf("query %v", q)
	}
	out, _, _ = run(t, dir, "propose", "--level", "passing")
	if !strings.Contains(out, "&section=passing&") {
		t.Errorf("--level: %q", out)
	}
	if _, errOut, _ := run(t, dir, "propose", "--level", "gold"); !strings.Contains(errOut, "No answers to propose at gold yet.") {
		t.Errorf("nothing at gold: %q", errOut)
	}
	if _, _, code := run(t, dir, "propose", "--level", "platinum"); code != ExitBadInput {
		t.Errorf("unknown level: %d", code)
	}

	// Too long for one link: one per level.
	var b strings.Builder
	b.WriteString("version: 1\nproject:\n  url: https://github.com/demo/demo\nanswers:\n")
	for _, id := range criteria.Default().IDs() {
		b.WriteString("  " + id + ":\n    status: Met\n    justification: " + strings.Repeat("w ", 20) + "\n")
	}
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), b.String())
	out, errOut, code = run(t, dir, "propose")
	if code != ExitOK || !strings.Contains(errOut, "here is one link per level") || !strings.Contains(out, "passing (67 answers):\nhttps://") || !strings.Contains(out, "&section=baseline-3&") {
		t.Errorf("split: code %d %q\n%s", code, errOut, out)
	}
	// One level too long: use .bestpractices.json.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), strings.Replace(b.String(), strings.Repeat("w ", 20), strings.Repeat("w ", 3000), 1))
	if _, errOut, code := run(t, dir, "propose"); code != ExitBadInput || !strings.Contains(errOut, "The link for passing alone would be") || !strings.Contains(errOut, "bestpractices export -o .bestpractices.json") {
		t.Errorf("too long: %d %q", code, errOut)
	}

	// No project URL and no remote.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), "version: 1\nanswers:\n  test:\n    status: Met\n")
	if _, errOut, code := run(t, dir, "propose"); code != ExitBadInput || !strings.Contains(errOut, "add url: under project:") {
		t.Errorf("no URL: %d %q", code, errOut)
	}
}

func TestCheckJSONInSync(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	jsonPath := filepath.Join(dir, ".bestpractices.json")
	out, _, code := run(t, dir, "check", "--json-in-sync")
	if code != ExitNotMet || !strings.Contains(out, ".bestpractices.json does not exist; run bestpractices export -o .bestpractices.json") {
		t.Errorf("missing: %d %q", code, out)
	}
	run(t, dir, "export", "-o", ".bestpractices.json")
	out, _, code = run(t, dir, "check", "--json-in-sync")
	if code != ExitOK || !strings.Contains(out, ".bestpractices.json matches the answers in .bestpractices.yaml.") {
		t.Errorf("in sync: %d %q", code, out)
	}
	// The YAML changes: CI says which fields.
	changed := strings.Replace(siteAnswers, "status: Unmet\n    justification: Not yet.", "status: Met\n    justification: go test", 1) + "  english:\n    status: Met\n"
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), changed)
	out, _, code = run(t, dir, "check", "--json-in-sync")
	for _, want := range []string{
		".bestpractices.json no longer matches .bestpractices.yaml (3 differences)",
		`test_status: "Met" in the answers, "Unmet" in the file`,
		`test_justification: "go test" in the answers, "Not yet." in the file`,
		`english_status: "Met" in the answers, missing from the file`,
	} {
		if code != ExitNotMet || !strings.Contains(out, want) {
			t.Errorf("stale: code %d, lacks %q:\n%s", code, want, out)
		}
	}
	// The same fields laid out by hand: still not what export writes.
	run(t, dir, "export", "-o", ".bestpractices.json")
	siteWrite(t, jsonPath, strings.ReplaceAll(siteRead(t, jsonPath), "\n  ", ""))
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitNotMet || !strings.Contains(out, "laid out differently") {
		t.Errorf("layout: %d %q", code, out)
	}
	siteWrite(t, jsonPath, "not json")
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitNotMet || !strings.Contains(out, "is not a JSON object") {
		t.Errorf("broken: %d %q", code, out)
	}
}

// Every error package badgesite can return has its words.
func TestSiteErrorTexts(t *testing.T) {
	en := i18n.English()
	codes := []site.Code{
		site.CodeTooLarge, site.CodeNotUTF8, site.CodeSyntax, site.CodeNotObject, site.CodeDuplicate,
		site.CodeUnknownCriteria, site.CodeStatusType, site.CodeBadStatus, site.CodeJustificationType,
		site.CodeFieldType, site.CodeJustificationTooLong, site.CodeExportTooLarge, site.CodeNoURL, site.CodeURLTooLong,
	}
	for _, c := range codes {
		if !en.Has("ui.site.error." + string(c)) {
			t.Errorf("no text for %s", c)
		}
	}
	for _, k := range []string{site.JSONArray, site.JSONString, site.JSONNumber, site.JSONBoolean, site.JSONNull, site.JSONEmpty} {
		if !en.Has("ui.site.json_kind." + k) {
			t.Errorf("no text for the JSON kind %s", k)
		}
	}
	for _, k := range []string{site.JSONString, site.JSONNumber} {
		if !en.Has("ui.site.want." + k) {
			t.Errorf("no text for wanting %s", k)
		}
	}
	for _, cmd := range []string{"export", "import", "propose"} {
		_, errOut, code := run(t, t.TempDir(), cmd, "--help")
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices "+cmd) {
			t.Errorf("%s --help: %d %q", cmd, code, errOut)
		}
	}
}

func TestImportFromStandardInput(t *testing.T) {
	dir := t.TempDir()
	var out, errb strings.Builder
	env := &environ.Env{Stdin: strings.NewReader(`{"name": "piped", "test_status": "Met"}`), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }}
	if code := Run(env, UI{}, []string{"import", "-"}); code != ExitOK {
		t.Fatalf("code %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "standard input: 1 answer.") {
		t.Errorf("output %q", out.String())
	}
	f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if err != nil || f.Answers["test"].Status != model.Met || f.Project.Name != "piped" {
		t.Errorf("new file: %v %+v", err, f)
	}
}
