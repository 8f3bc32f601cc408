//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A named pipe as the file to write into: refused at once, never opened
// (opening it would wait for a writer forever).
func TestExportInsightsFIFO(t *testing.T) {
	dir := writeAnswers(t, insightsAnswers)
	makeFIFO(t, filepath.Join(dir, "security-insights.yml"))
	for _, args := range [][]string{{"-o", "security-insights.yml"}, {"--check"}} {
		_, errOut, code := runWithin(t, dir, append([]string{"export", "--format", "security-insights"}, args...)...)
		if code != ExitBadInput || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: %d %s", args, code, errOut)
		}
	}
}
