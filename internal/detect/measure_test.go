package detect

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// TestMeasureOnRealRepositories compares detect's proposals with the answers
// maintainers committed, on trees rebuilt from public repositories (their
// file listings and the files detect reads; see the CHANGELOG for how the
// numbers were taken). The trees are not part of this repository: set
// BESTPRACTICES_MEASURE_TREES to a directory holding one tree per
// repository, each with the maintainers' answers in .bestpractices.yaml.
func TestMeasureOnRealRepositories(t *testing.T) {
	dir := os.Getenv("BESTPRACTICES_MEASURE_TREES")
	if dir == "" {
		t.Skip("BESTPRACTICES_MEASURE_TREES is not set: no rebuilt repositories to measure on")
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("%s: %v", dir, err)
	}
	// What only git history shows is left out: the trees have none.
	history := map[string]bool{"version_tags": true, "version_unique": true, "version_semver": true, "maintained": true, "repo_interim": true, "osps_br_02_01": true}
	cat := criteria.Default()
	var checkable, agree, met, found int
	for _, e := range ents {
		root := filepath.Join(dir, e.Name())
		f, err := model.Load(filepath.Join(root, ".bestpractices.yaml"), cat)
		if err != nil || !e.IsDir() {
			continue
		}
		rep, err := Scan(root, cat, Options{Now: now, NoGitCommand: true})
		if err != nil {
			t.Fatal(err)
		}
		var c, a, m, fd int
		var missed []string
		for id, ans := range f.Answers {
			if history[id] || ans.Status == model.Unknown || !cat.Known(id) {
				continue
			}
			p, ok := rep.Proposals[id]
			if ok {
				c++
				if p.Status == ans.Status {
					a++
				} else {
					t.Logf("%s: %s proposed %s (%s), maintainers answered %s", e.Name(), id, p.Status, model.ConfidenceName(p.Confidence), ans.Status)
				}
			}
			if ans.Status == model.Met {
				m++
				if ok && p.Status == model.Met {
					fd++
				} else {
					missed = append(missed, id)
				}
			}
		}
		sort.Strings(missed)
		t.Logf("%-14s agree %d/%d, Met found %d/%d; missed %v", e.Name(), a, c, fd, m, missed)
		checkable, agree, met, found = checkable+c, agree+a, met+m, found+fd
	}
	if checkable == 0 || met == 0 {
		t.Skip("no measurable tree found")
	}
	t.Logf("TOTAL agree %d/%d = %.1f%%, Met found %d/%d = %.1f%%", agree, checkable, 100*float64(agree)/float64(checkable), found, met, 100*float64(found)/float64(met))
	// The floor this work was measured at: agreement must not drop as
	// coverage grows.
	if float64(agree) < 0.95*float64(checkable) {
		t.Errorf("agreement %d/%d fell under 95%%", agree, checkable)
	}
	if float64(found) < 0.60*float64(met) {
		t.Errorf("coverage %d/%d fell under 60%%", found, met)
	}
}
