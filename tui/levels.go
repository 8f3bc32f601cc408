package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// Moving between levels, series and languages: the top model's, since the
// list, the detail and the header all follow.

// switchLevel shows the next (dir 1) or previous level of the series.
func (m *Model) switchLevel(dir int) tea.Cmd {
	c := m.c
	levels := c.cat.SeriesLevels(c.series())
	for i, l := range levels {
		if l.Name == c.level {
			c.level = levels[(i+dir+len(levels))%len(levels)].Name
			break
		}
	}
	m.rebuild()
	return m.detail.prerender()
}

// switchSeries shows the first level not reached of the other series.
func (m *Model) switchSeries() tea.Cmd {
	c := m.c
	c.level = startLevel(c.score, c.cat, c.cat.SeriesLevels(c.otherSeries())[0].Name)
	m.rebuild()
	return m.detail.prerender()
}

// nextLanguage switches to the next language of the cycle. Everything
// worded in the language left is worded again: the carried proposals at
// once, the repository's evidence by a new scan in the background (the
// proposals in the language left stay until it lands).
func (m *Model) nextLanguage() tea.Cmd {
	c := m.c
	loc := c.opts.Languages.Next(c.loc)
	c.setLocale(loc)
	c.message = loc.T("ui.tui.language", "Name", loc.Name())
	m.rescore()
	m.showCurrent()
	return tea.Batch(m.detail.prerender(), m.scan())
}

// scan looks for proposals in the repository, in the background, their
// texts in the language shown now.
func (m *Model) scan() tea.Cmd {
	scan := m.c.opts.ScanProposals
	if scan == nil {
		return nil
	}
	loc := m.c.loc
	return func() tea.Msg { return proposalsFoundMsg{scan(loc), loc} }
}
