package tui

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// sideBySide is the narrowest terminal that shows the two answers side by
// side; below it they are stacked, yours first.
const sideBySide = 80

// View draws the review: what is imported, the conflict shown, both
// answers, the status line and the keys. Every line fits the terminal.
func (r *reviewModel) View() string {
	if r.width == 0 {
		return ""
	}
	if r.tooSmall() {
		return r.tooSmallView()
	}
	lines := r.headerLines()
	if r.fullHelp { // the keys take the conflict's place, its heading too
		lines = lines[:1]
	}
	bottom := r.bottomLines()
	bh := max(1, r.height-len(lines)-len(bottom))
	if r.fullHelp {
		lines = append(lines, fitLines(r.fullHelpLines(bh), r.width, bh)...)
	} else {
		lines = append(lines, r.bodyView(bh)...)
	}
	lines = append(lines, bottom...)
	return strings.Join(fitLines(lines, r.width, r.height), "\n")
}

// bottomLines are the status line and the keys. A question or a message
// wraps rather than being cut, and a question's keys all show, on two
// lines when one is not enough; the tally of choices keeps to one line.
func (r *reviewModel) bottomLines() []string {
	text, style, ordinary := r.status()
	help := []string{r.help.ShortHelpView(r.shortHelp())}
	if r.ask != askNothing {
		help = wrapKeys(r.help, r.shortHelp(), r.width)
	}
	room := 1
	if !ordinary && textwidth.Width(text) > r.width {
		room = max(1, r.height-len(r.headerLines())-len(help)-minBody)
	}
	return append(wrapStyled(text, style, max(1, r.width), room), help...)
}

// tooSmallView says how big the terminal must be, with a question asked
// before it shrank.
func (r *reviewModel) tooSmallView() string {
	msg := r.loc.T("ui.tui.review.too_small", "Width", r.width, "Height", r.height, "MinWidth", minWidth, "MinHeight", minHeight)
	lines := strings.Split(lipgloss.NewStyle().Width(max(1, r.width)).Render(msg), "\n")
	if r.ask != askNothing {
		lines = append(append(lines, ""), r.bottomLines()...)
	}
	return strings.Join(fitLines(lines, r.width, r.height), "\n")
}

// compact: a short terminal gets one line for the project's fields.
func (r *reviewModel) compact() bool { return r.height < 24 }

// headerLines: the file imported and the counts, the project's fields that
// differ, whose entry it is, then the conflict shown and why its side is
// preselected.
func (r *reviewModel) headerLines() []string {
	loc, st, m := r.loc, r.st, r.m
	lines := []string{
		st.Title.Render(loc.T("ui.tui.review.title", "File", r.source)),
		st.Dim.Render(loc.T("ui.tui.review.counts", "Conflicts", len(m.Conflicts), "Added", len(m.Added), "Same", len(m.Same))),
	}
	if len(m.ProjectConflict) > 0 && r.compact() { // one line for them all
		var names []string
		for _, f := range m.ProjectConflict {
			names = append(names, f.Field)
		}
		lines = append(lines, loc.T("ui.tui.review.project_fields", "Fields", strings.Join(names, ", "))+" · "+r.projectKept())
	} else {
		lines = append(lines, r.projectLines()...)
	}
	if m.Foreign != "" {
		lines = append(lines, st.Warn.Render(loc.T("ui.tui.review.foreign", "File", r.source, "URL", safetext.Value(m.Foreign))))
	}
	if len(m.Conflicts) == 0 {
		return lines
	}
	c := m.Conflicts[r.cur]
	pos, where, title := r.describe(c)
	if !r.compact() { // blank lines are a luxury of tall terminals
		lines = append(lines, "")
	}
	lines = append(lines, st.Section.Render(pos)+st.Dim.Render(where))
	titles := textwidth.Wrap(title, r.width)
	if len(titles) > 2 { // two lines at most: the answers need the room
		titles = []string{titles[0], textwidth.Truncate(strings.Join(titles[1:], " "), r.width)}
	}
	for _, t := range titles {
		lines = append(lines, st.Title.Render(t))
	}
	lines = append(lines, st.Dim.Render(r.why(c)))
	if !r.compact() {
		lines = append(lines, "")
	}
	return lines
}

