package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// helpModel is the help line at the bottom, which names the keys of what
// has them now (the list, the detail, the search, the form, a prompt), and
// the full help (?), which scrolls when the screen is short.
type helpModel struct {
	c      *common
	h      help.Model
	open   bool
	offset int
	// laid is the full help laid out for laidFor (the width and the
	// language): each key scrolls and draws it, and it changes only with them.
	laid    []string
	laidFor struct {
		width int
		loc   *i18n.Locale
	}
}

func newHelp(c *common) helpModel { return helpModel{c: c, h: help.New()} }

func (h *helpModel) resize() {
	h.h.Width = h.c.width
	if h.open { // laying the full help out costs; only when it shows
		h.offset = min(h.offset, max(0, len(h.lines())-h.c.bodyHeight()))
	}
}

// key handles a key while the full help is open: arrows scroll, any other
// key closes it.
func (h *helpModel) key(msg tea.KeyMsg) {
	k := h.c.keys
	switch {
	case key.Matches(msg, k.Up), msg.String() == "up":
		h.scroll(-1)
	case key.Matches(msg, k.Down), msg.String() == "down":
		h.scroll(1)
	case key.Matches(msg, k.PageUp):
		h.scroll(-h.c.bodyHeight())
	case key.Matches(msg, k.PageDown):
		h.scroll(h.c.bodyHeight())
	default:
		h.open = false
	}
}

func (h *helpModel) scroll(n int) {
	h.offset = max(0, min(h.offset+n, len(h.lines())-h.c.bodyHeight()))
}

// short is the help line for the given keys, as many as fit: the most
// useful come first.
func (h *helpModel) short(bindings []key.Binding) string {
	return h.h.ShortHelpView(bindings)
}

// view is the full help, exactly h lines, with a last line saying when
// there is more below.
func (h *helpModel) view(w, height int) []string {
	lines := h.lines()
	end := min(len(lines), h.offset+height)
	shown := lines[h.offset:end]
	if end < len(lines) && height > 1 {
		shown = append(shown[:height-1:height-1], h.c.st.Dim.Render(h.c.loc.T("ui.tui.help_more", "Lines", len(lines)-end+1)))
	}
	return fitLines(shown, w, height)
}

// lines lays the help's columns side by side as far as the width allows,
// and the rest below, so that a narrow terminal shows every key.
func (h *helpModel) lines() []string {
	if h.laid != nil && h.laidFor.width == h.c.width && h.laidFor.loc == h.c.loc {
		return h.laid
	}
	var out, row []string
	rowWidth := 0
	flush := func() {
		if len(row) > 0 {
			out = append(out, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
			out = append(out, "")
		}
		row, rowWidth = nil, 0
	}
	for _, group := range h.c.keys.FullHelp() {
		col := h.h.FullHelpView([][]key.Binding{group}) + "   "
		w := lipgloss.Width(col)
		if rowWidth > 0 && rowWidth+w > h.c.width {
			flush()
		}
		row = append(row, col)
		rowWidth += w
	}
	flush()
	h.laid = out[:max(0, len(out)-1)]
	h.laidFor.width, h.laidFor.loc = h.c.width, h.c.loc
	return h.laid
}

// shortHelp is the help line's keys for what has the keys now, most
// useful first: the full help and the way out, and on a narrow screen the
// key to reach the detail before them, since the rest may not fit.
func (m *Model) shortHelp() []key.Binding {
	k := m.c.keys
	switch {
	case m.prompt.active():
		return m.prompt.keys()
	case m.c.tooSmall():
		return []key.Binding{k.Quit}
	case m.form.isOpen():
		return append(m.form.keyBinds(), k.FormCancel, k.FormQuit)
	case m.list.searching:
		return []key.Binding{k.SearchKeep, k.SearchClear}
	case m.help.open:
		return []key.Binding{k.HelpScroll, k.HelpClose}
	}
	answer := []key.Binding{k.Met, k.Unmet, k.NA, k.Edit, k.Undo}
	if m.save.err != nil {
		answer = append([]key.Binding{k.Retry}, answer...)
	}
	if _, ok := m.list.currentUnknown(); ok {
		answer = []key.Binding{k.Remove, k.Undo}
	}
	out := []key.Binding{k.Help, k.Quit}
	switch {
	case m.c.wide():
		out = append(append(out, answer...), k.NextOpen, k.NextLevel, k.Filter, k.Open)
	case m.detail.open:
		out = append(append([]key.Binding{k.Back, k.Help, k.Quit, k.DetailDown}, answer...), k.Open)
	default:
		out = append(append([]key.Binding{k.Detail, k.Help, k.Quit}, answer...), k.NextOpen, k.NextLevel, k.Filter)
	}
	return out
}
