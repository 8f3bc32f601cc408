package i18ntool

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// The YAML 1.1 type repository's patterns (bool, null, int, float,
// timestamp), as PyYAML and Ruby resolve plain scalars: written here
// apart from the code under test, so that a slip there shows.
var yaml11NotString = []*regexp.Regexp{
	regexp.MustCompile(`^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`),
	regexp.MustCompile(`^(~|null|Null|NULL|)$`),
	regexp.MustCompile(`^[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$`),
	regexp.MustCompile(`^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$`),
	regexp.MustCompile(`^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?`),
}

// yaml11Plain lists the plain scalars of data that a YAML 1.1 reader takes
// for something else than a string: every key, and the values named.
func yaml11Plain(t *testing.T, data []byte, values map[string]bool) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	notString := func(n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || n.Style != 0 {
			return false
		}
		for _, re := range yaml11NotString {
			if re.MatchString(n.Value) {
				return true
			}
		}
		return false
	}
	var bad []string
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		for _, c := range n.Content {
			if n.Kind != yaml.MappingNode {
				walk(prefix, c)
			}
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			full := strings.TrimPrefix(prefix+"."+k.Value, ".")
			if notString(k) {
				bad = append(bad, "key "+full)
			}
			if values[full] && notString(v) {
				bad = append(bad, "value of "+full)
			}
			walk(full, v)
		}
	}
	walk("", &doc)
	return bad
}

// changedLines lists the lines of b that differ from a's at the same
// place (the files have as many lines).
func changedLines(t *testing.T, a, b []byte) []string {
	t.Helper()
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		t.Fatalf("%d lines became %d", len(la), len(lb))
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, lb[i])
		}
	}
	return out
}

// The built-in translations quote the keys "yes", "no" and "null", which
// a YAML 1.1 reader (PyYAML, Ruby, Weblate) takes for a boolean and a
// null. update and import-po wrote them bare, added a note above every
// text, replaced the _source block's comment and requoted its hashes: a
// current file comes back byte for byte, and an import changes the one
// line it imports.
func TestRewritesKeepTheFileAsWritten(t *testing.T) {
	en, _ := i18n.Source("en")
	if bad := yaml11Plain(t, en, nil); len(bad) > 0 {
		t.Errorf("en.yaml has keys a YAML 1.1 reader takes for no string (quote them): %v", bad)
	}
	for _, tc := range []struct{ tag, text string }{{"fr", "Rempli"}, {"ja", "満たしている"}} {
		src, err := i18n.Source(tc.tag)
		if err != nil {
			t.Fatal(err)
		}
		if bad := yaml11Plain(t, src, nil); len(bad) > 0 {
			t.Errorf("%s.yaml has keys a YAML 1.1 reader takes for no string (quote them): %v", tc.tag, bad)
		}
		// A source hash is 8 hexadecimal digits: plain, 97998830 is a number
		// to every other YAML reader, and 00012345 loses its zeros.
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(doc.Content[0].Content); i += 2 {
			if doc.Content[0].Content[i].Value != "_source" {
				continue
			}
			plain := 0
			hashes := doc.Content[0].Content[i+1].Content
			for j := 1; j < len(hashes); j += 2 {
				if hashes[j].Style == 0 {
					plain++
				}
			}
			if plain > 0 {
				t.Errorf("%s.yaml: %d source hashes are not quoted", tc.tag, plain)
			}
		}
		up, err := Update(tc.tag+".yaml", src, "sources")
		if err != nil {
			t.Fatalf("%s: %v", tc.tag, err)
		}
		if string(up.Data) != string(src) {
			t.Errorf("%s: update of a current file changed lines: %q", tc.tag, first(changedLines(t, src, up.Data), 5))
		}
		po := "msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"" + tc.text + "\"\n"
		res, err := ImportPO(tc.tag+".yaml", src, tc.tag+".po", []byte(po), language.Make(tc.tag), "sources")
		if err != nil {
			t.Fatalf("%s: %v", tc.tag, err)
		}
		if got := changedLines(t, src, res.Data); len(got) != 1 || got[0] != "    met: "+tc.text {
			t.Errorf("%s: import-po of one text changed %d lines: %q", tc.tag, len(got), first(got, 5))
		}
		for _, want := range []string{`    "yes": `, `    "no": `, `      "null": "null"`} {
			if !strings.Contains(string(res.Data), "\n"+want) {
				t.Errorf("%s: import-po lost %q", tc.tag, want)
			}
		}
		if bad := yaml11Plain(t, res.Data, nil); len(bad) > 0 {
			t.Errorf("%s: a YAML 1.1 reader takes these for no string: %v", tc.tag, bad)
		}
	}
}

func first(s []string, n int) []string {
	return s[:min(n, len(s))]
}

