package detect

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
)

// benchTree writes a repository of n files: a Go and npm monorepo with
// docs, workflows, tests and source spread over many directories.
func benchTree(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	top := map[string]string{
		"go.mod":                   "module example.org/big\n",
		"go.sum":                   "",
		"package.json":             "{\n  \"scripts\": {\"test\": \"jest\"}\n}\n",
		"README.md":                "# Big\n\nBig does a great many things for a great many people.\n\n## Install\n\ngo install example.org/big@latest\n\n## Contributing\n\nPull requests welcome; report bugs in the issues.\n",
		"CONTRIBUTING.md":          "# Contributing\n\n## Reporting bugs\n\nOpen an issue with the steps to reproduce.\n\nEvery change needs tests.\n",
		"SECURITY.md":              "# Security\n\nMail security@big.example.net. We answer within 3 days.\n",
		"LICENSE":                  mitText,
		".github/workflows/ci.yml": "on: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -race ./...\n      - uses: github/codeql-action/analyze@v3\n",
	}
	for p, c := range top {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	perDir := 50
	for i := 0; i < n-len(top); i++ {
		d := filepath.Join(dir, "pkg", fmt.Sprintf("m%03d", i/perDir/40), fmt.Sprintf("d%04d", i/perDir))
		if i%perDir == 0 {
			os.MkdirAll(d, 0o755)
		}
		name := fmt.Sprintf("f%d.go", i)
		if i%10 == 0 {
			name = fmt.Sprintf("f%d_test.go", i)
		}
		if err := os.WriteFile(filepath.Join(d, name), []byte("package p\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkScan100k scans a repository of 100,000 files, the size of a
// large monorepo.
// BenchmarkScan scans a repository of 100,000 files, the size of a large
// monorepo. The tree is written once; the sub-benchmark scans it.
func BenchmarkScan(b *testing.B) {
	dir := benchTree(b, 100000)
	cat := criteria.Default()
	opts := Options{Now: time.Now(), NoGitCommand: true, MaxFiles: 200000}
	b.Run("100k-files", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := Scan(dir, cat, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
