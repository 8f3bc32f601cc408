package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// listModel is the criteria list: its rows, the cursor, the scroll offset,
// the search and the filter. It owns the moving and searching keys.
type listModel struct {
	c       *common
	cursors map[string]string // level -> id under the cursor
	rows    []row
	cursor  int // index in rows, always a selectable row when there is one
	offset  int // first row shown

	search    textinput.Model
	searching bool // the search field has the keys
	mode      filterMode
}

func newList(c *common) listModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.CharLimit = 80
	return listModel{c: c, cursors: map[string]string{}, search: ti}
}

// rebuild refreshes the rows, keeping the cursor on the same criterion.
func (l *listModel) rebuild() {
	c := l.c
	keepID, was := l.cursors[c.level], l.cursor
	l.rows = buildRows(rowSource{
		ls:       c.levelScore(),
		title:    func(e *criteria.Entry) string { return c.loc.CriterionTitle(e.Level, e.ID) },
		section:  func(major, minor string) string { return c.loc.Section(major) + " / " + c.loc.Section(minor) },
		category: func(k criteria.Category) string { return c.loc.T("ui.category." + string(k)) },
		unknown:  c.unknown,
		unknownH: c.loc.T("ui.tui.unknown.heading"),
		query:    l.search.Value(),
		mode:     l.mode,
	})
	l.cursor = -1
	for i, r := range l.rows {
		if r.selectable() && l.rowID(r) == keepID {
			l.cursor = i
			break
		}
	}
	if l.cursor < 0 { // the row left the list (answered under a filter): stay near its place
		at := 0
		if keepID != "" {
			at = max(0, min(was, len(l.rows)-1))
		}
		if l.cursor = l.nearest(at, 1); l.cursor < 0 {
			l.cursor = l.nearest(at, -1)
		}
	}
	l.remember()
	l.clampOffset()
}

// rowID is the id a row stands for ("" for a heading).
func (l *listModel) rowID(r row) string {
	switch r.kind {
	case rowEntry:
		return l.c.levelScore().Entries[r.entry].Entry.ID
	case rowUnknown:
		return r.id
	}
	return ""
}

func (l *listModel) remember() {
	if l.cursor >= 0 && l.cursor < len(l.rows) {
		l.cursors[l.c.level] = l.rowID(l.rows[l.cursor])
	}
}

// nearest finds a selectable row from i going in direction dir.
func (l *listModel) nearest(i, dir int) int {
	for ; i >= 0 && i < len(l.rows); i += dir {
		if l.rows[i].selectable() {
			return i
		}
	}
	return -1
}

// current is the entry under the cursor.
func (l *listModel) current() (model.EntryScore, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) || l.rows[l.cursor].kind != rowEntry {
		return model.EntryScore{}, false
	}
	return l.c.levelScore().Entries[l.rows[l.cursor].entry], true
}

// currentUnknown is the unknown id under the cursor.
func (l *listModel) currentUnknown() (string, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) || l.rows[l.cursor].kind != rowUnknown {
		return "", false
	}
	return l.rows[l.cursor].id, true
}

// selectID puts the cursor on id when the list shows it.
func (l *listModel) selectID(id string) bool {
	for i, r := range l.rows {
		if r.selectable() && l.rowID(r) == id {
			l.cursor = i
			l.remember()
			l.clampOffset()
			return true
		}
	}
	return false
}

// key handles the list's own keys; moved reports a new current criterion.
func (l *listModel) key(msg tea.KeyMsg) (handled, moved bool, cmd tea.Cmd) {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.Up):
		return true, l.move(-1), nil
	case key.Matches(msg, k.Down):
		return true, l.move(1), nil
	case key.Matches(msg, k.PageUp):
		return true, l.move(-l.c.listHeight()), nil
	case key.Matches(msg, k.PageDown):
		return true, l.move(l.c.listHeight()), nil
	case key.Matches(msg, k.Top):
		return true, l.move(-len(l.rows)), nil
	case key.Matches(msg, k.Bottom):
		return true, l.move(len(l.rows)), nil
	case key.Matches(msg, k.NextOpen):
		return true, l.jumpOpen(1), nil
	case key.Matches(msg, k.PrevOpen):
		return true, l.jumpOpen(-1), nil
	case key.Matches(msg, k.Filter):
		// A new search each time: the one kept is replaced, not extended.
		l.search.SetValue("")
		l.searching = true
		l.rebuild()
		return true, true, l.search.Focus()
	case key.Matches(msg, k.FilterMode):
		l.mode = (l.mode + 1) % filterModes
		l.rebuild()
		return true, true, nil
	}
	return false, false, nil
}

// searchKey handles a key while the search field is focused.
func (l *listModel) searchKey(msg tea.KeyMsg) tea.Cmd {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.SearchKeep):
		l.searching = false
		l.search.Blur()
		return nil
	case key.Matches(msg, k.SearchClear):
		l.searching = false
		l.search.Blur()
		l.search.SetValue("")
		l.rebuild()
		return nil
	}
	var cmd tea.Cmd
	l.search, cmd = l.search.Update(msg)
	l.rebuild()
	return cmd
}