// describe names the conflict shown: its place among the conflicts and
// its id, its keyword and level, and its title in the user's language.
func (r *reviewModel) describe(c *site.Conflict) (pos, where, title string) {
	pos = fmt.Sprintf("%d/%d · %s", r.cur+1, len(r.m.Conflicts), safetext.Line(c.ID))
	title = safetext.Line(c.ID)
	if es := r.cat.EntriesFor(c.ID); len(es) > 0 {
		e := es[0]
		title = r.loc.CriterionTitle(e.Level, e.ID)
		where = " · " + r.loc.T("ui.category."+string(e.Category)) + " · " + r.loc.Level(e.Level)
	}
	return pos, where, title
}

// projectKept says which side of the project's differing fields is kept:
// they follow the keys for all (T), as --prefer does.
func (r *reviewModel) projectKept() string {
	if r.m.ProjectReplaced() {
		return r.loc.T("ui.tui.review.project_taken")
	}
	return r.loc.T("ui.tui.review.project_kept", "Key", r.keys.AllTheirs.Help().Key)
}

// projectLines are the project's fields that differ, one line each, and
// which side is kept.
func (r *reviewModel) projectLines() []string {
	var lines []string
	for _, f := range r.m.ProjectConflict {
		lines = append(lines, r.loc.T("ui.tui.review.project_field", "Field", f.Field, "Ours", safetext.Line(f.Old), "Theirs", safetext.Line(f.New))+" · "+r.projectKept())
	}
	return lines
}

// why says why the side kept is kept.
func (r *reviewModel) why(c *site.Conflict) string {
	side := "ours"
	if c.Take == site.Theirs {
		side = "theirs"
	}
	switch c.Why {
	case site.ByDefault:
		return r.loc.T("ui.tui.review.why.default")
	case site.ByMachine:
		return r.loc.T("ui.tui.review.why.machine_" + side)
	}
	return r.loc.T("ui.tui.review.why.chosen_" + side)
}

// bodyHeight is what the header and the bottom lines leave.
func (r *reviewModel) bodyHeight() int {
	bottom := 2 // as a rule: laid out only when a question or a long message may take more
	if text, _, ordinary := r.status(); r.ask != askNothing || !ordinary && textwidth.Width(text) > r.width {
		bottom = len(r.bottomLines())
	}
	return max(1, r.height-len(r.headerLines())-bottom)
}

// bodyView is the conflict's answers from the scroll offset, exactly h
// lines; the last says when there is more below.
func (r *reviewModel) bodyView(h int) []string {
	lines := r.bodyLines()
	top := max(0, min(r.offset, len(lines)-1))
	end := min(len(lines), top+h)
	shown := lines[top:end]
	if end < len(lines) && h > 1 {
		more := r.st.Dim.Render(r.loc.T("ui.tui.detail.more", "Key", r.keys.Down.Help().Key, "Lines", len(lines)-end+1))
		shown = append(shown[:h-1:h-1], more)
	}
	return fitLines(shown, r.width, h)
}

func (r *reviewModel) maxOffset() int {
	if r.width == 0 || r.tooSmall() {
		return 0
	}
	return max(0, len(r.bodyLines())-r.bodyHeight())
}

// wrapKey is a justification laid out: a conflict's side, at a width.
type wrapKey struct {
	cur   int
	side  site.Side
	width int
}

// wrapped is a justification wrapped to w cells. Wrapping two long
// justifications is most of a keystroke's cost: each is wrapped once per
// width, then kept while the review lasts.
func (r *reviewModel) wrapped(side site.Side, text string, w int) []string {
	k := wrapKey{r.cur, side, w}
	if lines, ok := r.wraps[k]; ok {
		return lines
	}
	lines := wrapCells(text, w)
	r.wraps[k] = lines
	return lines
}

// bodyLines are the two answers of the conflict shown: side by side from
// sideBySide columns, else yours above the file's. A URL is never cut at
// a column's edge: a conflict whose justification holds one wider than
// its column is stacked, where it has the whole width (wholeLines).
func (r *reviewModel) bodyLines() []string {
	if len(r.m.Conflicts) == 0 {
		return nil
	}
	c := r.m.Conflicts[r.cur]
	ours := func(w int) []string {
		return r.side(site.Ours, r.loc.T("ui.tui.review.ours"), c.Old, c.OursMachine, c.Take == site.Ours, w)
	}
	theirs := func(w int) []string {
		return r.side(site.Theirs, r.loc.T("ui.tui.review.theirs", "File", r.source), c.New, c.TheirsMachine, c.Take == site.Theirs, w)
	}
	cw := (r.width - 3) / 2
	var left, right []string
	if r.width >= sideBySide {
		left, right = ours(cw), theirs(cw)
	}
	if r.width < sideBySide || textwidth.MaxWidth(left...) > cw || textwidth.MaxWidth(right...) > cw {
		return wholeLines(append(append(ours(r.width), ""), theirs(r.width)...), r.width)
	}
	sep := r.st.Dim.Render("│")
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		var l, rt string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			rt = right[i]
		}
		out[i] = textwidth.Fit(l, cw) + " " + sep + " " + textwidth.Fit(rt, cw)
	}
	return out
}

