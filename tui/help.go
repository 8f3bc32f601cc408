package tui

import (
	"cmp"
	"slices"
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
		taken string // the keys a question takes, which the rest shows without
	}
	// The keys of the question up while the full help is open: they come
	// first, and the walk's keys are shown without those they take.
	questionKeys []key.Binding
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

// wrapped is the help line for keys that must all show (a question's
// answers), on as many lines as they take.
func (h *helpModel) wrapped(bindings []key.Binding, w int) []string {
	return wrapKeys(h.h, bindings, w)
}

// wrapKeys lays bindings out as help lines of at most w cells, none cut.
func wrapKeys(hm help.Model, bindings []key.Binding, w int) []string {
	hm.Width = 0 // nothing cut: the lines are made to fit here
	var lines []string
	var line []key.Binding
	for _, b := range bindings {
		if len(line) > 0 && lipgloss.Width(hm.ShortHelpView(append(line, b))) > w {
			lines = append(lines, hm.ShortHelpView(line))
			line = nil
		}
		line = append(line, b)
	}
	return append(lines, hm.ShortHelpView(line))
}

// ask shows a question's keys first in the full help (none: no question).
func (h *helpModel) ask(keys []key.Binding) { h.questionKeys = keys }

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

// lines is the full help: a question's keys first, when one is up, then
// every key of the walk.
func (h *helpModel) lines() []string {
	if len(h.questionKeys) == 0 {
		return h.walkLines(nil)
	}
	taken := map[string]bool{}
	for _, b := range h.questionKeys {
		for _, k := range b.Keys() {
			taken[k] = true
		}
	}
	// The question itself is on the status line, below.
	out := strings.Split(h.h.FullHelpView([][]key.Binding{h.questionKeys}), "\n")
	return append(append(out, ""), h.walkLines(taken)...)
}

// walkLines lays the walk's keys out in columns side by side as far as
// the width allows, and the rest below, so that a narrow terminal shows
// every key. Keys a question takes are left out.
func (h *helpModel) walkLines(taken map[string]bool) []string {
	var takenKey []string
	for k := range taken {
		takenKey = append(takenKey, k)
	}
	slices.Sort(takenKey)
	takenFor := strings.Join(takenKey, " ")
	if h.laid != nil && h.laidFor.width == h.c.width && h.laidFor.loc == h.c.loc && h.laidFor.taken == takenFor {
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
		group = withoutKeys(h.c.loc, group, taken)
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
	h.laidFor.width, h.laidFor.loc, h.laidFor.taken = h.c.width, h.c.loc, takenFor
	return h.laid
}

// withoutKeys is bindings without the keys taken: "↑/k up" is "↑ up"
// while k answers a question; a binding left with no key is left out.
func withoutKeys(loc *i18n.Locale, bindings []key.Binding, taken map[string]bool) []key.Binding {
	if len(taken) == 0 {
		return bindings
	}
	out := make([]key.Binding, 0, len(bindings))
	for _, b := range bindings {
		var left []string
		for _, k := range b.Keys() {
			if !taken[k] {
				left = append(left, k)
			}
		}
		switch {
		case len(left) == len(b.Keys()):
			out = append(out, b)
		case len(left) > 0:
			out = append(out, key.NewBinding(key.WithKeys(left...), key.WithHelp(keyLabel(loc, keysShown(left)), b.Help().Desc)))
		}
	}
	return out
}

// keysShown names keys as the help shows them: arrows as arrows.
func keysShown(keys []string) string {
	arrows := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→"}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = cmp.Or(arrows[k], k)
	}
	return strings.Join(names, "/")
}

// shortHelp is the help line's keys for what has the keys now, most
// useful first: the full help and the way out, and on a narrow screen the
// key to reach the detail before them, since the rest may not fit.
func (m *Model) shortHelp() []key.Binding {
	k := m.c.keys
	switch {
	case m.asking():
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
