//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe as the file to write into: refused at once, never opened
// (opening it would wait for a writer forever).
func TestExportInsightsFIFO(t *testing.T) {
	dir := writeAnswers(t, insightsAnswers)
	if err := syscall.Mkfifo(filepath.Join(dir, "security-insights.yml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, args := range [][]string{{"-o", "security-insights.yml"}, {"--check"}} {
		_, errOut, code := run(t, dir, append([]string{"export", "--format", "security-insights"}, args...)...)
		if code != ExitBadInput || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: %d %s", args, code, errOut)
		}
	}
}
