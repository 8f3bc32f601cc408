package tui

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the whole screen. Every line is cut to the terminal's width:
// a line that wraps would push the layout off the screen. Widths are
// measured once per line; this runs on every keystroke.
func (m *Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.tooSmall() {
		msg := m.loc.T("ui.tui.too_small", "Width", m.width, "Height", m.height, "MinWidth", minWidth, "MinHeight", minHeight)
		return strings.Join(fitLines(strings.Split(lipgloss.NewStyle().Width(max(1, m.width)).Render(msg), "\n"), m.width, m.height), "\n")
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.headerLines()...)
	bh := m.bodyHeight()
	switch {
	case m.fullHelp:
		lines = append(lines, fitLines(m.fullHelpLines(), m.width, bh)...)
	case m.wide():
		left := fitLines(m.listLines(m.listWidth()), m.listWidth(), bh)
		right := m.rightPane()
		sep := m.st.Dim.Render("│")
		for i := 0; i < bh; i++ {
			lines = append(lines, left[i]+" "+sep+" "+right[i])
		}
	case m.form != nil || m.showDetail:
		lines = append(lines, m.rightPane()...)
	default:
		lines = append(lines, fitLines(m.listLines(m.width), m.width, bh)...)
	}
	lines = append(lines, m.statusLine(), ansi.Truncate(m.help.ShortHelpView(m.keys.ShortHelp()), m.width, "…"))
	return strings.Join(fitLines(lines, m.width, m.height), "\n")
}

// rightPane is the detail or the form, as exactly bodyHeight lines.
func (m *Model) rightPane() []string {
	w, h := m.detailWidth(), m.bodyHeight()
	if m.form != nil {
		return fitLines(strings.Split(m.form.View(), "\n"), w, h)
	}
	top := max(0, min(m.detail.YOffset, len(m.detailLines)-1))
	end := min(len(m.detailLines), top+h)
	return fitLines(m.detailLines[top:end], w, h)
}

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

func (m *Model) headerLines() []string {
	name := safetext.Line(m.file.Project.Name)
	if name == "" {
		name = "?"
	}
	title := m.st.Title.Render("bestpractices") + " · " + name + " · " + m.displayPath()
	var lines []string
	lines = append(lines, ansi.Truncate(title, m.width, "…"))
	if m.compactHeader() {
		for _, series := range []string{m.series(), m.otherSeries()} {
			lines = append(lines, ansi.Truncate(m.seriesLine(series), m.width, "…"))
		}
		return lines
	}
	barW := max(10, min(40, m.width-40))
	for _, l := range m.cat.SeriesLevels(m.series()) {
		ls, _ := m.score.Level(l.Name)
		mark := "  "
		if ls.Achieved() {
			mark = m.st.Good.Render("✓ ")
		}
		cur := " "
		if l.Name == m.level {
			cur = "›"
		}
		full, empty := model.Bar(ls.Percentage, barW)
		bar := m.st.BarFull.Render(full) + m.st.BarEmpty.Render(empty)
		line := fmt.Sprintf("%s%s%-11s %s %3d%%  %d/%d", cur, mark, m.loc.T("ui.level."+l.Name), bar, ls.Percentage, ls.Satisfied, ls.Total)
		lines = append(lines, ansi.Truncate(line, m.width, "…"))
	}
	lines = append(lines, ansi.Truncate(m.st.Dim.Render(m.seriesLine(m.otherSeries())), m.width, "…"))
	return lines
}

func (m *Model) otherSeries() string {
	for _, l := range m.cat.Levels {
		if l.Series != m.series() {
			return l.Series
		}
	}
	return m.series()
}

// seriesLine is a series' progress on one line.
func (m *Model) seriesLine(series string) string {
	var parts []string
	for _, l := range m.cat.SeriesLevels(series) {
		ls, _ := m.score.Level(l.Name)
		mark := ""
		if ls.Achieved() {
			mark = " ✓"
		}
		cur := ""
		if l.Name == m.level {
			cur = "›"
		}
		parts = append(parts, fmt.Sprintf("%s%s %d%% %d/%d%s", cur, m.loc.T("ui.level."+l.Name), ls.Percentage, ls.Satisfied, ls.Total, mark))
	}
	return " " + strings.Join(parts, " · ")
}

func (m *Model) displayPath() string {
	p := m.file.Path
	if i := strings.LastIndex(p, "/"); i >= 0 && len(p) > 40 {
		p = "…" + p[i:]
	}
	return p
}