// side is one answer laid out w cells wide: its heading (marked when it is
// the one kept), its status in the user's language, a mark when it is
// still a machine's text, and the whole justification, cleaned.
func (r *reviewModel) side(which site.Side, label string, a model.Answer, machine, kept bool, w int) []string {
	st, loc := r.st, r.loc
	// The mark, and the word "kept", are never cut: the label gives way.
	head := "○ " + textwidth.Truncate(label, w-2)
	if kept {
		suffix := " · " + loc.T("ui.tui.review.kept")
		head = st.Selected.Render(textwidth.Truncate("● "+textwidth.Truncate(label, w-2-textwidth.Width(suffix))+suffix, w))
	}
	lines := []string{head, "  " + st.Title.Render(loc.T(a.Status.Key()))}
	if machine {
		for i, l := range wrapCells(loc.T("ui.tui.review.machine"), max(1, w-4)) {
			mark := "⚙ "
			if i > 0 {
				mark = "  "
			}
			lines = append(lines, "  "+st.Warn.Render(mark+l))
		}
	}
	j := strings.TrimSpace(safetext.Clean(a.Justification))
	if j == "" {
		return append(lines, "  "+st.Dim.Render(loc.T("ui.tui.review.no_justification")))
	}
	for _, l := range r.wrapped(which, j, max(1, w-4)) {
		lines = append(lines, "  │ "+l)
	}
	return lines
}

// status is the status line: the question asked, else the last key's
// effect, else how the choices stand (ordinary: one line is enough).
func (r *reviewModel) status() (text string, style lipgloss.Style, ordinary bool) {
	loc := r.loc
	switch r.ask {
	case askCancel:
		return loc.T("ui.tui.review.prompt.cancel"), r.st.Banner, false
	case askUnseen:
		return loc.T("ui.tui.review.prompt.unseen", "Count", r.unseen()), r.st.Banner, false
	}
	if r.message != "" {
		return r.message, lipgloss.NewStyle(), false
	}
	ours, theirs := 0, 0
	for _, c := range r.m.Conflicts {
		if c.Take == site.Theirs {
			theirs++
		} else {
			ours++
		}
	}
	return loc.T("ui.tui.review.tally", "Ours", ours, "Theirs", theirs, "Unseen", r.unseen()), r.st.Dim, true
}

// shortHelp is the help line's keys, the most useful first: the help line
// is cut at the terminal's width.
func (r *reviewModel) shortHelp() []key.Binding {
	k := r.keys
	switch {
	case r.ask == askCancel:
		return []key.Binding{k.CancelYes, k.Back}
	case r.ask == askUnseen:
		return []key.Binding{k.Yes, k.Back}
	case r.tooSmall():
		return []key.Binding{k.Cancel}
	case r.fullHelp:
		return []key.Binding{k.Close}
	}
	return []key.Binding{k.Ours, k.Theirs, k.Apply, k.Help, k.Cancel, k.Next, k.Prev, k.AllTheirs, k.AllOurs, k.Down, k.PageDown}
}

// fullHelpLines lists every key in h lines or fewer: in as many columns
// as fit side by side, else in as many as the height needs, each cut to
// its share of the width.
func (r *reviewModel) fullHelpLines(h int) []string {
	k := r.keys
	var items []string
	for _, b := range []key.Binding{k.Ours, k.Theirs, k.AllOurs, k.AllTheirs, k.Next, k.Prev, k.Down, k.PageDown, k.Apply, k.Cancel, k.Help} {
		items = append(items, r.st.Title.Render(b.Help().Key)+" "+r.st.Help.Render(b.Help().Desc))
	}
	colW := textwidth.MaxWidth(items...) + 3
	cols := max(1, min(len(items), r.width/colW))
	if need := (len(items) + h - 1) / h; need > cols {
		cols, colW = need, r.width/need
	}
	rows := (len(items) + cols - 1) / cols
	out := make([]string, rows)
	for i, it := range items {
		out[i%rows] += textwidth.Fit(it, colW)
	}
	return out
}
