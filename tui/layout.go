package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Smallest usable terminal; below it we say so instead of drawing.
const (
	minWidth  = 60
	minHeight = 15
)

// The layout, from the screen size alone: every part asks here.

func (c *common) tooSmall() bool { return c.width < minWidth || c.height < minHeight }

// wide: list and detail side by side.
func (c *common) wide() bool { return c.width >= 100 }

func (c *common) compactHeader() bool { return c.height < 24 || c.width < 80 }

func (c *common) headerHeight() int {
	if c.compactHeader() {
		return 3
	}
	return 2 + len(c.cat.SeriesLevels(c.series()))
}

// bodyHeight is what is left between the header and the two bottom lines
// (status and help).
func (c *common) bodyHeight() int { return max(1, c.height-c.headerHeight()-2) }

func (c *common) listWidth() int {
	if c.wide() {
		return min(70, c.width*45/100)
	}
	return c.width
}

func (c *common) detailWidth() int {
	if c.wide() {
		return c.width - c.listWidth() - 3
	}
	return c.width - 2
}

// maxReading is the widest the detail's text gets: longer lines are hard
// to read, and a wide terminal leaves the rest of the pane blank.
const maxReading = 88

// readingWidth is the width the detail's text and the form are laid out at.
func (c *common) readingWidth() int { return min(c.detailWidth(), maxReading) }

// listHeight is the rows the list shows (one line is its heading).
func (c *common) listHeight() int { return max(1, c.bodyHeight()-1) }

// fitLines cuts or pads each line to w columns and the list to h lines.
func fitLines(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i >= len(lines) {
			out[i] = strings.Repeat(" ", w)
			continue
		}
		l := lines[i]
		lw := ansi.StringWidth(l)
		if lw > w {
			l = ansi.Truncate(l, w, "…")
			lw = ansi.StringWidth(l)
		}
		out[i] = l + strings.Repeat(" ", max(0, w-lw))
	}
	return out
}
