package criteria

import (
	"testing"

	"github.com/bestpractices/bestpractices/internal/upstream"
	"gopkg.in/yaml.v3"
)

func readUpstream(t *testing.T, name string) *yaml.Node {
	t.Helper()
	return upstream.Read(t, "criteria/"+name)
}

var pairs = upstream.Pairs

type upstreamEntry struct {
	level, major, minor, id string
	fields                  map[string]string
}

func flatten(levels [][2]*yaml.Node, levelName func(string) string) []upstreamEntry {
	var out []upstreamEntry
	for _, lv := range levels {
		if lv[0].Value == "_metadata" {
			continue
		}
		for _, mj := range pairs(lv[1]) {
			for _, mn := range pairs(mj[1]) {
				for _, c := range pairs(mn[1]) {
					f := map[string]string{}
					for _, kv := range pairs(c[1]) {
						f[kv[0].Value] = kv[1].Value
					}
					out = append(out, upstreamEntry{levelName(lv[0].Value), mj[0].Value, mn[0].Value, c[0].Value, f})
				}
			}
		}
	}
	return out
}

func compareSeries(t *testing.T, series string, want []upstreamEntry) {
	t.Helper()
	var got []*Entry
	for _, l := range Default().SeriesLevels(series) {
		got = append(got, l.Entries...)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: catalog has %d entries, upstream %d", series, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		where := w.level + "/" + w.id
		if g.ID != w.id || g.Level != w.level {
			t.Fatalf("entry %d: catalog has %s/%s, upstream %s (order must match)", i, g.Level, g.ID, where)
		}
		if g.Major != w.major || g.Minor != w.minor {
			t.Errorf("%s: sections %q/%q, upstream %q/%q", where, g.Major, g.Minor, w.major, w.minor)
		}
		if string(g.Category) != w.fields["category"] {
			t.Errorf("%s: category %s, upstream %s", where, g.Category, w.fields["category"])
		}
		flags := map[string]bool{
			"na_allowed":                 g.NAAllowed,
			"na_justification_required":  g.NAJustificationRequired,
			"met_justification_required": g.MetJustificationRequired,
			"met_url_required":           g.MetURLRequired,
			"met_suppress":               g.MetSuppress,
			"unmet_suppress":             g.UnmetSuppress,
		}
		for name, v := range flags {
			if up := w.fields[name] == "true"; up != v {
				t.Errorf("%s: %s is %v, upstream %v", where, name, v, up)
			}
		}
		if series == Baseline && g.Control != w.fields["original_id"] {
			t.Errorf("%s: control %q, upstream %q", where, g.Control, w.fields["original_id"])
		}
	}
}

func TestMetalMatchesUpstream(t *testing.T) {
	root := readUpstream(t, "criteria.yml")
	names := map[string]string{"0": "passing", "1": "silver", "2": "gold"}
	want := flatten(pairs(root), func(s string) string { return names[s] })
	for _, w := range want {
		if w.fields["future"] == "true" || w.fields["obsolete"] == "true" {
			t.Logf("note: upstream marks %s future/obsolete", w.id)
		}
	}
	compareSeries(t, Metal, want)
}

func TestBaselineMatchesUpstream(t *testing.T) {
	root := readUpstream(t, "baseline_criteria.yml")
	want := flatten(pairs(root), func(s string) string { return s })
	compareSeries(t, Baseline, want)
}
