package secinsights

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/internal/upstream"
)

// seeds adds our real-shaped files and, where ../shared is present, the
// specification's examples.
func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.yml"))
	for _, ex := range examples {
		files = append(files, filepath.Join(upstream.Dir(), "security-insights", "examples", ex))
	}
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("header: {url: x}\n---\n"))
}

// Whatever the bytes, reading never panics, and what Parse accepts can be
// checked and read as evidence.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		Validate(d)
		Evidence(d)
		d.IsV1()
	})
}

// Merging into any file Parse accepts either refuses or gives a file that
// reads back, holds our fields, and that a second merge leaves unchanged.
func FuzzMerge(f *testing.F) {
	seeds(f)
	as, _ := Build(demo())
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := Parse(src); err != nil {
			return
		}
		out, _, err := Merge(src, as)
		if err != nil {
			return
		}
		d, err := Parse(out)
		if err != nil {
			t.Fatalf("merged file does not parse: %v\n%s", err, out)
		}
		if v, _ := d.Get("header.schema-version"); v == nil || v.Value != SchemaVersion {
			t.Fatalf("schema version not written:\n%s", out)
		}
		again, ch, err := Merge(out, as)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("second merge: %v %v\n%s\n---\n%s", err, ch, out, again)
		}
	})
}
