package i18ntool

import (
	"strings"
	"sync"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

var (
	englishOnce  sync.Once
	englishOrder []string
	englishRoot  *yaml.Node
)

// englishTree is en.yaml as a YAML tree, and its keys in file order (the
// order a translator reads them in).
func englishTree() (*yaml.Node, []string) {
	englishOnce.Do(func() {
		src, err := i18n.Source("en")
		if err != nil {
			panic(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
			panic("i18n/en.yaml does not parse")
		}
		englishRoot = doc.Content[0]
		en, _ := i18n.Embedded("en")
		var walk func(prefix string, n *yaml.Node)
		walk = func(prefix string, n *yaml.Node) {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if prefix == "" && (k == "meta" || k == "_source") {
					continue
				}
				if prefix != "" {
					k = prefix + "." + k
				}
				if _, ok := en.Messages[k]; ok {
					englishOrder = append(englishOrder, k)
				} else if n.Content[i+1].Kind == yaml.MappingNode {
					walk(k, n.Content[i+1])
				}
			}
		}
		walk("", englishRoot)
	})
	return englishRoot, englishOrder
}

// EnglishKeys lists every key of the English file in file order.
func EnglishKeys() []string {
	_, keys := englishTree()
	return keys
}

// Counts is how many of a set of keys are translated.
type Counts struct {
	Translated int `json:"translated"`
	Total      int `json:"total"`
}

// Percent is rounded down, so that 100 means every key.
func (c Counts) Percent() int {
	if c.Total == 0 {
		return 100
	}
	return c.Translated * 100 / c.Total
}

// Progress is how far a translation has come.
type Progress struct {
	All, UI, Criteria Counts
	// Missing keys show in English; Stale ones were translated from an
	// English text that has changed since; Unstamped ones have no record
	// of the English text they were made from (i18n stamp adds it).
	Missing, Stale, Unstamped []string
}

// Measure compares f with English, key by key. UI counts ui.* keys;
// Criteria counts the criterion texts and section names. marked lists the
// translations marked stale in the file without a recorded source
// (MarkedStale): stale too.
func Measure(f *i18n.File, marked map[string]bool) Progress {
	p := Progress{Missing: []string{}, Stale: []string{}, Unstamped: []string{}}
	for _, k := range EnglishKeys() {
		part := &p.All // neither UI nor criteria: counted in the whole only
		switch {
		case strings.HasPrefix(k, "ui."):
			part = &p.UI
		case strings.HasPrefix(k, "criteria."), strings.HasPrefix(k, "sections."):
			part = &p.Criteria
		}
		ok := f.Translated(k)
		for _, c := range []*Counts{&p.All, part} {
			c.Total++
			if ok {
				c.Translated++
			}
			if part == &p.All {
				break // counted once
			}
		}
		h, stamped := f.Sources[k]
		switch {
		case !ok:
			p.Missing = append(p.Missing, k)
		case !stamped && marked[k]:
			p.Stale = append(p.Stale, k)
		case !stamped:
			p.Unstamped = append(p.Unstamped, k)
		case h != SourceHash(k):
			p.Stale = append(p.Stale, k)
		}
	}
	return p
}

// PluralForms lists the CLDR plural categories the language t chooses
// between for whole numbers, in CLDR order, and always other: English has
// one and other, French one and other, Japanese only other, Russian one,
// few, many and other.
func PluralForms(t language.Tag) []string {
	seen := map[string]bool{}
	for n := 0; n <= 1000; n++ {
		seen[i18n.PluralForm(t, n)] = true
	}
	for _, n := range []int{10000, 100000, 1000000, 10000000} {
		seen[i18n.PluralForm(t, n)] = true
	}
	seen["other"] = true // required: the fallback, and some languages use it for fractions only
	var out []string
	for _, f := range i18n.PluralCategories {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}
