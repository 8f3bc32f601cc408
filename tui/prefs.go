package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/model"
)

// prefs remembers, per answers file, the level the walk last showed and
// the language chosen in it, in the user's configuration directory
// (bestpractices/walk.json). Nothing in it is trusted: an unknown level or
// language is ignored, and a file that does not read is treated as empty.
type prefs struct {
	path string // "" when there is nowhere to keep them
}

// repoPrefs is what is kept for one answers file.
type repoPrefs struct {
	Level string    `json:"level,omitempty"`
	Lang  string    `json:"lang,omitempty"`
	Used  time.Time `json:"used"`
}

type prefsFile struct {
	Repos map[string]repoPrefs `json:"repos"`
}

// maxPrefs bounds the file: the least recently used are forgotten.
const (
	maxPrefs      = 200
	maxPrefsBytes = 256 << 10
)

// newPrefs keeps the preferences under dir (the user's configuration
// directory); an empty dir keeps nothing.
func newPrefs(dir string) prefs {
	if dir == "" {
		return prefs{}
	}
	return prefs{path: filepath.Join(dir, "bestpractices", "walk.json")}
}

func (p prefs) read() prefsFile {
	out := prefsFile{Repos: map[string]repoPrefs{}}
	if p.path == "" {
		return out
	}
	// A pipe or a device put there is never waited on (regfile).
	b, err := regfile.ReadFile(p.path, maxPrefsBytes)
	if err != nil || json.Unmarshal(b, &out) != nil || out.Repos == nil {
		return prefsFile{Repos: map[string]repoPrefs{}}
	}
	return out
}

// get returns what was kept for the answers file at path, checked against
// the catalog and the languages there are.
func (p prefs) get(path string, cat *criteria.Catalog, langs []string) repoPrefs {
	r := p.read().Repos[prefsKey(path)]
	if _, ok := cat.Level(r.Level); !ok {
		r.Level = ""
	}
	known := false
	for _, l := range langs {
		known = known || l == r.Lang
	}
	if !known {
		r.Lang = ""
	}
	return r
}

// put keeps r for the answers file at path.
func (p prefs) put(path string, r repoPrefs) error {
	if p.path == "" {
		return nil
	}
	f := p.read()
	f.Repos[prefsKey(path)] = r
	if len(f.Repos) > maxPrefs {
		keys := make([]string, 0, len(f.Repos))
		for k := range f.Repos {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return f.Repos[keys[i]].Used.After(f.Repos[keys[j]].Used) })
		for _, k := range keys[maxPrefs:] {
			delete(f.Repos, k)
		}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return err
	}
	return model.WriteAtomic(p.path, append(b, '\n'), 0o600)
}

func prefsKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// startLevel is where the walk opens: the level last shown while it is not
// yet reached, else the first level not reached in its series (the badge
// levels by default), else the level last shown or the first.
func startLevel(s *model.Score, cat *criteria.Catalog, remembered string) string {
	series := criteria.Metal
	if l, ok := cat.Level(remembered); ok {
		if ls, _ := s.Level(remembered); !ls.Achieved() {
			return remembered
		}
		series = l.Series
	}
	for _, ls := range model.NextLevels(s) {
		if ls.Level.Series == series {
			return ls.Level.Name
		}
	}
	if remembered != "" {
		if _, ok := cat.Level(remembered); ok {
			return remembered
		}
	}
	return cat.Levels[0].Name
}
