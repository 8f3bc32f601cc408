package criteria

import "testing"

func TestCatalogShape(t *testing.T) {
	c := Default()
	counts := map[string]int{"passing": 67, "silver": 55, "gold": 23, "baseline-1": 24, "baseline-2": 19, "baseline-3": 21}
	for name, n := range counts {
		l, ok := c.Level(name)
		if !ok {
			t.Fatalf("level %s missing", name)
		}
		if len(l.Entries) != n {
			t.Errorf("%s: %d entries, want %d", name, len(l.Entries), n)
		}
	}
	metal := map[string]bool{}
	for _, l := range c.SeriesLevels(Metal) {
		for _, e := range l.Entries {
			metal[e.ID] = true
		}
	}
	if len(metal) != 129 {
		t.Errorf("metal has %d distinct ids, want 129", len(metal))
	}
	if got := len(c.EntriesFor("report_tracker")); got != 2 {
		t.Errorf("report_tracker at %d levels, want 2", got)
	}
}

func TestEntryURLAndAutomatic(t *testing.T) {
	e := Default().EntriesFor("floss_license")[0]
	if got, want := e.URL(), "https://www.bestpractices.dev/en/criteria/0#0.floss_license"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
	s := Default().EntriesFor("achieve_silver")[0]
	if !s.Automatic() || s.Level != "gold" || s.URL() != "https://www.bestpractices.dev/en/criteria/2#2.achieve_silver" {
		t.Errorf("achieve_silver: automatic=%v level=%s url=%s", s.Automatic(), s.Level, s.URL())
	}
	if e.Automatic() {
		t.Error("floss_license must not be automatic")
	}
	b := Default().EntriesFor("osps_ac_01_01")[0]
	if b.Control != "OSPS-AC-01.01" || b.Series != Baseline {
		t.Errorf("baseline entry: %+v", b)
	}
}

// Index is an id's place in IDs, the catalog's order.
func TestIndex(t *testing.T) {
	c := Default()
	for want, id := range c.IDs() {
		if i, ok := c.Index(id); !ok || i != want || !c.Known(id) {
			t.Fatalf("%s: index %d %v, want %d", id, i, ok, want)
		}
	}
	if _, ok := c.Index("no_such_criterion"); ok || c.Known("no_such_criterion") {
		t.Error("an unknown id has a place")
	}
}