// A translator's own file: comments above, beside and below keys, groups
// and plural forms, in meta and in _source; keys and values quoted every
// way; plain hashes. update and import-po keep each of those lines as it
// is, and a second update changes nothing.
func TestRewritesKeepATranslatorsFile(t *testing.T) {
	src := `# Deutsch: Kopf
meta:
  # c-meta-tag
  tag: de
  name: 'Deutsch' # c-meta-name
ui:
  # c-above-group
  level: # c-beside-group
    # c-above-leaf
    passing: Bestanden # c-beside-leaf
    silver: 'Silber'
    # c-foot-level

  status:
    met: Erfüllt
    unmet: "Nicht erfüllt"
    # c-end-status
  site:
    json_kind:
      "null": "null"
      boolean: "true"
  secpolicy:
    "yes": "Ja"
    'no': Nein
  cli:
    notes_kept:
      # c-in-forms
      one: "eins {{.Count}}"
      other: "viele {{.Count}}" # c-beside-form
# Unsere Notiz: woher jede Übersetzung kommt.
_source:
  # c-in-source
  ui.level.passing: 57777d28 # c-beside-hash
  ui.status.met: '36a60559'
# c-end-of-file
`
	kept := []string{}
	for _, l := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "  ui.status.met:") {
			kept = append(kept, l)
		}
	}
	check := func(what string, out []byte) {
		t.Helper()
		lines := map[string]bool{}
		for _, l := range strings.Split(string(out), "\n") {
			lines[l] = true
		}
		for _, l := range kept {
			if !lines[l] && !(what == "import-po" && l == "    met: Erfüllt") {
				t.Errorf("%s lost the line %q", what, l)
			}
		}
		if bad := yaml11Plain(t, out, nil); len(bad) > 0 {
			t.Errorf("%s: a YAML 1.1 reader takes these for no string: %v", what, bad)
		}
	}
	up, err := Update("de.yaml", []byte(src), "sources")
	if err != nil {
		t.Fatal(err)
	}
	check("update", up.Data)
	again, err := Update("de.yaml", up.Data, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if string(again.Data) != string(up.Data) {
		t.Errorf("a second update changed lines: %q", first(changedLines(t, up.Data, again.Data), 5))
	}
	po := "msgctxt \"ui.status.met\"\nmsgid \"Met needs more\"\nmsgstr \"Erfüllt!\"\n"
	res, err := ImportPO("de.yaml", []byte(src), "de.po", []byte(po), language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	check("import-po", res.Data)
	if !strings.Contains(string(res.Data), "\n    met: Erfüllt!\n") {
		t.Errorf("import-po did not write the new text as a plain one, as the old was")
	}
}

// Keys and texts new to the file: a key English spells "yes", "no" or
// "null" is quoted when update adds it, and a translation that reads as a
// boolean, a null, a number or a date in YAML 1.1 or 1.2 is quoted when
// import-po writes it, with its old quoting where it had one.
func TestNewKeysAndTextsAreStringsInYAML11(t *testing.T) {
	src, _ := i18n.Source("fr")
	var cut []string
	for _, l := range strings.Split(string(src), "\n") {
		switch strings.TrimSpace(l) {
		case `"yes": "Oui"`, `"no": "Non"`, `"null": "null"`:
			continue
		}
		cut = append(cut, l)
	}
	up, err := Update("fr.yaml", []byte(strings.Join(cut, "\n")), "sources")
	if err != nil {
		t.Fatal(err)
	}
	if len(up.Added) != 3 {
		t.Errorf("added %v", up.Added)
	}
	if bad := yaml11Plain(t, up.Data, nil); len(bad) > 0 {
		t.Errorf("update added keys a YAML 1.1 reader takes for no string: %v", bad)
	}
	texts := map[string]string{
		"ui.secpolicy.yes":        "no",
		"ui.secpolicy.no":         "Off",
		"ui.site.json_kind.null":  "~",
		"ui.site.json_kind.array": "1.5",
		"ui.status.met":           "2024-01-01",
		"ui.status.unmet":         "0x1F",
		"ui.status.na":            "1:20",
		"ui.status.unknown":       "Y",
	}
	var po strings.Builder
	values := map[string]bool{}
	for k, v := range texts {
		po.WriteString("msgctxt \"" + k + "\"\nmsgid \"x\"\nmsgstr \"" + v + "\"\n\n")
		values[k] = true
	}
	res, err := ImportPO("fr.yaml", up.Data, "fr.po", []byte(po.String()), language.French, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if bad := yaml11Plain(t, res.Data, values); len(bad) > 0 {
		t.Errorf("import-po wrote texts a YAML 1.1 reader takes for no string: %v", bad)
	}
	f, err := i18n.Parse("fr.yaml", res.Data)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range texts {
		if got := f.Messages[k].Text; got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
}
