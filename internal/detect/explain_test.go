package detect

import (
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
)

// An empty repository decides almost nothing; every criterion of the
// catalog is then either proposed or explained, once.
func TestEveryCriterionIsProposedOrExplained(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{"README.md": "# w\n"}))
	seen := map[string]int{}
	for _, u := range rep.Undecided {
		seen[u.ID]++
		switch u.Why {
		case WhyForge, WhyPerson, WhyNotFound, WhyNotRead:
		default:
			t.Errorf("%s: unknown reason %q", u.ID, u.Why)
		}
		if _, ok := rep.Proposals[u.ID]; ok {
			t.Errorf("%s is both proposed and undecided", u.ID)
		}
	}
	for _, id := range criteria.Default().IDs() {
		_, proposed := rep.Proposals[id]
		if criteria.PrerequisiteOf(id) != "" {
			if seen[id] > 0 {
				t.Errorf("%s is computed by the site, not answered: it should not be explained", id)
			}
			continue
		}
		if !proposed && seen[id] != 1 {
			t.Errorf("%s explained %d times", id, seen[id])
		}
	}
	if u := undecidedOf(rep, "crypto_published"); u.Why != WhyPerson {
		t.Errorf("crypto_published: %+v, want person", u)
	}
	if u := undecidedOf(rep, "dco"); u.Why != WhyNotFound {
		t.Errorf("dco: %+v, want not_found", u)
	}
	if u := undecidedOf(rep, "osps_gv_03_01"); u.Why != WhyNotFound {
		t.Errorf("a Baseline control derived from a badge criterion detect looks for: %+v, want not_found", u)
	}
}

// Every criterion that only the forge can tell has a note saying where to
// look, and the ids the sources declare are the catalog's.
func TestForgeNotesAndCoverage(t *testing.T) {
	cat := criteria.Default()
	en := i18n.English()
	for id := range forgeOnly {
		if !cat.Known(id) {
			t.Errorf("forgeOnly lists %s, which the catalog does not have", id)
		}
		if key := "ui.detect.forge." + id; en.T(key) == key || en.T(key) == "" {
			t.Errorf("%s: no text for %s", id, key)
		}
	}
	for _, src := range sources() {
		for _, id := range src.covers {
			if !cat.Known(id) {
				t.Errorf("source %s covers %s, which the catalog does not have", src.name, id)
			}
		}
	}
	for _, p := range sameEvidence {
		if !cat.Known(p.baseline) || !cat.Known(p.from) {
			t.Errorf("sameEvidence pairs unknown ids %s, %s", p.baseline, p.from)
		}
	}
}
