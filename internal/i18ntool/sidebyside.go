package i18ntool

import (
	"strings"

	"github.com/bestpractices/bestpractices/internal/textwidth"
)

// SideBySide lays two texts out in two columns of a width-cell line,
// each wrapped where its language allows, "│" between them: the English a
// translation was made from beside the English of now. Below 60 cells
// the columns go one under the other.
func SideBySide(leftTitle, left, rightTitle, right string, width int) []string {
	if width < 60 {
		var out []string
		out = append(out, leftTitle)
		for _, l := range textwidth.Wrap(left, width-2) {
			out = append(out, "  "+l)
		}
		out = append(out, rightTitle)
		for _, l := range textwidth.Wrap(right, width-2) {
			out = append(out, "  "+l)
		}
		return out
	}
	col := (width - 3) / 2
	a := append([]string{textwidth.Truncate(leftTitle, col)}, textwidth.Wrap(left, col)...)
	b := append([]string{textwidth.Truncate(rightTitle, col)}, textwidth.Wrap(right, col)...)
	n := max(len(a), len(b))
	out := make([]string, n)
	for i := range out {
		var l, r string
		if i < len(a) {
			l = a[i]
		}
		if i < len(b) {
			r = b[i]
		}
		out[i] = strings.TrimRight(textwidth.Pad(l, col)+" │ "+r, " ")
	}
	return out
}
