//go:build unix

package detect

import (
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/internal/fifotest"
	"github.com/bestpractices/bestpractices/model"
)

// A named pipe where a README should be must not block the scan.
func TestNotRegularFile(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText})
	fifotest.Make(t, filepath.Join(dir, "README.md"))
	var rep *Report
	fifotest.Within(t, func() { rep = scan(t, dir) })
	if !uncheckedHas(rep, "README.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	want(t, rep, "floss_license", model.Met, "MIT")
}

// A named pipe where CONTRIBUTING.md should be is not read, so it proposes
// nothing, and --explain says why the criterion is left.
func TestFIFOContributingGivesNoProposal(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# W\n"})
	fifotest.Make(t, filepath.Join(dir, "CONTRIBUTING.md"))
	var rep *Report
	fifotest.Within(t, func() { rep = scan(t, dir) })
	if !uncheckedHas(rep, "CONTRIBUTING.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	none(t, rep, "contribution")
	none(t, rep, "contribution_requirements")
	if u := undecidedOf(rep, "contribution"); u.Why != WhyNotRead {
		t.Errorf("contribution: %+v, want not_read", u)
	}
}
