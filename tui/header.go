package tui

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/x/ansi"
)

// A level's line: the cursor and the mark (3 cells), the name, a space,
// the bar, then the figures (" 100%  123/123": 10 cells and the
// percentage as the language writes it, "100 %" in French) and a margin.
const (
	maxLevelNameWidth = 24
	barLineRest       = 3 + 1 + 10 + 2
)

// headerLines are the title and the progress of each level: a bar per
// level of the series shown on tall terminals, one line per series on
// small ones.
func headerLines(c *common) []string {
	name := safetext.Line(c.file.Project.Name)
	if name == "" {
		name = "?"
	}
	title := c.st.Title.Render("bestpractices") + " · " + name + " · " + displayPath(c.file.Path)
	lines := []string{ansi.Truncate(title, c.width, "…")}
	if c.compactHeader() {
		for _, series := range []string{c.series(), c.otherSeries()} {
			lines = append(lines, ansi.Truncate(seriesLine(c, series), c.width, "…"))
		}
		return lines
	}
	// Level names padded by terminal cells (Japanese names are wide), a
	// long one cut, so that the bars start in one column and the figures
	// after them stay on screen: the bar takes what is left.
	nameW := 11
	for _, l := range c.cat.SeriesLevels(c.series()) {
		nameW = max(nameW, textwidth.Width(c.levelName(l.Name)))
	}
	nameW = min(nameW, maxLevelNameWidth)
	pctW := textwidth.Width(c.loc.Percent(100))
	barW := max(10, min(40, c.width-nameW-barLineRest-pctW))
	for _, l := range c.cat.SeriesLevels(c.series()) {
		ls, _ := c.score.Level(l.Name)
		mark := "  "
		if ls.Achieved() {
			mark = c.st.Good.Render("✓ ")
		}
		cur := " "
		if l.Name == c.level {
			cur = "›"
		}
		full, empty := model.Bar(ls.Percentage, barW)
		bar := c.st.BarFull.Render(full) + c.st.BarEmpty.Render(empty)
		line := fmt.Sprintf("%s%s%s %s %s  %d/%d", cur, mark, textwidth.Fit(c.levelName(l.Name), nameW), bar, textwidth.PadLeft(c.loc.Percent(ls.Percentage), pctW), ls.Satisfied, ls.Total)
		lines = append(lines, ansi.Truncate(line, c.width, "…"))
	}
	lines = append(lines, ansi.Truncate(c.st.Dim.Render(seriesLine(c, c.otherSeries())), c.width, "…"))
	return lines
}

// seriesLine is a series' progress on one line.
func seriesLine(c *common, series string) string {
	var parts []string
	for _, l := range c.cat.SeriesLevels(series) {
		ls, _ := c.score.Level(l.Name)
		mark := ""
		if ls.Achieved() {
			mark = " ✓"
		}
		cur := ""
		if l.Name == c.level {
			cur = "›"
		}
		parts = append(parts, fmt.Sprintf("%s%s %s %d/%d%s", cur, c.levelName(l.Name), c.loc.Percent(ls.Percentage), ls.Satisfied, ls.Total, mark))
	}
	return " " + strings.Join(parts, " · ")
}

func displayPath(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 && len(p) > 40 {
		p = "…" + p[i:]
	}
	return p
}
