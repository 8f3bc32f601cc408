package model

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

var cat = criteria.Default()

func write(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), DefaultName)
	if err := os.WriteFile(p, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	return p
}

const sample = `# Our answers: reviewed in pull requests.
version: 1
project:
  name: example
  url: https://github.com/example/example
  badge_id: 1234
  owner: someone   # not ours: must survive
answers:
  # Basics
  floss_license:
    status: met
    justification: Apache-2.0. https://github.com/example/example/blob/main/LICENSE

  report_tracker:
    status: Unmet   # for now
    justification: We take reports by e-mail only.
    reviewed_by: alice
  no_such_criterion:
    status: Met

  # Quality
  test:
    status: NA
    justification: |
      # Heading inside a block
      nothing to test
# trailing comment
extra_top_level: kept
`

func TestLoadSample(t *testing.T) {
	f, err := Load(write(t, sample), cat)
	if err != nil {
		t.Fatal(err)
	}
	if f.Project.Name != "example" || f.Project.BadgeID != 1234 || f.Project.URL != "https://github.com/example/example" {
		t.Errorf("project %+v", f.Project)
	}
	if a := f.Answers["floss_license"]; a.Status != Met || !strings.HasPrefix(a.Justification, "Apache-2.0") {
		t.Errorf("floss_license %+v", a)
	}
	if f.Answers["report_tracker"].Status != Unmet {
		t.Error("report_tracker not unmet")
	}
	var ids []string
	for _, p := range f.Problems {
		ids = append(ids, p.ID)
	}
	// test does not allow N/A; no_such_criterion is unknown: both warnings.
	if strings.Join(ids, ",") != "no_such_criterion,test" {
		t.Errorf("problems %v", f.Problems)
	}
	if f.Problems[0].Line != 18 {
		t.Errorf("unknown id reported at line %d, want 18", f.Problems[0].Line)
	}
	if r := Judge(cat.EntriesFor("test")[0], f.Answers["test"]); r != ResultInvalid {
		t.Errorf("N/A on test judged %s", r)
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, content string
		line          int
		want          string
	}{
		{"bad yaml", "version: 1\nanswers:\n  a: [\n", 3, "not valid YAML"},
		{"duplicate key", "version: 1\nanswers:\n  test:\n    status: Met\n  test:\n    status: Unmet\n", 5, `"test" is given twice (first at line 3)`},
		{"unknown status", "version: 1\nanswers:\n  test:\n    status: Done\n", 4, `unknown status "Done"`},
		{"justification not text", "version: 1\nanswers:\n  test:\n    status: Met\n    justification: [a, b]\n", 5, "must be text"},
		{"justification a number", "version: 1\nanswers:\n  test:\n    status: Met\n    justification: 42\n", 5, "must be text"},
		{"version 2", "version: 2\nanswers: {}\n", 1, `version "2"`},
		{"answer not a mapping", "version: 1\nanswers:\n  test: Met\n", 3, "must be a mapping"},
		{"answers a list", "version: 1\nanswers:\n  - test\n", 3, "answers must be a mapping"},
		{"not utf-8", "version: 1\nproject:\n  name: caf\xe9\n", 3, "not valid UTF-8"},
	}
	for _, c := range cases {
		p := write(t, c.content)
		_, err := Load(p, cat)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v, want a FileError", c.name, err)
			continue
		}
		if fe.Line != c.line || !strings.Contains(fe.Error(), c.want) || !strings.Contains(fe.Error(), p) || fe.Fix.IsZero() {
			t.Errorf("%s: %q (line %d), want line %d and %q with the path and a fix", c.name, fe.Error(), fe.Line, c.line, c.want)
		}
	}
}

func TestLoadTooLarge(t *testing.T) {
	p := write(t, "version: 1\n# "+strings.Repeat("x", MaxFileSize)+"\n")
	_, err := Load(p, cat)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Error(), "1 MiB") {
		t.Errorf("got %v", err)
	}
}

func TestWarnings(t *testing.T) {
	long := strings.Repeat("é", MaxJustification+1)
	f, err := Parse("f.yaml", []byte("version: 1\nanswers:\n  floss_license:\n    status: Met\n    justification: "+long+"\n  achieve_passing:\n    status: Met\n"), cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Problems) != 2 || !strings.Contains(f.Problems[0].Message.String(), "8192") {
		t.Errorf("problems %+v", f.Problems)
	}
	// Exactly at the limit is fine (characters, not bytes).
	f, _ = Parse("f.yaml", []byte("version: 1\nanswers:\n  floss_license:\n    status: Met\n    justification: "+long[2:]+"\n"), cat)
	if len(f.Problems) != 0 {
		t.Errorf("8192 characters refused: %+v", f.Problems)
	}
}

