package evidence

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxTreeFiles bounds the walk that finds bare names and patterns: past
// it, a name not yet found counts as plausibly there (no warning).
const maxTreeFiles = 200_000

// skipTreeDirs are not walked: git's data, dependencies, caches. A file
// cited by a justification is the project's own.
var skipTreeDirs = setOf(".git", "node_modules", "vendor", ".venv", "venv", "__pycache__", ".tox", ".nox",
	".mypy_cache", ".cache", "bower_components", ".terraform", ".gradle", "target")

// tree is the repository's files, walked once, when a citation first
// needs it.
type tree struct {
	root    string
	limit   int // files walked at most
	walked  bool
	partial bool                // stopped at maxTreeFiles
	names   map[string][]string // lower-case base name -> paths
	paths   []string
}

func (t *tree) walk() {
	if t.walked {
		return
	}
	t.walked = true
	t.names = map[string][]string{}
	count := 0
	filepath.WalkDir(t.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == t.root {
				return err
			}
			t.partial = true // unreadable: what it holds is unknown
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p == t.root {
			return nil
		}
		if d.IsDir() && skipTreeDirs[d.Name()] {
			return filepath.SkipDir
		}
		count++
		if count > t.limit {
			t.partial = true
			return filepath.SkipAll
		}
		rel, err := filepath.Rel(t.root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		l := strings.ToLower(d.Name())
		t.names[l] = append(t.names[l], rel)
		t.paths = append(t.paths, rel)
		return nil
	})
}

// plausible reports whether something the citation may mean exists.
func (t *tree) plausible(c Citation) bool {
	switch c.kind {
	case anyName:
		// At the top first: no walk for the common case.
		for _, n := range c.names {
			if exists(filepath.Join(t.root, filepath.FromSlash(n))) {
				return true
			}
		}
		t.walk()
		for _, n := range c.names {
			if len(t.names[strings.ToLower(n)]) > 0 {
				return true
			}
		}
		return t.partial
	case anyMatch:
		re, err := globRegexp(c.Path)
		if err != nil {
			return true
		}
		t.walk()
		for _, p := range t.paths {
			if re.MatchString(p) {
				return true
			}
		}
		return t.partial
	}
	return exists(filepath.Join(t.root, filepath.FromSlash(c.Path)))
}

// exists reports whether p is there, or cannot be looked at (then it is
// not for us to say it is gone). A path through a file is gone.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil || errors.Is(err, fs.ErrPermission)
}
