package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// fullFile answers every criterion of every level, with comments, as a
// project near gold would have it.
func fullFile(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("# Our answers\nversion: 1\nproject:\n  name: bench\n  url: https://example.org/bench\nanswers:\n")
	for _, id := range criteria.Default().IDs() {
		if criteria.PrerequisiteOf(id) != "" {
			continue
		}
		sb.WriteString("  # " + id + "\n  " + id + ":\n    status: Met\n    justification: >-\n      We do this; see https://example.org/bench/docs/" + id + " for the details of how and why.\n")
	}
	p := filepath.Join(b.TempDir(), DefaultName)
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// Load, score, change one answer and save it atomically: what every
// command and every answer in the walk costs.
func BenchmarkLoadScoreSave(b *testing.B) {
	p := fullFile(b)
	cat := criteria.Default()
	statuses := []Status{Unmet, Met}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Load(p, cat)
		if err != nil {
			b.Fatal(err)
		}
		if s := f.Score(); s.TieredPercentage() < 99 {
			b.Fatalf("tiered %d", s.TieredPercentage())
		}
		a := f.Answers["test"]
		a.Status = statuses[i%2]
		f.Set("test", a)
		if err := f.Save(false); err != nil {
			b.Fatal(err)
		}
	}
}

// One answer changed and saved in a file already loaded, as each answer in
// the walk: the splice, the proof (the new text parsed back and compared)
// and the atomic write.
func BenchmarkSaveInWalk(b *testing.B) {
	p := fullFile(b)
	f, err := Load(p, criteria.Default())
	if err != nil {
		b.Fatal(err)
	}
	statuses := []Status{Unmet, Met}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := f.Answers["test"]
		a.Status = statuses[i%2]
		f.Set("test", a)
		if err := f.Save(false); err != nil {
			b.Fatal(err)
		}
	}
}
