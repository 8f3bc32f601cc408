package termbg

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// Output that is not a terminal is never asked: nothing is written to it,
// and lipgloss takes the default, dark.
func TestAskOnlyATerminal(t *testing.T) {
	lipgloss.SetHasDarkBackground(false)
	var buf bytes.Buffer
	if !Ask(&buf) || buf.Len() != 0 || !lipgloss.HasDarkBackground() {
		t.Errorf("a buffer: wrote %q, dark = %v", buf.String(), lipgloss.HasDarkBackground())
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetHasDarkBackground(false)
	if !Ask(w) {
		t.Error("a pipe is not dark by default")
	}
	w.Close()
	if b, _ := io.ReadAll(r); len(b) != 0 {
		t.Errorf("a query was written to a pipe: %q", b)
	}
}