// clearFilters drops the search and the filter.
func (l *listModel) clearFilters() {
	l.search.SetValue("")
	l.mode = showAll
	l.rebuild()
}

func (l *listModel) move(delta int) bool {
	if len(l.rows) == 0 {
		return false
	}
	target := max(0, min(len(l.rows)-1, l.cursor+delta))
	dir := 1
	if delta < 0 {
		dir = -1
	}
	next := l.nearest(target, dir)
	if next < 0 {
		next = l.nearest(target, -dir)
	}
	if next < 0 || next == l.cursor {
		return false
	}
	l.cursor = next
	l.remember()
	l.clampOffset()
	return true
}

// jumpOpen moves to the next entry that still needs an answer, wrapping.
func (l *listModel) jumpOpen(dir int) bool {
	ls := l.c.levelScore()
	n := len(l.rows)
	for step := 1; step <= n; step++ {
		i := ((l.cursor+dir*step)%n + n) % n
		if r := l.rows[i]; r.kind == rowEntry && needsAnswer(ls.Entries[r.entry]) {
			l.cursor = i
			l.remember()
			l.clampOffset()
			return true
		}
	}
	l.c.message = l.c.loc.T("ui.tui.nothing_open", "Level", i18n.Level(l.c.level))
	return false
}

// scroll moves the view by n rows (the mouse wheel), taking the cursor
// along only when it would leave the screen.
func (l *listModel) scroll(n int) bool {
	h := l.c.listHeight()
	l.offset = max(0, min(l.offset+n, len(l.rows)-h))
	before := l.cursor
	switch {
	case l.cursor < l.offset:
		l.cursor = l.nearest(l.offset, 1)
	case l.cursor >= l.offset+h:
		l.cursor = l.nearest(l.offset+h-1, -1)
	}
	if l.cursor != before {
		l.remember()
		return true
	}
	return false
}

// click selects the row on screen line y of the list (0 is its heading).
func (l *listModel) click(y int) bool {
	i := l.offset + y - 1
	if y < 1 || i >= len(l.rows) || !l.rows[i].selectable() || i == l.cursor {
		return false
	}
	l.cursor = i
	l.remember()
	return true
}

func (l *listModel) clampOffset() {
	h := l.c.listHeight()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, len(l.rows)-h))
	// Show the section heading just above when there is room for it: the
	// first one at launch, and the cursor's when scrolling up.
	if l.offset > 0 && l.rows[l.offset-1].kind == rowHeading && l.cursor < l.offset-1+h {
		l.offset--
	}
}

// view draws the list heading and the visible rows.
func (l *listModel) view(width int) []string {
	c := l.c
	ls := c.levelScore()
	lines := make([]string, 0, c.listHeight()+1)
	heading := c.loc.CountOf(c.levelName(c.level), len(ls.Entries))
	if l.mode != showAll {
		heading += " · " + c.loc.T("ui.tui.filter."+l.mode.key())
	}
	if l.searching || l.search.Value() != "" {
		heading += " " + l.search.View()
	}
	lines = append(lines, c.st.Title.Render(ansi.Truncate(heading, width, "…")))
	if len(l.rows) == 0 {
		return append(lines, c.st.Dim.Render(c.loc.T("ui.tui.empty_list")))
	}
	end := min(len(l.rows), l.offset+c.listHeight())
	for i := l.offset; i < end; i++ {
		switch r := l.rows[i]; r.kind {
		case rowHeading:
			lines = append(lines, c.st.Section.Render(ansi.Truncate(r.heading, width, "…")))
		case rowEntry:
			es := ls.Entries[r.entry]
			mark := model.StatusMark(es)
			if _, ok := c.proposal(es); ok {
				mark = "+"
			}
			title := c.loc.CriterionTitle(es.Entry.Level, es.Entry.ID)
			lines = append(lines, l.row(mark, es.Result.Satisfied(), c.loc.T("ui.category."+string(es.Entry.Category)), title, i == l.cursor, width))
		case rowUnknown:
			lines = append(lines, l.row("!", false, "?", safetext.Line(r.id), i == l.cursor, width))
		}
	}
	return lines
}

// The keyword column fits the language's longest keyword (SUGGESTED in
// English), but a long one is cut rather than taking the titles' room.
const (
	minKeywordWidth = 9
	maxKeywordWidth = 14
)

func (l *listModel) row(mark string, counts bool, keyword, title string, selected bool, width int) string {
	st := l.c.st
	cursor := "  "
	if selected {
		cursor = "› "
	}
	styled := mark
	switch {
	case mark == "!":
		styled = st.Problem.Render(mark)
	case counts:
		styled = st.Good.Render(mark)
	case mark == "+":
		styled = st.Warn.Render(mark)
	}
	kw := textwidth.Fit(keyword, l.c.kwWidth)
	room := max(1, width-2-2-l.c.kwWidth-1)
	line := cursor + styled + " " + st.Keyword.Render(kw) + " " + ansi.Truncate(title, room, "…")
	if selected {
		pad := max(0, width-ansi.StringWidth(line))
		return st.Selected.Render(ansi.Strip(line) + strings.Repeat(" ", pad))
	}
	return line
}
