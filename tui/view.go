package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/charmbracelet/lipgloss"
)

// View draws the whole screen. Every line is cut to the terminal's width:
// a line that wraps would push the layout off the screen. Each part is
// fitted once, to its own width (this runs on every keystroke): the body's
// lines come out exactly as wide as the screen, the header and the bottom
// lines are fitted here.
func (m *Model) View() string {
	c := m.c
	if c.width == 0 {
		return ""
	}
	if c.tooSmall() {
		return m.tooSmallView()
	}
	header := headerLines(c)
	lines := make([]string, 0, c.height)
	lines = append(lines, fitLines(header, c.width, len(header))...)
	bh := c.bodyHeight()
	switch {
	case m.help.open:
		lines = append(lines, m.help.view(c.width, bh)...)
	case c.wide():
		lw, dw := c.listWidth(), c.detailWidth()
		left := fitLines(m.list.view(lw), lw, bh)
		right := m.rightPane()
		sep := " " + c.st.Dim.Render("│") + " "
		for i := 0; i < bh; i++ {
			l := left[i]
			if over := textwidth.Width(right[i]) - dw; over > 0 { // a URL shown whole: the list's row gives way
				l = textwidth.Fit(strings.TrimRight(l, " "), lw-over)
			}
			lines = append(lines, l+sep+right[i])
		}
	case m.form.isOpen() || m.detail.open:
		for _, l := range m.rightPane() {
			lines = append(lines, l+strings.Repeat(" ", max(0, c.width-textwidth.Width(l))))
		}
	default:
		lines = append(lines, fitLines(m.list.view(c.width), c.width, bh)...)
	}
	lines = append(lines, fitLines([]string{m.statusLine(), m.help.short(m.shortHelp())}, c.width, 2)...)
	return strings.Join(lines, "\n")
}

// tooSmallView says how big the terminal must be; a question asked
// before the terminal shrank stays on screen, with its keys.
func (m *Model) tooSmallView() string {
	c := m.c
	msg := c.loc.T("ui.tui.too_small", "Width", c.width, "Height", c.height, "MinWidth", minWidth, "MinHeight", minHeight)
	lines := strings.Split(lipgloss.NewStyle().Width(max(1, c.width)).Render(msg), "\n")
	if m.prompt.active() {
		lines = append(lines, "", m.prompt.view(), m.help.short(m.prompt.keys()))
	}
	return strings.Join(fitLines(lines, c.width, c.height), "\n")
}

// rightPane is the detail or the form, as exactly bodyHeight lines.
func (m *Model) rightPane() []string {
	w, h := m.c.detailWidth(), m.c.bodyHeight()
	if m.form.isOpen() {
		return m.form.view(w, h)
	}
	return m.detail.view(w, h)
}

func (m *Model) statusLine() string {
	c := m.c
	s := m.prompt.view()
	if s == "" {
		switch {
		case c.message != "":
			s = c.message
		case c.opts.ReadOnly != "":
			s = c.st.Warn.Render(c.loc.T("ui.tui.read_only", "Reason", c.opts.ReadOnly))
		case m.save.conflict:
			s = c.st.Warn.Render(c.loc.T("ui.tui.conflict_later"))
		case m.save.err != nil:
			s = c.st.Problem.Render(c.loc.T("ui.tui.save_failed", "Error", errorText(c.loc, m.save.err), "Key", c.keys.Retry.Help().Key))
		case m.save.saving || c.file.Dirty():
			s = c.st.Dim.Render(c.loc.T("ui.tui.saving"))
		case !m.save.savedAt.IsZero():
			s = c.st.Good.Render(c.loc.T("ui.tui.saved", "Time", m.save.savedAt.Format("15:04:05")))
		case !c.file.Exists:
			s = c.st.Dim.Render(c.loc.T("ui.tui.new_file"))
		default:
			if n := len(c.file.Problems); n > 0 {
				s = c.st.Warn.Render(c.loc.T("ui.tui.problems", "Count", n))
			} else {
				s = c.st.Dim.Render(c.loc.T("ui.tui.ready"))
			}
		}
	}
	return s // View fits it to the width
}