// listLines draws the list heading and the visible rows.
func (m *Model) listLines(width int) []string {
	ls := m.levelScore()
	lines := make([]string, 0, m.listHeight()+1)
	heading := fmt.Sprintf("%s (%d)", m.loc.T("ui.level."+m.level), len(ls.Entries))
	if m.mode != showAll {
		heading += " · " + m.loc.T("ui.tui.filter."+m.mode.key())
	}
	if m.filtering || m.filter.Value() != "" {
		heading += " " + m.filter.View()
	}
	lines = append(lines, m.st.Title.Render(ansi.Truncate(heading, width, "…")))
	if len(m.rows) == 0 {
		return append(lines, m.st.Dim.Render(m.loc.T("ui.tui.empty_list")))
	}
	end := min(len(m.rows), m.offset+m.listHeight())
	for i := m.offset; i < end; i++ {
		r := m.rows[i]
		if r.entry < 0 {
			parts := strings.SplitN(r.section, " / ", 2)
			lines = append(lines, m.st.Section.Render(ansi.Truncate(m.loc.Section(parts[0])+" / "+m.loc.Section(parts[1]), width, "…")))
			continue
		}
		lines = append(lines, m.entryRow(ls.Entries[r.entry], i == m.cursor, width))
	}
	return lines
}

// keywordWidth fits the longest keyword, SUGGESTED.
const keywordWidth = 9

func (m *Model) entryRow(es model.EntryScore, selected bool, width int) string {
	cursor := "  "
	if selected {
		cursor = "› "
	}
	mark := model.StatusMark(es)
	if _, ok := m.proposals[es.Entry.ID]; ok && es.Answer.Status == model.Unknown {
		mark = "+"
	}
	styled := mark
	switch {
	case mark == "!":
		styled = m.st.Problem.Render(mark)
	case es.Result.Satisfied():
		styled = m.st.Good.Render(mark)
	case mark == "+":
		styled = m.st.Warn.Render(mark)
	}
	kw := fmt.Sprintf("%-*s", keywordWidth, m.loc.T("ui.category."+string(es.Entry.Category)))
	title := m.loc.Criterion(es.Entry.Level, es.Entry.ID).Title
	room := width - 2 - 2 - keywordWidth - 1
	if room < 1 {
		room = 1
	}
	title = ansi.Truncate(title, room, "…")
	line := cursor + styled + " " + m.st.Keyword.Render(kw) + " " + title
	if selected {
		pad := max(0, width-ansi.StringWidth(line))
		return m.st.Selected.Render(ansi.Strip(line) + strings.Repeat(" ", pad))
	}
	return line
}

func (m *Model) statusLine() string {
	var s string
	switch m.prompt {
	case promptQuit:
		s = m.st.Banner.Render(m.loc.T("ui.tui.prompt.quit"))
	case promptConflict:
		s = m.st.Banner.Render(m.loc.T("ui.tui.prompt.conflict"))
	case promptAcceptAll:
		s = m.st.Banner.Render(m.loc.T("ui.tui.prompt.accept_all", "Count", len(m.proposals.Open(m.file.Answers))))
	default:
		switch {
		case m.message != "":
			s = m.message
		case m.opts.ReadOnly != "":
			s = m.st.Warn.Render(m.loc.T("ui.tui.read_only", "Reason", m.opts.ReadOnly))
		case m.saveErr != nil:
			s = m.st.Problem.Render(m.loc.T("ui.tui.save_failed", "Error", safetext.Line(m.saveErr.Error())))
		case m.saving || m.file.Dirty():
			s = m.st.Dim.Render(m.loc.T("ui.tui.saving"))
		case !m.savedAt.IsZero():
			s = m.st.Good.Render(m.loc.T("ui.tui.saved", "Time", m.savedAt.Format("15:04:05")))
		case !m.file.Exists:
			s = m.st.Dim.Render(m.loc.T("ui.tui.new_file"))
		default:
			if n := len(m.file.Problems); n > 0 {
				s = m.st.Warn.Render(m.loc.T("ui.tui.problems", "Count", n))
			} else {
				s = m.st.Dim.Render(m.loc.T("ui.tui.ready"))
			}
		}
	}
	return ansi.Truncate(s, m.width, "…")
}

// fullHelpLines lays the help's columns side by side as far as the width
// allows, and the rest below, so that a narrow terminal shows every key.
func (m *Model) fullHelpLines() []string {
	var out, row []string
	rowWidth := 0
	flush := func() {
		if len(row) > 0 {
			out = append(out, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
			out = append(out, "")
		}
		row, rowWidth = nil, 0
	}
	for _, group := range m.keys.FullHelp() {
		col := m.help.FullHelpView([][]key.Binding{group}) + "   "
		w := lipgloss.Width(col)
		if rowWidth > 0 && rowWidth+w > m.width {
			flush()
		}
		row = append(row, col)
		rowWidth += w
	}
	flush()
	return out
}
