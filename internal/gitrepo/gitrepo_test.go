package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBrowseURL(t *testing.T) {
	cases := map[string]string{
		"https://github.com/o/r.git":              "https://github.com/o/r",
		"https://user:tok@gitlab.com/g/sub/r.git": "https://gitlab.com/g/sub/r",
		"git@github.com:o/r.git":                  "https://github.com/o/r",
		"ssh://git@codeberg.org:2222/o/r.git":     "https://codeberg.org/o/r",
		"codeberg.org:o/r":                        "https://codeberg.org/o/r",
		"/srv/git/r.git":                          "",
		"file:///srv/r":                           "",
		"../other":                                "",
		"":                                        "",
	}
	for in, want := range cases {
		if got := BrowseURL(in); got != want {
			t.Errorf("BrowseURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRootAndRemote(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "config"), []byte("[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://github.com/up/r\n[remote \"origin\"]\n\turl = git@github.com:me/r.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n"), 0o644)
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	if got := Root(sub); got != dir {
		t.Errorf("Root = %q, want %q", got, dir)
	}
	if got := WebURL(dir); got != "https://github.com/me/r" {
		t.Errorf("WebURL = %q", got)
	}
	if Root(t.TempDir()) != "" && os.Getenv("CI") == "" {
		t.Log("temp dir is inside a git work tree; Root outside git not checked")
	}
}
