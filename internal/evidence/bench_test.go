package evidence

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// Stale on a repository of 20,000 files whose answers cite workflows by
// bare name, as maintainers write them: the tree is walked once.
func BenchmarkStaleBareNames(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 200; i++ {
		sub := filepath.Join(dir, "pkg", fmt.Sprintf("p%03d", i))
		os.MkdirAll(sub, 0o755)
		for j := 0; j < 100; j++ {
			os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%03d.go", j)), nil, 0o644)
		}
	}
	os.MkdirAll(filepath.Join(dir, ".github", "workflows"), 0o755)
	os.WriteFile(filepath.Join(dir, ".github", "workflows", "ci.yml"), nil, 0o644)
	answers := model.Answers{}
	for i := 0; i < 60; i++ {
		answers[fmt.Sprintf("c%02d", i)] = model.Answer{Status: model.Met, Justification: "CI (ci.yml) runs the tests; docs in README.md and docs/guide.md."}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Stale(dir, github, answers)
	}
}
