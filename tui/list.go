package tui

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
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
	cursor  int // index in rows, always an entry row when there is one
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
	keepID := l.cursors[c.level]
	ls := c.levelScore()
	l.rows = buildRows(ls, func(e *criteria.Entry) string { return c.loc.Criterion(e.Level, e.ID).Title }, l.search.Value(), l.mode, c.proposals)
	l.cursor = -1
	for i, r := range l.rows {
		if r.entry >= 0 && ls.Entries[r.entry].Entry.ID == keepID {
			l.cursor = i
			break
		}
	}
	if l.cursor < 0 {
		l.cursor = l.nearestEntry(0, 1)
	}
	l.remember()
	l.clampOffset()
}

func (l *listModel) remember() {
	if es, ok := l.current(); ok {
		l.cursors[l.c.level] = es.Entry.ID
	}
}

// nearestEntry finds an entry row from i going in direction dir.
func (l *listModel) nearestEntry(i, dir int) int {
	for ; i >= 0 && i < len(l.rows); i += dir {
		if l.rows[i].entry >= 0 {
			return i
		}
	}
	return -1
}

// current is the entry under the cursor.
func (l *listModel) current() (model.EntryScore, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) || l.rows[l.cursor].entry < 0 {
		return model.EntryScore{}, false
	}
	return l.c.levelScore().Entries[l.rows[l.cursor].entry], true
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
		l.searching = true
		return true, false, l.search.Focus()
	case key.Matches(msg, k.FilterMode):
		l.mode = (l.mode + 1) % filterModes
		l.rebuild()
		return true, true, nil
	}
	return false, false, nil
}

// searchKey handles a key while the search field is focused.
func (l *listModel) searchKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "enter", "down", "up":
		l.searching = false
		l.search.Blur()
		return nil
	case "esc":
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
	next := l.nearestEntry(target, dir)
	if next < 0 {
		next = l.nearestEntry(target, -dir)
	}
	if next < 0 {
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
		if r := l.rows[i]; r.entry >= 0 && needsAnswer(ls.Entries[r.entry]) {
			l.cursor = i
			l.remember()
			l.clampOffset()
			return true
		}
	}
	l.c.message = l.c.loc.T("ui.tui.nothing_open", "Level", l.c.levelName(l.c.level))
	return false
}

func (l *listModel) clampOffset() {
	h := l.c.listHeight()
	if l.cursor < l.offset {
		l.offset = l.cursor
		// Show the section heading above the first entry when scrolling up.
		if l.offset > 0 && l.rows[l.offset-1].entry < 0 {
			l.offset--
		}
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, len(l.rows)-h))
	if l.offset < 0 {
		l.offset = 0
	}
}

// view draws the list heading and the visible rows.
func (l *listModel) view(width int) []string {
	c := l.c
	ls := c.levelScore()
	lines := make([]string, 0, c.listHeight()+1)
	heading := fmt.Sprintf("%s (%d)", c.levelName(c.level), len(ls.Entries))
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
		r := l.rows[i]
		if r.entry < 0 {
			parts := strings.SplitN(r.section, " / ", 2)
			lines = append(lines, c.st.Section.Render(ansi.Truncate(c.loc.Section(parts[0])+" / "+c.loc.Section(parts[1]), width, "…")))
			continue
		}
		lines = append(lines, l.entryRow(ls.Entries[r.entry], i == l.cursor, width))
	}
	return lines
}

// keywordWidth fits the longest keyword, SUGGESTED.
const keywordWidth = 9

func (l *listModel) entryRow(es model.EntryScore, selected bool, width int) string {
	c := l.c
	cursor := "  "
	if selected {
		cursor = "› "
	}
	mark := model.StatusMark(es)
	if _, ok := c.proposal(es); ok {
		mark = "+"
	}
	styled := mark
	switch {
	case mark == "!":
		styled = c.st.Problem.Render(mark)
	case es.Result.Satisfied():
		styled = c.st.Good.Render(mark)
	case mark == "+":
		styled = c.st.Warn.Render(mark)
	}
	kw := fmt.Sprintf("%-*s", keywordWidth, c.loc.T("ui.category."+string(es.Entry.Category)))
	title := c.loc.Criterion(es.Entry.Level, es.Entry.ID).Title
	room := max(1, width-2-2-keywordWidth-1)
	title = ansi.Truncate(title, room, "…")
	line := cursor + styled + " " + c.st.Keyword.Render(kw) + " " + title
	if selected {
		pad := max(0, width-ansi.StringWidth(line))
		return c.st.Selected.Render(ansi.Strip(line) + strings.Repeat(" ", pad))
	}
	return line
}
