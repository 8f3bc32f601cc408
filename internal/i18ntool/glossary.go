package i18ntool

import (
	"sync"

	"github.com/bestpractices/bestpractices/i18n"
	"gopkg.in/yaml.v3"
)

// Term is one entry of i18n/glossary.yaml: an English term, the word each
// language uses for it, and words to avoid.
type Term struct {
	English string
	Note    string
	Words   map[string]string   // language -> word
	Avoid   map[string][]string // language -> words not to use
}

var glossaryOnce = sync.OnceValue(func() []Term {
	src, err := i18n.Source("glossary")
	if err != nil {
		return nil
	}
	var doc struct {
		Terms []map[string]any `yaml:"terms"`
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		panic("i18n/glossary.yaml does not parse: " + err.Error())
	}
	var out []Term
	for _, m := range doc.Terms {
		t := Term{Words: map[string]string{}, Avoid: map[string][]string{}}
		for k, v := range m {
			switch k {
			case "en":
				t.English, _ = v.(string)
			case "note":
				t.Note, _ = v.(string)
			case "avoid":
				av, _ := v.(map[string]any)
				for lang, ws := range av {
					list, _ := ws.([]any)
					for _, w := range list {
						if s, ok := w.(string); ok {
							t.Avoid[lang] = append(t.Avoid[lang], s)
						}
					}
				}
			default:
				t.Words[k], _ = v.(string)
			}
		}
		out = append(out, t)
	}
	return out
})

// Glossary is the glossary's terms, in its order.
func Glossary() []Term { return glossaryOnce() }
