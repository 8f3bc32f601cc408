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

// A named pipe where security-insights.yml should be must not block.
func TestSecurityInsightsFIFO(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText})
	if err := syscall.Mkfifo(filepath.Join(dir, "security-insights.yml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	rep := scan(t, dir)
	if !uncheckedHas(rep, "security-insights.yml", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
}
