package cli

import (
	"bytes"
	"encoding/json"
	"io"
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
		"Answered differently here and in the file (2):",
		"interact", "ours Met (Issues and discussions on GitHub.) · theirs Met (Mailing list.)",
		"→ ours kept (--take interact or --prefer theirs takes the file's)",
		"ours Unmet (Not yet.) · theirs Met (go test ./...)",
		"Already the same here (1):", "description_good",
		"Project badge_id: 4321 (filled in)",
		"Project name: kept demo; the file says Demo on the site (--prefer theirs takes it)",
		"Dry run: .bestpractices.yaml was not changed.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "achieve_passing") || strings.Contains(out, "contribution") || strings.Contains(out, "Skipped") {
		t.Errorf("automatic, unanswered or site fields listed:\n%s", out)
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

	// --take picks one conflict; the other stays ours.
	out, errOut, code = run(t, dir, "import", "--take", "test,floss_license", "4321.json")
	if code != ExitOK || !strings.Contains(out, "→ theirs taken (--take)") || !strings.Contains(errOut, "--take floss_license: the file does not answer it differently") {
		t.Errorf("--take: code %d\n%s\n%s", code, out, errOut)
	}
	f, _ := model.Load(answersPath, criteria.Default())
	if f.Answers["test"].Status != model.Met || f.Answers["interact"].Justification != "Issues and discussions on GitHub." {
		t.Errorf("after --take: %+v", f.Answers)
	}

	// --prefer theirs takes the file's answers and name; --overwrite says the same.
	for _, flag := range []string{"--prefer=theirs", "--overwrite"} {
		siteWrite(t, answersPath, siteAnswers)
		out, _, code = run(t, dir, "import", flag, "4321.json")
		if code != ExitOK || !strings.Contains(out, "→ theirs taken (--prefer theirs)") || !strings.Contains(out, "Project name: Demo on the site replaces demo") {
			t.Errorf("%s: code %d\n%s", flag, code, out)
		}
		f, err := model.Load(answersPath, criteria.Default())
		if err != nil {
			t.Fatal(err)
		}
		if f.Answers["test"].Status != model.Met || f.Answers["interact"].Justification != "Mailing list." || f.Project.Name != "Demo on the site" || f.Project.BadgeID != 4321 {
			t.Errorf("after %s: %+v %+v", flag, f.Project, f.Answers)
		}
	}

	// Bad flags are refused before anything is read.
	if _, errOut, code := run(t, dir, "import", "--prefer", "mine", "4321.json"); code != ExitBadInput || !strings.Contains(errOut, "--prefer mine: write --prefer ours") {
		t.Errorf("--prefer mine: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, dir, "import", "--take", "test,tset,\x1b[31mred", "4321.json"); code != ExitBadInput || !strings.Contains(errOut, "--take names tset, red, which are no criteria") || strings.Contains(errOut, "\x1b") {
		t.Errorf("--take tset: %d %q", code, errOut)
	}
}

// After detect --apply, importing the maintainer's own file replaces the
// machine's guesses with the maintainer's words, and keeps every answer a
// person wrote here.
func TestImportAfterDetect(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{"LICENSE": mit, "README.md": "# w\n\nw converts widgets.\n"})
	if _, errOut, code := run(t, dir, "detect", "--apply"); code != ExitOK {
		t.Fatalf("detect: %d %s", code, errOut)
	}
	f, _ := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	guess := f.Answers["floss_license"]
	if guess.Status != model.Met || guess.Justification == "" {
		t.Fatalf("detect proposed nothing for floss_license: %+v", f.Answers)
	}
	// One answer of the maintainer's, kept whatever the file says.
	f.Set("english", model.Answer{Status: model.Met, Justification: "Everything is in English."})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	siteWrite(t, filepath.Join(dir, "mine.json"), `{
  "floss_license_status": "Met",
  "floss_license_justification": "MIT; every source file carries an SPDX header.",
  "english_status": "Unmet",
  "english_justification": "Docs are in Portuguese."
}`)
	out, errOut, code := run(t, dir, "import", "mine.json")
	if code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(out, "→ theirs taken: ours is still the text detect or carry wrote") || !strings.Contains(out, "→ ours kept (--take english") {
		t.Errorf("import:\n%s", out)
	}
	f, _ = model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if f.Answers["floss_license"].Justification != "MIT; every source file carries an SPDX header." || f.Answers["english"].Status != model.Met {
		t.Errorf("after import: %+v / %+v", f.Answers["floss_license"], f.Answers["english"])
	}
}

// Files shaped like the site's real output and real repositories' files
// import without a refusal: renamed fields said once each, the site's
// columns and legacy fields silent, unknown fields summed up in one line,
// values the site would skip each said.
func TestImportRealShapes(t *testing.T) {
	testdata := filepath.Join("..", "site", "testdata")
	copyFixture := func(t *testing.T, dir, name string) {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		siteWrite(t, filepath.Join(dir, name), string(b))
	}
	t.Run("today's entry", func(t *testing.T) {
		dir := t.TempDir()
		copyFixture(t, dir, "entry-2026.json")
		out, errOut, code := run(t, dir, "import", "entry-2026.json")
		if code != ExitOK || errOut != "" || !strings.Contains(out, "the badge site's entry for project 4242, with 14 answers") ||
			!strings.Contains(out, "Skipped osps_br_01_02: the badge no longer has this criterion.") || strings.Contains(out, "does not know") {
			t.Errorf("code %d\n%s\n%s", code, out, errOut)
		}
		f, _ := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
		if f.Project != (model.Project{Name: "widget", URL: "https://github.com/acme/widget", BadgeID: 4242}) || len(f.Answers) != 14 {
			t.Errorf("%+v, %d answers", f.Project, len(f.Answers))
		}
	})
	t.Run("an entry of 2016", func(t *testing.T) {
		dir := t.TempDir()
		copyFixture(t, dir, "entry-2016.json")
		out, _, code := run(t, dir, "import", "entry-2016.json")
		for _, want := range []string{
			"Read oss_license as floss_license: the badge site has renamed this field since the file was saved.",
			"Read changelog as release_notes:", "Read repo_url as repo_public:", "Read description_sufficient as description_good:",
			"Read contribution_criteria as contribution_requirements:", "Read project_url_https as sites_https:",
			"Skipped crypto_alternatives: the badge no longer has this criterion.",
		} {
			if code != ExitOK || strings.Count(out, want) != 1 {
				t.Errorf("code %d, lacks %q once:\n%s", code, want, out)
			}
		}
		f, _ := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
		if f.Answers["floss_license"].Status != model.Met || f.Project.URL != "https://github.com/example/tinyhttpd" {
			t.Errorf("%+v %+v", f.Project, f.Answers["floss_license"])
		}
	})
	t.Run("odd values", func(t *testing.T) {
		dir := t.TempDir()
		siteWrite(t, filepath.Join(dir, "odd.json"), "{\n  \"test_status\": \"Done\",\n  \"build_status\": 1,\n  \"english_status\": \"Met\",\n"+
			"  \"tests_status\": \"Met\", \"website\": \"x\", \"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\\u001b[31m\": 5\n}")
		out, errOut, code := run(t, dir, "import", "odd.json")
		if code != ExitOK || !strings.Contains(errOut, `odd.json:2: test_status is "Done", which is no status; skipped, as the site skips it`) ||
			!strings.Contains(errOut, "odd.json:3: build_status is 1, which is no status") ||
			!strings.Contains(out, "Skipped 7 fields that bestpractices does not know, as the site does: tests_status, website, a, b, c, …") {
			t.Errorf("code %d\n%s\n%s", code, out, errOut)
		}
		if strings.Contains(out+errOut, "\x1b") {
			t.Error("an escape sequence reached the terminal")
		}
	})
	// A status with an escape sequence in it is shown escaped: stripped,
	// the message said "Met" is no status.
	t.Run("escaped status", func(t *testing.T) {
		dir := t.TempDir()
		siteWrite(t, filepath.Join(dir, "esc.json"), `{"interact_status":"Met\u001b[2J", "test_status": "Met\u202e"}`)
		_, errOut, code := run(t, dir, "import", "esc.json")
		if code != ExitOK || !strings.Contains(errOut, `esc.json:1: interact_status is "Met\x1b[2J", which is no status`) ||
			!strings.Contains(errOut, `test_status is "Met\u202e", which is no status`) || strings.ContainsAny(errOut, "\x1b\u202e") {
			t.Errorf("code %d\n%s", code, errOut)
		}
	})
}

func TestImportBadInput(t *testing.T) {
	cases := []struct{ name, json, want string }{
		{"not an object", `[{"id": 1}]`, "bad.json holds a JSON array, not a JSON object"},
		{"broken JSON", "{\n\"test_status\": \"Met\"", "bad.json:2: not valid JSON: the file ends before the JSON does"},
		{"not UTF-8", "{\"name\": \"\xff\"}", "bad.json:1: the file is not UTF-8 text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeAnswers(t, siteAnswers)
			siteWrite(t, filepath.Join(dir, "bad.json"), c.json)
			_, errOut, code := run(t, dir, "import", "bad.json")
			if code != ExitBadInput || !strings.Contains(errOut, c.want) {
				t.Errorf("code %d, stderr %q, want %q", code, errOut, c.want)
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
	if _, errOut, code := run(t, dir, "import", "missing.json"); code != ExitBadInput || !strings.Contains(errOut, "could not read missing.json: no such file or directory") {
		t.Errorf("missing FILE: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, dir, "import", "."); code != ExitBadInput || !strings.Contains(errOut, "is a directory, not a regular file") {
		t.Errorf("a directory: %d %q", code, errOut)
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

// A save that model refuses leaves the file as it was and exits with 2.
func TestImportSaveRefused(t *testing.T) {
	// A name folded over two lines is replaced where it stands.
	answers := "version: 1\nproject:\n  name: the demo\n    project\n  url: https://github.com/o/p\nanswers:\n  test:\n    status: Met\n"
	dir := writeAnswers(t, answers)
	siteWrite(t, filepath.Join(dir, "e.json"), `{"name": "Demo", "repo_url": "https://github.com/o/p", "interact_status": "Met"}`)
	if _, errOut, code := run(t, dir, "import", "--prefer", "theirs", "e.json"); code != ExitOK || siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != "version: 1\nproject:\n  name: Demo\n  url: https://github.com/o/p\nanswers:\n  interact:\n    status: Met\n  test:\n    status: Met\n" {
		t.Errorf("folded name: code %d %q\n%s", code, errOut, siteRead(t, filepath.Join(dir, ".bestpractices.yaml")))
	}
	// A null document with a comment: the new text cannot be proven to
	// keep the comment, so nothing is written.
	answers = "~ # keep me\n"
	dir = writeAnswers(t, answers)
	siteWrite(t, filepath.Join(dir, "e.json"), `{"name": "Demo", "repo_url": "https://github.com/o/p", "interact_status": "Met"}`)
	_, errOut, code := run(t, dir, "import", "--prefer", "theirs", "e.json")
	if code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.yaml: nothing was written") {
		t.Errorf("code %d %q", code, errOut)
	}
	if siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != answers {
		t.Error("a refused save changed the file")
	}
}

// export in one project, import in a new one: the same answers.
func TestExportImportRoundTrip(t *testing.T) {
	src := writeAnswers(t, passingAnswers("floss_license", "report_tracker")+"  report_tracker:\n    status: Unmet\n    justification: |\n      E-mail only,\n      for now.\n  osps_gv_02_01:\n    justification: ask Jo\n")
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
	if !strings.Contains(out, "Added (67):") {
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

func TestExportOverExistingFiles(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	jsonPath := filepath.Join(dir, ".bestpractices.json")
	// A file kept by hand: its other fields stay where they are.
	siteWrite(t, jsonPath, "{\n\t\"$schema\": \"https://example.org/s.json\",\n\t\"description\": \"Demo.\",\n\t\"test_status\": \"Met\",\n\t\"x-tool\": {\"a\": [1]}\n}\n")
	_, errOut, code := run(t, dir, "export", "-o", ".bestpractices.json")
	if code != ExitOK || !strings.Contains(errOut, "Wrote .bestpractices.json: 3 answers.") {
		t.Fatalf("code %d %q", code, errOut)
	}
	want := "{\n\t\"$schema\": \"https://example.org/s.json\",\n\t\"name\": \"demo\",\n\t\"description\": \"Demo.\",\n\t\"test_status\": \"Unmet\",\n\t\"test_justification\": \"Not yet.\",\n" +
		"\t\"description_good_status\": \"Met\",\n\t\"description_good_justification\": \"The README says what it does.\",\n" +
		"\t\"interact_status\": \"Met\",\n\t\"interact_justification\": \"Issues and discussions on GitHub.\",\n\t\"x-tool\": {\"a\": [1]}\n}\n"
	if got := siteRead(t, jsonPath); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}

	// Never the answers file, nor a file that is no JSON, without --force.
	for _, target := range []string{".bestpractices.yaml", "notes.txt"} {
		siteWrite(t, filepath.Join(dir, "notes.txt"), "my notes\n")
		_, errOut, code := run(t, dir, "export", "-o", target)
		if code != ExitBadInput || !strings.Contains(errOut, "--force") {
			t.Errorf("%s: code %d %q", target, code, errOut)
		}
	}
	if siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != siteAnswers || siteRead(t, filepath.Join(dir, "notes.txt")) != "my notes\n" {
		t.Fatal("a refused export wrote")
	}
	if _, errOut, code := run(t, dir, "export", "-o", "notes.txt", "--force"); code != ExitOK || !strings.HasPrefix(siteRead(t, filepath.Join(dir, "notes.txt")), "{\n  \"name\": \"demo\"") {
		t.Errorf("--force: %d %q", code, errOut)
	}
	// A link to the answers file is the answers file.
	os.Symlink(".bestpractices.yaml", filepath.Join(dir, "link.json"))
	if _, errOut, code := run(t, dir, "export", "-o", "link.json"); code != ExitBadInput || !strings.Contains(errOut, "is your answers file") {
		t.Errorf("link: %d %q", code, errOut)
	}
	// A committed .bestpractices.json that links out of the repository (to
	// ~/.docker/config.json, a JSON object): the answers were merged into
	// it. Not written through, not even with --force; named by its own
	// path, it is the user's choice.
	outside := filepath.Join(t.TempDir(), "config.json")
	siteWrite(t, outside, `{"auths":{"registry":{"auth":"c2VjcmV0"}}}`)
	os.Symlink(outside, filepath.Join(dir, "linked.json"))
	for _, args := range [][]string{{"export", "-o", "linked.json"}, {"export", "-o", "linked.json", "--force"}, {"export", "--format", "security-insights", "-o", "linked.json"}} {
		if _, errOut, code := run(t, dir, args...); code != ExitBadInput || !strings.Contains(errOut, "linked.json is a symbolic link leading out of the repository") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	if siteRead(t, outside) != `{"auths":{"registry":{"auth":"c2VjcmV0"}}}` {
		t.Fatal("a file outside the repository was written through a link")
	}
	if _, errOut, code := run(t, dir, "export", "-o", outside); code != ExitOK || !strings.Contains(siteRead(t, outside), `"auths"`) {
		t.Errorf("the file's own path: %d %q", code, errOut)
	}

	// Without an answers file, no name is made up from the directory.
	empty := t.TempDir()
	out, _, _ := run(t, empty, "export")
	if out != "{\n}\n" {
		t.Errorf("no answers file: %q", out)
	}
}

func TestDiffCommand(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	siteWrite(t, filepath.Join(dir, "4321.json"), siteEntry)
	out, errOut, code := run(t, dir, "diff", "4321.json")
	if code != ExitNotMet {
		t.Fatalf("code %d %s", code, errOut)
	}
	for _, want := range []string{
		".bestpractices.yaml and 4321.json differ on 4 criteria:",
		"interact", "ours Met (Issues and discussions on GitHub.) · theirs Met (Mailing list.)",
		"test", "ours Unmet (Not yet.) · theirs Met (go test ./...)",
		"floss_license", "ours (nothing) · theirs Met (Apache-2.0.)",
		"osps_ac_01_01",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "description_good") {
		t.Errorf("an equal answer listed:\n%s", out)
	}

	out, _, code = run(t, dir, "diff", "--format", "json", "4321.json")
	var got struct {
		Source      string `json:"source"`
		Kind        string `json:"kind"`
		Differences []struct {
			ID     string `json:"id"`
			Ours   *struct{ Status, Justification string }
			Theirs *struct{ Status, Justification string }
		} `json:"differences"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitNotMet {
		t.Fatalf("json: %v %d\n%s", err, code, out)
	}
	if got.Kind != "project" || len(got.Differences) != 4 || got.Differences[1].ID != "floss_license" || got.Differences[1].Ours != nil || got.Differences[1].Theirs.Status != "Met" {
		t.Errorf("json: %+v", got)
	}

	out, _, _ = run(t, dir, "diff", "4321.json", "--format=markdown")
	if !strings.Contains(out, "| Criterion | Ours | Theirs |") || !strings.Contains(out, "| `test` | **Unmet** Not yet. | **Met** go test ./... |") {
		t.Errorf("markdown:\n%s", out)
	}

	// The same answers: exit 0.
	run(t, dir, "export", "-o", "mine.json")
	out, _, code = run(t, dir, "diff", "mine.json")
	if code != ExitOK || !strings.Contains(out, ".bestpractices.yaml and mine.json give the same answers.") {
		t.Errorf("same: %d %q", code, out)
	}
	if _, errOut, code := run(t, dir, "diff"); code != ExitBadInput || !strings.Contains(errOut, "diff needs the file") {
		t.Errorf("no file: %d %q", code, errOut)
	}
	if _, _, code := run(t, dir, "diff", "4321.json", "--format", "html"); code != ExitBadInput {
		t.Errorf("unknown format: %d", code)
	}
}

func TestProposeCommand(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	out, errOut, code := run(t, dir, "propose")
	if code != ExitOK || !strings.Contains(errOut, "signed in to bestpractices.dev") {
		t.Fatalf("code %d, %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2Fdemo%2Fdemo&section=passing&") {
		t.Fatalf("output %q", out)
	}
	u, _ := url.Parse(lines[0])
	q := u.Query()
	if q.Get("test_status") != "Unmet" || q.Get("description_good_justification") != "The README says what it does." || q.Get("name") != "demo" {
		t.Errorf("query %v", q)
	}
	if _, errOut, _ := run(t, dir, "propose", "--level", "gold"); !strings.Contains(errOut, "No answers to propose at gold yet.") {
		t.Errorf("nothing at gold: %q", errOut)
	}
	if _, _, code := run(t, dir, "propose", "--level", "platinum"); code != ExitBadInput {
		t.Errorf("unknown level: %d", code)
	}
	// In the user's language; by number once the entry has one.
	withID := strings.Replace(siteAnswers, "  url: https://github.com/demo/demo\n", "  url: https://github.com/demo/demo\n  badge_id: 4321\n", 1)
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), withID)
	out, _, _ = run(t, dir, "--lang", "fr", "propose")
	if !strings.HasPrefix(out, "https://www.bestpractices.dev/fr/projects/4321/passing/edit?name=demo&description_good_status=Met&") {
		t.Errorf("fr, by number: %q", out)
	}
	// German: no translation here, but the site serves it; asked for
	// with --lang, with LANG, or first in LANGUAGE.
	for _, env := range []map[string]string{{}, {"LANG": "de_DE.UTF-8"}, {"LANG": "fr_FR.UTF-8", "LANGUAGE": "de:fr"}} {
		args := []string{"propose"}
		if len(env) == 0 {
			args = []string{"--lang", "de", "propose"}
		}
		var o, e bytes.Buffer
		Run(&environ.Env{Stdin: strings.NewReader(""), Stdout: &o, Stderr: &e, Dir: dir, Getenv: func(k string) string { return env[k] }}, UI{}, args)
		if !strings.HasPrefix(o.String(), "https://www.bestpractices.dev/de/projects/4321/passing/edit?") {
			t.Errorf("German asked for (%v %v): %q", env, args, o.String())
		}
	}
	// Traditional Chinese, which the site does not serve, then Japanese.
	var o bytes.Buffer
	Run(&environ.Env{Stdin: strings.NewReader(""), Stdout: &o, Stderr: io.Discard, Dir: dir, Getenv: func(k string) string {
		return map[string]string{"LANG": "zh_TW.UTF-8", "LANGUAGE": "zh_TW:ja"}[k]
	}}, UI{}, []string{"propose"})
	if !strings.HasPrefix(o.String(), "https://www.bestpractices.dev/ja/projects/4321/") {
		t.Errorf("zh-TW then ja: %q", o.String())
	}

	// Every answer at length: each level in as many links as it takes.
	var b strings.Builder
	b.WriteString("version: 1\nproject:\n  url: https://github.com/demo/demo\nanswers:\n")
	for _, id := range criteria.Default().IDs() {
		b.WriteString("  " + id + ":\n    status: Met\n    justification: " + strings.Repeat("w ", 100) + "\n")
	}
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), b.String())
	out, errOut, code = run(t, dir, "propose")
	if code != ExitOK || !strings.Contains(errOut, "links, each under 8000 characters") || !strings.Contains(out, "passing, link 1 of 3 (") || !strings.Contains(out, "&section=baseline-3&") {
		t.Errorf("split: code %d %q\n%s", code, errOut, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > site.MaxURLLength {
			t.Errorf("a link of %d characters", len(line))
		}
	}
	// An answer too long for any link is named; the others still go.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), strings.Replace(b.String(), strings.Repeat("w ", 100), strings.Repeat("日本 ", 1000), 1))
	if _, errOut, code := run(t, dir, "propose", "--level", "passing"); code != ExitOK || !strings.Contains(errOut, "1 answer makes a link over 8000 characters by itself, so no link carries it: description_good.") {
		t.Errorf("too long: %d %q", code, errOut)
	}

	// No project URL, no number and no remote.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), "version: 1\nanswers:\n  test:\n    status: Met\n")
	if _, errOut, code := run(t, dir, "propose"); code != ExitBadInput || !strings.Contains(errOut, "add url: (or badge_id:) under project:") {
		t.Errorf("no URL: %d %q", code, errOut)
	}
}

// propose --overrides pushes exactly the answers that differ from the
// site's, and asks the site to replace them.
func TestProposeOverrides(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	siteWrite(t, filepath.Join(dir, "4321.json"), siteEntry)
	out, errOut, code := run(t, dir, "propose", "--overrides", "4321.json")
	if code != ExitOK {
		t.Fatalf("code %d %q", code, errOut)
	}
	if !strings.HasPrefix(out, "https://www.bestpractices.dev/en/projects/4321/passing/edit?name=demo&interact_status=Met&interact_justification=Issues+and+discussions+on+GitHub.&test_status=Unmet&test_justification=Not+yet.&overrides=interact_status%2Cinteract_justification%2Ctest_status%2Ctest_justification") {
		t.Errorf("link %q", out)
	}
	if !strings.Contains(errOut, "2 criteria are answered in 4321.json but not here") || !strings.Contains(errOut, "the site replaces its answers with these") {
		t.Errorf("advice %q", errOut)
	}
	// The site's entry once it holds our answers.
	run(t, dir, "export", "-o", "mine.json")
	siteWrite(t, filepath.Join(dir, "mine.json"), strings.Replace(siteRead(t, filepath.Join(dir, "mine.json")), "{\n", "{\n  \"id\": 4321,\n  \"repo_url\": \"https://github.com/demo/demo\",\n", 1))
	if _, errOut, code := run(t, dir, "propose", "--overrides", "mine.json"); code != ExitOK || !strings.Contains(errOut, "Your answers and mine.json agree") {
		t.Errorf("no differences: %d %q", code, errOut)
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
	if code != ExitOK || !strings.Contains(out, ".bestpractices.json gives the site the answers in .bestpractices.yaml.") {
		t.Errorf("in sync: %d %q", code, out)
	}
	// The YAML changes: CI says which criteria.
	changed := strings.Replace(siteAnswers, "status: Unmet\n    justification: Not yet.", "status: Met\n    justification: go test", 1) + "  english:\n    status: Met\n"
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), changed)
	out, _, code = run(t, dir, "check", "--json-in-sync")
	for _, want := range []string{
		".bestpractices.json does not give the site the answers in .bestpractices.yaml (2 differences)",
		"test", "answers file Met (go test) · .bestpractices.json Unmet (Not yet.)",
		"english", "answers file Met · .bestpractices.json (nothing)",
	} {
		if code != ExitNotMet || !strings.Contains(out, want) {
			t.Errorf("stale: code %d, lacks %q:\n%s", code, want, out)
		}
	}
	// What the site does not read does not count: layout, metadata, notes.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), siteAnswers)
	siteWrite(t, jsonPath, `{"$schema": "s", "_comment": "by hand", "name": "Another name", "repo_url": "https://x", "description": "d",
		"license": "MIT", "implementation_languages": "Go", "achieve_passing_status": "Met", "private": {"a": 1},
		"description_good_status": "met", "description_good_justification": "  The README says what it does.  ",
		"interact_status": "Met", "interact_justification": "Issues and discussions on GitHub.",
		"test_status": "Unmet", "test_justification": "Not yet.", "build_status": "?", "homepage_url_status": "Met"}`)
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitOK {
		t.Errorf("metadata and layout: %d %q", code, out)
	}
	// A former field name is not read by the site: said so.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), siteAnswers+"  floss_license:\n    status: Met\n")
	siteWrite(t, jsonPath, strings.Replace(siteRead(t, jsonPath), `"build_status": "?"`, `"oss_license_status": "Met"`, 1))
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitNotMet || !strings.Contains(out, "oss_license_status and oss_license_justification: the site no longer reads this former name; export writes floss_license_status instead.") {
		t.Errorf("former name: %d %q", code, out)
	}
	siteWrite(t, jsonPath, "not json")
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitNotMet || !strings.Contains(out, "The site cannot read .bestpractices.json") {
		t.Errorf("broken: %d %q", code, out)
	}
}

// Right after importing a maintainer's own .bestpractices.json, the check
// passes, whatever else the file holds.
func TestCheckJSONInSyncAfterImport(t *testing.T) {
	for _, name := range []string{"bestpractices-tabs.json", "bestpractices-metadata.json", "bestpractices-drafts.json", "bestpractices-crlf-bom.json"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "site", "testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			siteWrite(t, filepath.Join(dir, ".bestpractices.json"), string(b))
			if _, errOut, code := run(t, dir, "import", ".bestpractices.json"); code != ExitOK {
				t.Fatalf("import: %d %s", code, errOut)
			}
			out, _, code := run(t, dir, "check", "--json-in-sync")
			// The crlf-bom file answers a baseline control in the display
			// form the site serves (OSPS-DO-01.01_status): the site does not
			// read that spelling in a repository, so the check says so.
			respelled := name == "bestpractices-crlf-bom.json"
			if respelled {
				if code != ExitNotMet || !strings.Contains(out, "OSPS-DO-01.01_status: the site does not read this field from a repository under this spelling; export writes osps_do_01_01_status instead.") {
					t.Errorf("display form: %d\n%s", code, out)
				}
			} else if code != ExitOK {
				t.Errorf("after import: %d\n%s", code, out)
			}
			// Export onto it changes nothing the site reads, nor the rest;
			// a field the site does not read is written under its name.
			_, errOut, code := run(t, dir, "export", "-o", ".bestpractices.json")
			if code != ExitOK {
				t.Fatalf("export: %d %s", code, errOut)
			}
			if got := siteRead(t, filepath.Join(dir, ".bestpractices.json")); !respelled && got != string(b) {
				t.Errorf("export over the file changed it:\n%s", got)
			}
			if respelled && !strings.Contains(errOut, "OSPS-DO-01.01_status is now osps_do_01_01_status: the site reads this field from a repository under that name only.") {
				t.Errorf("renamed without a word: %q", errOut)
			}
			if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitOK {
				t.Errorf("after export: %d\n%s", code, out)
			}
		})
	}
}

// Every error package site can return has its words.
func TestSiteErrorTexts(t *testing.T) {
	for _, tag := range []string{"en", "fr", "ja"} {
		loc, _ := i18n.New(tag)
		codes := []site.Code{
			site.CodeTooLarge, site.CodeNotUTF8, site.CodeSyntax, site.CodeNotObject, site.CodeDuplicate,
			site.CodeStatusType, site.CodeBadStatus, site.CodeJustificationType, site.CodeFieldType,
			site.CodeJustificationTooLong, site.CodeExportTooLarge, site.CodeExportProof, site.CodeNoURL,
		}
		for _, c := range codes {
			if !loc.Has("ui.site.error." + string(c)) {
				t.Errorf("%s: no text for %s", tag, c)
			}
		}
		for _, k := range []string{site.JSONArray, site.JSONString, site.JSONNumber, site.JSONBoolean, site.JSONNull, site.JSONEmpty} {
			if !loc.Has("ui.site.json_kind." + k) {
				t.Errorf("no text for the JSON kind %s", k)
			}
		}
		for _, k := range []string{"fifo", "socket", "device", "directory", "other"} {
			if !loc.Has("ui.site.file_kind." + k) {
				t.Errorf("no text for the file kind %s", k)
			}
		}
	}
	for _, cmd := range []string{"export", "import", "propose", "diff"} {
		_, errOut, code := run(t, t.TempDir(), cmd, "--help")
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices "+cmd) {
			t.Errorf("%s --help: %d %q", cmd, code, errOut)
		}
	}
}

func TestImportFromStandardInput(t *testing.T) {
	dir := t.TempDir()
	var out, errb strings.Builder
	env := &environ.Env{Stdin: strings.NewReader("\xef\xbb\xbf{\"name\": \"piped\", \"test_status\": \"Met\"}"), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }}
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

// A .bestpractices.json copied from another project's entry (as the site
// suggests) gives its answers, never that project's name or number.
func TestImportAnotherProjectsEntry(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/mine", nil)
	siteWrite(t, filepath.Join(dir, "theirs.json"), `{"id": 77, "name": "Theirs", "repo_url": "https://github.com/acme/theirs", "test_status": "Met"}`)
	out, errOut, code := run(t, dir, "import", "theirs.json")
	if code != ExitOK || !strings.Contains(out, "theirs.json is another project's entry (https://github.com/acme/theirs): its answers are merged, not its name or number.") {
		t.Fatalf("code %d\n%s\n%s", code, out, errOut)
	}
	f, _ := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if f.Project.BadgeID != 0 || f.Project.Name != "" || f.Project.URL != "https://github.com/acme/mine" || f.Answers["test"].Status != model.Met {
		t.Errorf("%+v %+v", f.Project, f.Answers)
	}
	if _, errOut, code := run(t, dir, "propose", "--overrides", "theirs.json"); code != ExitBadInput || !strings.Contains(errOut, "--overrides needs your own entry") {
		t.Errorf("propose --overrides: %d %q", code, errOut)
	}
}

// The site also reads .project.d/bestpractices.json, when there is no
// .bestpractices.json (or it is blank): so does the check.
func TestCheckJSONInSyncProjectD(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	os.MkdirAll(filepath.Join(dir, ".project.d"), 0o755)
	run(t, dir, "export", "-o", ".project.d/bestpractices.json")
	siteWrite(t, filepath.Join(dir, ".bestpractices.json"), "  \n")
	if out, _, code := run(t, dir, "check", "--json-in-sync"); code != ExitOK || !strings.Contains(out, ".project.d/bestpractices.json gives the site") {
		t.Errorf("%d %q", code, out)
	}
}

// After a review in the terminal every conflict's side is the user's: one
// left as it was offered says so, not which flag would change it.
func TestImportAfterReviewSaysAsChosen(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	siteWrite(t, filepath.Join(dir, "4321.json"), siteEntry)
	ui := UI{ReviewImport: func(_ *environ.Env, m *site.Merge, _ string) bool {
		m.Choose("test", site.Theirs) // interact is left as offered: ours
		return true
	}}
	out, errOut, code := runUI(t, dir, ui, "import", "4321.json")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{"→ ours kept, as you chose", "→ theirs taken, as you chose", "Project name: kept demo, as you chose; the file says Demo on the site"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "--take") || strings.Contains(out, "--prefer") {
		t.Errorf("a reviewed conflict names a flag:\n%s", out)
	}
}