func TestSaveKeepsEverythingElse(t *testing.T) {
	p := write(t, sample)
	f, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("report_tracker", Answer{Status: Met, Justification: "Issues: https://github.com/example/example/issues"})
	f.Set("description_good", Answer{Status: Met, Justification: "The README says it."})
	f.Set("interact", Answer{Status: Unmet, Justification: "line one\nline two"})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := `# Our answers: reviewed in pull requests.
version: 1
project:
  name: example
  url: https://github.com/example/example
  badge_id: 1234
  owner: someone   # not ours: must survive
answers:
  description_good:
    status: Met
    justification: The README says it.
  interact:
    status: Unmet
    justification: |-
      line one
      line two
  # Basics
  floss_license:
    status: met
    justification: Apache-2.0. https://github.com/example/example/blob/main/LICENSE

  report_tracker:
    status: Met   # for now
    justification: 'Issues: https://github.com/example/example/issues'
    reviewed_by: alice
  no_such_criterion:
    status: Met

  # Quality
  test:
    status: NA
    justification: |
      # Heading inside a block
      nothing to test
# trailing comment
extra_top_level: kept
`
	if string(got) != want {
		t.Errorf("saved file:\n%s\nwant:\n%s", got, want)
	}
	info, _ := os.Stat(p)
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v, want 0640", info.Mode().Perm())
	}
	// What we wrote reads back as what we set.
	g, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	if g.Answers["interact"].Justification != "line one\nline two" || g.Answers["report_tracker"].Status != Met {
		t.Errorf("reload: %+v", g.Answers)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(p), ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestSaveInsertsInCatalogOrderAndClears(t *testing.T) {
	p := write(t, "version: 1\nanswers:\n  interact:\n    status: Met\n  license_location:\n    status: Met\n")
	f, _ := Load(p, cat)
	f.Set("floss_license", Answer{Status: Met})
	f.Set("interact", Answer{})
	f.Set("achieve_passing", Answer{}) // never written
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := "version: 1\nanswers:\n  floss_license:\n    status: Met\n  license_location:\n    status: Met\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestSaveUnknownKeepsJustification(t *testing.T) {
	p := write(t, "version: 1\nanswers:\n  interact:\n    status: Met\n    justification: Our site.\n")
	f, _ := Load(p, cat)
	f.Set("interact", Answer{Justification: "Our site."})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if want := "version: 1\nanswers:\n  interact:\n    status: \"?\"\n    justification: Our site.\n"; string(got) != want {
		t.Errorf("got:\n%s", got)
	}
	if g, err := Load(p, cat); err != nil || g.Answers["interact"].Status != Unknown {
		t.Errorf("reload: %v %+v", err, g)
	}
}

func TestSaveOddShapes(t *testing.T) {
	cases := map[string]string{
		"empty file":          "",
		"no answers key":      "version: 1\nproject:\n  name: x\n",
		"null answers":        "version: 1\nanswers:\nproject:\n  name: x\n",
		"flow answers":        "version: 1\nanswers: {interact: {status: Met}}\n",
		"no trailing newline": "version: 1\nanswers:\n  interact:\n    status: Met",
		"four-space indent":   "version: 1\nanswers:\n    interact:\n        status: Met\n",
	}
	for name, content := range cases {
		p := write(t, content)
		f, err := Load(p, cat)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.Set("floss_license", Answer{Status: Met, Justification: "MIT license."})
		if err := f.Save(false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g, err := Load(p, cat)
		if err != nil {
			got, _ := os.ReadFile(p)
			t.Fatalf("%s: reload: %v\n%s", name, err, got)
		}
		if g.Answers["floss_license"].Justification != "MIT license." || (strings.Contains(content, "interact") && g.Answers["interact"].Status != Met) {
			got, _ := os.ReadFile(p)
			t.Errorf("%s: answers after save: %+v\n%s", name, g.Answers, got)
		}
		if name == "null answers" || name == "no answers key" {
			if g.Project.Name != "x" {
				t.Errorf("%s: project lost", name)
			}
		}
	}
}

func TestSaveRefusesExternalChange(t *testing.T) {
	p := write(t, "version: 1\nanswers:\n")
	f, _ := Load(p, cat)
	os.WriteFile(p, []byte("version: 1\n# edited elsewhere\nanswers:\n"), 0o644)
	if !f.ChangedOnDisk() {
		t.Error("change not noticed")
	}
	f.Set("interact", Answer{Status: Met})
	if err := f.Save(false); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("got %v, want ErrChangedOnDisk", err)
	}
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "edited elsewhere") {
		t.Error("the other edit was overwritten")
	}
	if !f.Dirty() {
		t.Error("the answer was dropped")
	}
	if err := f.Save(true); err != nil {
		t.Fatal(err)
	}
	if f.Dirty() || f.ChangedOnDisk() {
		t.Error("forced save did not settle")
	}
}

func TestNewFileCreatedOnSave(t *testing.T) {
	p := filepath.Join(t.TempDir(), DefaultName)
	f := New(p, cat, Project{Name: "demo: tool", URL: "https://example.org/demo"})
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatal("New must not create the file")
	}
	f.Set("interact", Answer{Status: Met})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	g, err := Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	if g.Project.Name != "demo: tool" || g.Answers["interact"].Status != Met {
		t.Errorf("%+v", g)
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	os.WriteFile(real, []byte("version: 1\nanswers:\n"), 0o600)
	link := filepath.Join(dir, DefaultName)
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here")
	}
	f, _ := Load(link, cat)
	f.Set("interact", Answer{Status: Met})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), "interact") {
		t.Error("target not written")
	}
}
