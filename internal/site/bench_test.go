package site

import "testing"

// Reading a full entry as the site serves it (every column).
func BenchmarkParseEntry(b *testing.B) {
	data := fixture(b, "entry-2026.json")
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("entry.json", data, cat); err != nil {
			b.Fatal(err)
		}
	}
}

// export -o over a maintainer's file, proof included.
func BenchmarkExportOnto(b *testing.B) {
	old := fixture(b, "bestpractices-metadata.json")
	in, err := Parse("x.json", old, cat)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, _, err := ExportOnto(cat, in.Project, in.Answers, old); err != nil {
			b.Fatal(err)
		}
	}
}

// Building the patterns that recognise detect's and carry's texts, once
// per import.
func BenchmarkNewMachineText(b *testing.B) {
	for i := 0; i < b.N; i++ {
		NewMachineText().Match("x y z")
	}
}
