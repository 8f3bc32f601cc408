package tui

import tea "github.com/charmbracelet/bubbletea"

// wheelStep is how many lines one notch of the wheel scrolls.
const wheelStep = 3

// mouse handles the wheel (scrolls the list, the detail or the full help,
// whichever is under the pointer) and a click (selects a row of the list).
// The walk starts with the mouse on unless --no-mouse is given; holding
// shift still selects text in most terminals.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	c := m.c
	if c.width == 0 || c.tooSmall() || m.prompt.active() || m.form.isOpen() || msg.Action != tea.MouseActionPress {
		return nil
	}
	delta := 0
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		delta = -wheelStep
	case tea.MouseButtonWheelDown:
		delta = wheelStep
	case tea.MouseButtonLeft:
	default:
		return nil
	}
	y := msg.Y - c.headerHeight()
	if y < 0 || y >= c.bodyHeight() {
		return nil
	}
	if m.help.open {
		m.help.scroll(delta)
		return nil
	}
	inList := !m.detail.open && (!c.wide() || msg.X < c.listWidth()+1)
	switch {
	case inList && delta != 0:
		if m.list.scroll(delta) {
			m.showCurrent()
		}
	case inList:
		if m.list.click(y) {
			m.showCurrent()
		}
	case delta != 0:
		m.detail.scroll(delta)
	}
	return nil
}
