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
	lines = append(lines, m.bottom...)
	return strings.Join(lines, "\n")
}

// minBody is the fewest lines a long status text leaves the body: it
// wraps to more lines rather than being cut, up to that.
const minBody = 5

// layoutBottom lays out the status and help lines for the state an Update
// left (View draws them as they are): the status text on as many lines as
// it needs (a question, or a message saying why a save failed, must not be
// cut), and a question's keys on two lines when they do not fit on one
// (every answer must show). The body gives up the lines they take; an
// ordinary message takes one, so the layout does not jump.
func (m *Model) layoutBottom() {
	c := m.c
	if c.width == 0 || c.tooSmall() {
		return
	}
	m.help.ask(nil)
	if m.help.open && m.asking() {
		m.help.ask(m.prompt.keys())
	}
	var help []string
	if m.asking() {
		help = m.help.wrapped(m.prompt.keys(), c.width)
	} else {
		help = []string{m.help.short(m.shortHelp())}
	}
	text, style, ordinary := m.status()
	room := max(1, c.height-c.headerHeight()-len(help)-minBody)
	if ordinary {
		room = 1 // cut, rather than move the layout
	}
	lines := append(wrapStyled(text, style, c.width, room), help...)
	m.bottom = fitLines(lines, c.width, len(lines))
	if len(lines) != c.bottomHeight {
		c.bottomHeight = len(lines)
		m.detail.resize()
		m.help.resize()
		m.list.clampOffset()
	}
}

// wrapStyled is text in style, wrapped to w cells on at most n lines (the
// last one cut when even they are not enough).
func wrapStyled(text string, style lipgloss.Style, w, n int) []string {
	lines := []string{text}
	if textwidth.Width(text) > w {
		lines = textwidth.Wrap(text, w)
	}
	if len(lines) > n {
		lines[n-1] += " " + strings.Join(lines[n:], " ")
		lines = lines[:n]
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// tooSmallView says how big the terminal must be; a question asked
// before the terminal shrank stays on screen, with its keys.
func (m *Model) tooSmallView() string {
	c := m.c
	msg := c.loc.T("ui.tui.too_small", "Width", c.width, "Height", c.height, "MinWidth", minWidth, "MinHeight", minHeight)
	lines := strings.Split(lipgloss.NewStyle().Width(max(1, c.width)).Render(msg), "\n")
	if m.prompt.active() {
		lines = append(lines, "")
		lines = append(lines, wrapStyled(m.prompt.text(), c.st.Banner, max(1, c.width), c.height)...)
		lines = append(lines, m.help.wrapped(m.prompt.keys(), c.width)...)
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

// status is the status line's text and its style: the question asked,
// else the last key's effect, else the state of the file. ordinary is
// the state of things as usual (ready, saving, saved), a line a narrow
// screen may cut; the rest must show whole.
func (m *Model) status() (text string, style lipgloss.Style, ordinary bool) {
	c := m.c
	switch {
	case m.asking():
		return m.prompt.text(), c.st.Banner, false
	case m.prompt.active(): // the question about the file waits for the field to close
		return c.loc.T("ui.tui.prompt.waiting"), c.st.Warn, false
	case c.message != "":
		return c.message, lipgloss.NewStyle(), false
	case c.opts.ReadOnly != "":
		return c.loc.T("ui.tui.read_only", "Reason", c.opts.ReadOnly), c.st.Warn, false
	case m.save.conflict:
		return c.loc.T("ui.tui.conflict_later"), c.st.Warn, false
	case m.save.err != nil:
		return c.loc.T("ui.tui.save_failed", "Error", fileErrorText(c.loc, m.save.err, c.file.Path), "Key", c.keys.Retry.Help().Key), c.st.Problem, false
	case m.save.saving || c.file.Dirty():
		return c.loc.T("ui.tui.saving"), c.st.Dim, true
	case !m.save.savedAt.IsZero():
		return c.loc.T("ui.tui.saved", "Time", m.save.savedAt.Format("15:04:05")), c.st.Good, true
	case !c.file.Exists:
		return c.loc.T("ui.tui.new_file"), c.st.Dim, true
	case len(c.file.Problems) > 0:
		return c.loc.T("ui.tui.problems", "Count", len(c.file.Problems)), c.st.Warn, false
	}
	return c.loc.T("ui.tui.ready"), c.st.Dim, true
}
