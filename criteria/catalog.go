// Package criteria holds the catalog of the badge's criteria: ids, levels,
// sections, keywords and flags, in the badge's own order. The words shown
// about each entry live in the i18n package, keyed by level and id.
package criteria

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Category is an entry's keyword: how strongly the badge asks for it.
type Category string

const (
	Must      Category = "MUST"
	Should    Category = "SHOULD"
	Suggested Category = "SUGGESTED"
)

// Entry is one criterion as it stands at one level. An id that appears at
// two levels (report_tracker at passing and silver) is two entries sharing
// one answer, each judged by its own keyword and flags.
type Entry struct {
	ID       string   `yaml:"id"`
	Major    string   `yaml:"major"`
	Minor    string   `yaml:"minor"`
	Category Category `yaml:"category"`
	// Control is the OSPS Baseline's own id (OSPS-AC-01.01); empty for metal.
	Control string `yaml:"control"`

	NAAllowed                bool `yaml:"na_allowed"`
	NAJustificationRequired  bool `yaml:"na_justification_required"`
	MetJustificationRequired bool `yaml:"met_justification_required"`
	MetURLRequired           bool `yaml:"met_url_required"`
	MetSuppress              bool `yaml:"met_suppress"`
	UnmetSuppress            bool `yaml:"unmet_suppress"`

	Level  string `yaml:"-"`
	Series string `yaml:"-"`
	// LevelIndex is the level's position in its series (0 for passing and
	// baseline-1): the number the badge site uses in its URLs and JSON.
	LevelIndex int `yaml:"-"`
}

// Automatic reports whether the badge sets this entry itself instead of
// asking the user: achieve_passing and achieve_silver are Met exactly when
// the previous level is complete.
func (e *Entry) Automatic() bool { return PrerequisiteOf(e.ID) != "" }

// PrerequisiteOf returns the level that must be complete for the automatic
// entry id to be Met, or "" for an ordinary entry.
func PrerequisiteOf(id string) string {
	switch id {
	case "achieve_passing":
		return "passing"
	case "achieve_silver":
		return "silver"
	}
	return ""
}

// URL is the link to the entry's official text on the badge site.
func (e *Entry) URL() string { return e.URLIn("en") }

// URLIn is the criterion's page on the badge site in the first of langs
// the site has (SiteLanguage), else in English.
func (e *Entry) URLIn(langs ...string) string {
	lvl := fmt.Sprint(e.LevelIndex)
	if e.Series == Baseline {
		lvl = e.Level
	}
	return "https://www.bestpractices.dev/" + SiteLanguage(langs...) + "/criteria/" + lvl + "#" + lvl + "." + e.ID
}

// siteLanguages are the languages the badge site serves its pages in.
var siteLanguages = []string{"en", "fr", "de", "ja", "zh-CN", "es", "pt-BR", "ru", "sw"}

// SiteLanguage is the badge site's language for the first of langs (BCP
// 47 tags or POSIX locales, most wanted first: i18n.Locale.Asked) that
// the site serves: fr-CA gives fr, pt gives pt-BR, zh-Hans gives zh-CN;
// "en" when it serves none of them. It does not matter whether this
// program has a translation: German asked for opens the site in German.
func SiteLanguage(langs ...string) string {
	for _, l := range langs {
		if s, ok := siteLanguage(l); ok {
			return s
		}
	}
	return "en"
}

// siteLanguage is the site's language closest to lang, if it has one.
func siteLanguage(lang string) (string, bool) {
	lang = strings.ReplaceAll(lang, "_", "-")
	if i := strings.IndexAny(lang, ".@"); i >= 0 {
		lang = lang[:i] // de_DE.UTF-8
	}
	base, rest, _ := strings.Cut(lang, "-")
	base = strings.ToLower(base)
	for _, s := range siteLanguages {
		if strings.EqualFold(s, lang) {
			return s, true
		}
	}
	switch base {
	case "zh":
		if r := strings.ToLower(rest); strings.Contains(r, "hant") || r == "tw" || r == "hk" || r == "mo" {
			return "", false // the site has simplified Chinese only
		}
		return "zh-CN", true
	case "pt":
		return "pt-BR", true
	}
	for _, s := range siteLanguages {
		if s == base {
			return s, true
		}
	}
	return "", false
}

// Level is one badge level with its entries in the badge's order.
type Level struct {
	Name    string   `yaml:"name"`
	Entries []*Entry `yaml:"entries"`
	Series  string   `yaml:"-"`
}

// Series names.
const (
	Metal    = "metal"
	Baseline = "baseline"
)

// Catalog is every level of every series.
type Catalog struct {
	Levels  []*Level
	byName  map[string]*Level
	ids     []string
	index   map[string]int      // id -> its place in ids
	entries map[string][]*Entry // id -> its entries, in level order
}

//go:embed metal.yaml
var metalYAML []byte

//go:embed baseline.yaml
var baselineYAML []byte

// std is parsed on first use, not at start-up: commands that never look at
// the catalog (--version, --help) should not pay for it.
var std = sync.OnceValue(func() *Catalog { return mustLoad(metalYAML, baselineYAML) })

// Default returns the catalog built into the binary. Callers must not
// modify it.
func Default() *Catalog { return std() }

type seriesFile struct {
	Series string   `yaml:"series"`
	Levels []*Level `yaml:"levels"`
}

func mustLoad(files ...[]byte) *Catalog {
	c, err := load(files...)
	if err != nil {
		panic("criteria: embedded catalog: " + err.Error())
	}
	return c
}

func load(files ...[]byte) (*Catalog, error) {
	c := &Catalog{byName: map[string]*Level{}, index: map[string]int{}, entries: map[string][]*Entry{}}
	for _, b := range files {
		var f seriesFile
		if err := yaml.Unmarshal(b, &f); err != nil {
			return nil, err
		}
		for i, l := range f.Levels {
			l.Series = f.Series
			for _, e := range l.Entries {
				e.Level, e.Series, e.LevelIndex = l.Name, f.Series, i
				if _, ok := c.index[e.ID]; !ok {
					c.index[e.ID] = len(c.ids)
					c.ids = append(c.ids, e.ID)
				}
				c.entries[e.ID] = append(c.entries[e.ID], e)
			}
			c.Levels = append(c.Levels, l)
			c.byName[l.Name] = l
		}
	}
	return c, nil
}

// Level returns the named level (passing, silver, gold, baseline-1, ...).
func (c *Catalog) Level(name string) (*Level, bool) {
	l, ok := c.byName[name]
	return l, ok
}

// SeriesLevels returns the levels of one series in order.
func (c *Catalog) SeriesLevels(series string) []*Level {
	var out []*Level
	for _, l := range c.Levels {
		if l.Series == series {
			out = append(out, l)
		}
	}
	return out
}

// LevelNames lists every level name in catalog order.
func (c *Catalog) LevelNames() []string {
	out := make([]string, len(c.Levels))
	for i, l := range c.Levels {
		out[i] = l.Name
	}
	return out
}

// IDs lists every distinct id once, in catalog order.
func (c *Catalog) IDs() []string { return c.ids }

// Known reports whether id is a criterion of any level.
func (c *Catalog) Known(id string) bool {
	_, ok := c.index[id]
	return ok
}

// Index is id's place in IDs (catalog order); ok is false for an id the
// catalog does not have.
func (c *Catalog) Index(id string) (i int, ok bool) {
	i, ok = c.index[id]
	return i, ok
}

// EntriesFor returns every entry carrying id, one per level it appears
// at, in level order. Callers must not modify it.
func (c *Catalog) EntriesFor(id string) []*Entry { return c.entries[id] }
