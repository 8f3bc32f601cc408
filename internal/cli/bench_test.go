package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/environ"
)

// `bestpractices status` as a whole, on a file answering every criterion.
func BenchmarkStatus(b *testing.B) {
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("version: 1\nproject:\n  name: bench\nanswers:\n")
	for _, id := range criteria.Default().IDs() {
		if criteria.PrerequisiteOf(id) == "" {
			sb.WriteString("  " + id + ":\n    status: Met\n    justification: See https://example.org/" + id + "\n")
		}
	}
	os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte(sb.String()), 0o644)
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				env := &environ.Env{Stdout: io.Discard, Stderr: io.Discard, Dir: dir, Getenv: func(string) string { return "" }}
				if code := Run(env, UI{}, []string{"status", "--format", format}); code != ExitOK {
					b.Fatal(code)
				}
			}
		})
	}
}
