//go:build unix

package detect

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// A named pipe where a README should be must not block the scan.
func TestNotRegularFile(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText})
	if err := syscall.Mkfifo(filepath.Join(dir, "README.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	rep := scan(t, dir)
	if !uncheckedHas(rep, "README.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	want(t, rep, "floss_license", model.Met, "MIT")
}

// A named pipe where CONTRIBUTING.md should be is not read, so it proposes
// nothing, and --explain says why the criterion is left.
func TestFIFOContributingGivesNoProposal(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# W\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "CONTRIBUTING.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	rep := scan(t, dir)
	if !uncheckedHas(rep, "CONTRIBUTING.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	none(t, rep, "contribution")
	none(t, rep, "contribution_requirements")
	if u := undecidedOf(rep, "contribution"); u.Why != WhyNotRead {
		t.Errorf("contribution: %+v, want not_read", u)
	}
}
