package criteria

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Every mapping joins two criteria of our catalog, one per series, in the
// direction its section names: a typo would carry an answer nowhere.
func TestMappingsIDsExist(t *testing.T) {
	c := Default()
	series := func(id string) string {
		if es := c.EntriesFor(id); len(es) > 0 {
			return es[0].Series
		}
		return ""
	}
	for dir, want := range map[string][2]string{MetalToBaseline: {Metal, Baseline}, BaselineToMetal: {Baseline, Metal}} {
		ms := MappingsFrom(dir)
		if len(ms) < 50 {
			t.Errorf("%s: only %d mappings", dir, len(ms))
		}
		seen := map[[2]string]bool{}
		for _, m := range ms {
			if !c.Known(m.From) || !c.Known(m.To) {
				t.Errorf("%s: %s -> %s names a criterion the catalog lacks", dir, m.From, m.To)
				continue
			}
			if series(m.From) != want[0] || series(m.To) != want[1] {
				t.Errorf("%s: %s (%s) -> %s (%s) goes the wrong way", dir, m.From, series(m.From), m.To, series(m.To))
			}
			for _, id := range []string{m.From, m.To} {
				if c.EntriesFor(id)[0].Automatic() {
					t.Errorf("%s: %s is set automatically and cannot be mapped", dir, id)
				}
			}
			if seen[[2]string{m.From, m.To}] {
				t.Errorf("%s: %s -> %s twice", dir, m.From, m.To)
			}
			seen[[2]string{m.From, m.To}] = true
		}
	}
	if len(Mappings()) != len(MappingsFrom(MetalToBaseline))+len(MappingsFrom(BaselineToMetal)) {
		t.Error("Mappings is not both directions together")
	}
}

// Our mappings.yaml holds the badge site's mappings exactly: the same
// entries in the same order with the same confidences and statuses.
func TestMappingsMatchesUpstream(t *testing.T) {
	for dir, file := range map[string]string{MetalToBaseline: "metal_to_baseline_map.yml", BaselineToMetal: "baseline_to_metal_map.yml"} {
		root := readUpstream(t, file)
		var doc struct {
			Mappings []struct {
				Source string    `yaml:"source_criterion"`
				Target string    `yaml:"target_criterion"`
				Met    yaml.Node `yaml:"confidence_met"`
				Unmet  yaml.Node `yaml:"confidence_unmet"`
				NA     yaml.Node `yaml:"confidence_na"`
			} `yaml:"mappings"`
		}
		if err := root.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, u := range doc.Mappings {
			line := u.Source + " -> " + u.Target
			for _, f := range []struct {
				n    yaml.Node
				same string
			}{{u.Met, "Met"}, {u.Unmet, "Unmet"}, {u.NA, "N/A"}} {
				in, err := inference(&f.n, f.same)
				if err != nil {
					t.Fatalf("%s: %s: %v", file, line, err)
				}
				line += fmt.Sprintf(" %d %s", in.Confidence, in.Status)
			}
			want = append(want, line)
		}
		var got []string
		for _, m := range MappingsFrom(dir) {
			got = append(got, fmt.Sprintf("%s -> %s %d %s %d %s %d %s", m.From, m.To, m.Met.Confidence, m.Met.Status, m.Unmet.Confidence, m.Unmet.Status, m.NA.Confidence, m.NA.Status))
		}
		if len(want) == 0 {
			t.Fatalf("%s: no mappings read", file)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			for i := 0; i < len(want) || i < len(got); i++ {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("%s entry %d: ours %q, the site's %q", dir, i+1, g, w)
				}
			}
		}
	}
}

func TestMappingsCrossStatus(t *testing.T) {
	for _, m := range MappingsFrom(MetalToBaseline) {
		if m.From == "vulnerability_report_private" && m.To == "osps_vm_03_01" {
			if m.NA != (Inference{2, "Unmet"}) || m.Met != (Inference{3, "Met"}) {
				t.Errorf("read as %+v", m)
			}
			if m.For("N/A") != m.NA || m.For("?") != (Inference{}) {
				t.Error("For picks the wrong inference")
			}
			return
		}
	}
	t.Error("vulnerability_report_private -> osps_vm_03_01 missing")
}

func TestMappingsRejectsBadLines(t *testing.T) {
	for _, src := range []string{
		"metal_to_baseline:\n  - {from: a, to: b, met: 4, unmet: 1, na: 0}\n",
		"metal_to_baseline:\n  - {from: a, to: b, met: 1, unmet: 1, na: [1, Maybe]}\n",
		"metal_to_baseline:\n  - {from: a, to: b, met: 1, unmet: 1}\n",
		"metal_to_baseline:\n  - {from: a, met: 1, unmet: 1, na: 1}\n",
		"metal_to_silver:\n  - {from: a, to: b, met: 1, unmet: 1, na: 1}\n",
	} {
		if _, err := loadMappings([]byte(src)); err == nil {
			t.Errorf("accepted %q", src)
		}
	}
}
