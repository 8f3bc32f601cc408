package i18ntool

import (
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// BenchmarkUpdate is i18n update on a built-in translation: the cost of
// each run of FuzzUpdate (twice this) and of a translator's update.
func BenchmarkUpdate(b *testing.B) {
	src, err := i18n.Source("fr")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Update("fr.yaml", src, "sources"); err != nil {
			b.Fatal(err)
		}
	}
}
