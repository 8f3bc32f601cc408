package evidence

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFileURLsPerForge(t *testing.T) {
	cases := []struct {
		web, file, dir, tag, commit string
	}{
		{"https://github.com/o/r", "https://github.com/o/r/blob/dev/docs/a%20b.md#L3", "https://github.com/o/r/tree/dev/docs", "https://github.com/o/r/tree/v1", "https://github.com/o/r/commit/abc"},
		{"https://gitlab.com/g/sub/r", "https://gitlab.com/g/sub/r/-/blob/dev/docs/a%20b.md#L3", "https://gitlab.com/g/sub/r/-/tree/dev/docs", "https://gitlab.com/g/sub/r/-/tree/v1", "https://gitlab.com/g/sub/r/-/commit/abc"},
		{"https://codeberg.org/o/r", "https://codeberg.org/o/r/src/branch/dev/docs/a%20b.md#L3", "https://codeberg.org/o/r/src/branch/dev/docs", "https://codeberg.org/o/r/src/tag/v1", "https://codeberg.org/o/r/commit/abc"},
		{"https://bitbucket.org/o/r", "https://bitbucket.org/o/r/src/dev/docs/a%20b.md#lines-3", "https://bitbucket.org/o/r/src/dev/docs", "https://bitbucket.org/o/r/src/v1", "https://bitbucket.org/o/r/commits/abc"},
		{"https://git.sr.ht/~o/r", "https://git.sr.ht/~o/r/tree/dev/item/docs/a%20b.md#L3", "https://git.sr.ht/~o/r/tree/dev/item/docs", "https://git.sr.ht/~o/r/tree/v1", "https://git.sr.ht/~o/r/commit/abc"},
		{"https://git.example.org/o/r", "", "", "", ""},
	}
	for _, c := range cases {
		s := Site{Web: c.web, Branch: "dev", Forge: ForgeOf(c.web)}
		got := []string{s.FileURL("docs/a b.md", 3), s.DirURL("docs"), s.TagURL("v1"), s.CommitURL("abc")}
		if w := []string{c.file, c.dir, c.tag, c.commit}; !reflect.DeepEqual(got, w) {
			t.Errorf("%s:\n got %q\nwant %q", c.web, got, w)
		}
		if c.file == "" {
			continue
		}
		// The links we build are the links we recognise.
		if p, ok := s.PathOf(c.file); !ok || p != "docs/a b.md" {
			t.Errorf("%s: PathOf(%s) = %q, %v", c.web, c.file, p, ok)
		}
	}
	if (Site{}).FileURL("x", 1) != "" {
		t.Error("no remote, yet a URL")
	}
}

func TestPathOfOnlyOwnDefaultBranch(t *testing.T) {
	s := Site{Web: "https://github.com/Acme/Widget", Branch: "main", Forge: GitHub}
	cases := map[string]string{
		"https://github.com/acme/widget/blob/main/docs/x.md":     "docs/x.md", // GitHub ignores case
		"https://github.com/Acme/Widget/blob/HEAD/README.md?x=1": "README.md",
		"https://github.com/Acme/Widget/tree/main/docs/":         "docs",
		"https://github.com/Acme/Widget/blob/v1.0/docs/x.md":     "", // a tag: a permanent link
		"https://github.com/Acme/Widget/blob/0123abc/docs/x.md":  "",
		"https://github.com/Acme/Other/blob/main/docs/x.md":      "",
		"https://github.com/Acme/Widget/issues/3":                "",
		"https://example.org/Acme/Widget/blob/main/x.md":         "",
	}
	for u, want := range cases {
		got, ok := s.PathOf(u)
		if got != want || ok != (want != "") {
			t.Errorf("PathOf(%s) = %q, %v; want %q", u, got, ok, want)
		}
	}
}

func TestDefaultBranch(t *testing.T) {
	dir := t.TempDir()
	if got := DefaultBranch(dir); got != "main" {
		t.Errorf("no git: %q", got)
	}
	write(t, dir, map[string]string{".git/HEAD": "ref: refs/heads/trunk\n"})
	if got := DefaultBranch(dir); got != "trunk" {
		t.Errorf("from HEAD: %q", got)
	}
	write(t, dir, map[string]string{".git/refs/remotes/origin/HEAD": "ref: refs/remotes/origin/release/2.x\n"})
	if got := DefaultBranch(dir); got != "release/2.x" {
		t.Errorf("from origin/HEAD: %q", got)
	}
	write(t, dir, map[string]string{".git/config": "[remote \"origin\"]\n\turl = git@codeberg.org:o/r.git\n"})
	if s := Locate(dir); s.Web != "https://codeberg.org/o/r" || s.Forge != Gitea || s.Branch != "release/2.x" {
		t.Errorf("Locate = %+v", s)
	}
}

func TestStale(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"docs/here.md": "x", "README.md": "x", "src/main.go": "x"})
	s := Site{Web: "https://github.com/o/r", Branch: "main", Forge: GitHub}
	answers := model.Answers{
		"a": {Status: model.Met, Justification: "See docs/here.md and [the guide](docs/gone.md#intro)."},
		"b": {Status: model.Met, Justification: "https://github.com/o/r/blob/main/SECURITY.md#L3 and https://github.com/o/r/blob/main/README.md"},
		"c": {Status: model.Met, Justification: "Permalink https://github.com/o/r/blob/v1.0/OLD.md stays valid."},
		"d": {Status: model.Met, Justification: "Built with Node.js and/or Go, e.g. v1.2.3; see example.org/docs/x.md and https://example.org/y.md"},
		"e": {Status: model.Unmet, Justification: "Tests live in src/gone/ and ./tools/run.sh; src/main.go exists."},
		"f": {Status: model.Unknown, Justification: "see CONTRIBUTING.md"}, // not an answer yet
		"g": {Status: model.Met},
	}
	got := Stale(dir, s, answers)
	want := []StaleRef{
		{ID: "a", Cited: "docs/gone.md", Path: "docs/gone.md"},
		{ID: "b", Cited: "https://github.com/o/r/blob/main/SECURITY.md#L3", Path: "SECURITY.md"},
		{ID: "e", Cited: "src/gone/", Path: "src/gone"},
		{ID: "e", Cited: "./tools/run.sh", Path: "tools/run.sh"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stale:\n got %+v\nwant %+v", got, want)
	}
	write(t, dir, map[string]string{"SECURITY.md": "x", "docs/gone.md": "x", "src/gone/a.go": "x", "tools/run.sh": "x", "CONTRIBUTING.md": "x"})
	if got := Stale(dir, s, answers); len(got) != 0 {
		t.Errorf("all files back, still stale: %+v", got)
	}
}
