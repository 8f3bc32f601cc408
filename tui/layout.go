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

// bodyHeight is what is left between the header and the bottom lines
// (status and help: two, or more for a long text; layoutBottom).
func (c *common) bodyHeight() int { return max(1, c.height-c.headerHeight()-max(2, c.bottomHeight)) }

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

// minListKept is what the list keeps of a row beside a detail line wider
// than the detail pane (a URL shown whole): enough to tell the row.
const minListKept = 16

// detailMax is the widest a line of the detail may be. A URL is never cut
// short: its line may take the screen's whole width in the narrow layout,
// and cells of the list's row beside it in the wide one (View makes room).
func (c *common) detailMax() int {
	if c.wide() {
		return c.width - 3 - min(minListKept, c.listWidth())
	}
	return c.width
}

// listHeight is the rows the list shows (one line is its heading).
func (c *common) listHeight() int { return max(1, c.bodyHeight()-1) }

// fitLines cuts or pads each line to w columns and the list to h lines.
func fitLines(lines []string, w, h int) []string { return fitOver(lines, w, w, h) }

// fitOver is fitLines for a pane whose lines may run past its width w, up
// to over cells: a URL kept whole (wholeLines). Those are left as they
// are; the caller makes room for them.
func fitOver(lines []string, w, over, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i >= len(lines) {
			out[i] = strings.Repeat(" ", w)
			continue
		}
		l := lines[i]
		lw := ansi.StringWidth(l)
		if lw > over {
			l = ansi.Truncate(l, w, "…")
			lw = ansi.StringWidth(l)
		}
		out[i] = l + strings.Repeat(" ", max(0, w-lw))
	}
	return out
}

// wholeLines keeps every line within maxW cells without cutting a URL
// short. Text is wrapped before it comes here (textwidth.Wrap), so a line
// wider than maxW is a URL kept whole: it gives up its indentation and a
// quote's bar first, and only a URL wider than maxW itself, the screen's
// width, is broken, at maxW, over lines of its own, so that every
// character of it still shows.
func wholeLines(lines []string, maxW int) []string {
	maxW = max(1, maxW)
	var out []string
	for _, l := range lines {
		if ansi.StringWidth(l) <= maxW {
			out = append(out, l)
			continue
		}
		plain := ansi.Strip(l)
		body := strings.TrimLeft(plain, " ")
		body = strings.TrimPrefix(body, "│ ")
		l = ansi.Cut(l, ansi.StringWidth(plain)-ansi.StringWidth(body), ansi.StringWidth(plain))
		if ansi.StringWidth(l) > maxW {
			l = ansi.Hardwrap(l, maxW, false)
		}
		out = append(out, strings.Split(l, "\n")...)
	}
	return out
}
