package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/formtext"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secinsights"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// detailModel is the selected criterion's detail: its fixed texts
// (rendered Markdown, cached) and then its sections, one after the other.
// It owns its scroll state and the scrolling keys.
type detailModel struct {
	c        *common
	rend     *renderer
	sections []detailSection
	lines    []string
	// offset is the first line shown, within [0, total-height]: total
	// counts the text's lines with a last empty one after a final line
	// break, height the lines the pane shows.
	offset, total, height int
	shown                 string // the id shown: its scroll position is kept while it stays
	open                  bool   // narrow layout: the detail replaces the list
}

// detailSection is one part of the detail below the criterion's fixed
// texts, laid out for width columns. It returns "" when it has nothing to
// say for this entry. A new part (evidence and its confidence, a field of
// a linked file, an imported answer to compare) is one more entry in the
// list newDetail makes.
type detailSection func(c *common, es model.EntryScore, width int) string

func newDetail(c *common) detailModel {
	return detailModel{c: c, rend: newRenderer(c.opts.GlamourStyle, c.cat),
		sections: []detailSection{officialSection, answerSection, proposalSection, secinsSection}}
}

// resize follows the screen size.
func (d *detailModel) resize() { d.height = d.c.bodyHeight() }

// show fills the detail for es (ok false: nothing selected).
func (d *detailModel) show(es model.EntryScore, ok bool) {
	c := d.c
	if c.width == 0 {
		return
	}
	if !ok {
		d.set("", c.loc.T("ui.tui.empty_list"))
		return
	}
	w := c.readingWidth()
	static, cached := d.rend.cached(detailKey{es.Entry.Level, es.Entry.ID, c.loc.File(), w})
	if !cached {
		static = d.rend.render(c.loc, es.Entry, w)
	}
	var b strings.Builder
	b.WriteString(static)
	for _, s := range d.sections {
		if part := s(c, es, w); part != "" {
			b.WriteString("\n\n" + part)
		}
	}
	d.set(es.Entry.ID, b.String())
}

// showUnknown explains an answer to an id the catalog does not have.
func (d *detailModel) showUnknown(id string) {
	c := d.c
	if c.width == 0 {
		return
	}
	w := c.readingWidth()
	var b strings.Builder
	safeID := safetext.Line(id)
	hang(&b, "  ", c.loc.T("ui.tui.unknown.title", "ID", safeID), w, c.st.Title.Render)
	b.WriteString("\n")
	hang(&b, "  ", c.loc.T("ui.tui.unknown.explain", "Key", c.keys.Clear.Help().Key, "Undo", c.keys.Undo.Help().Key), w, nil)
	if near := closestID(c.cat, id); near != "" {
		b.WriteString("\n")
		hang(&b, "  ", c.loc.T("ui.tui.unknown.did_you_mean", "ID", near), w, nil)
	}
	a := c.file.Answers[id]
	b.WriteString("\n")
	hang(&b, "  ", c.loc.T("ui.tui.detail.your_answer"), w, c.st.Title.Render)
	hang(&b, "  ! ", c.loc.T(a.Status.Key()), w, nil)
	if j := strings.TrimSpace(safetext.Clean(a.Justification)); j != "" {
		quote(&b, j, w)
	}
	d.set(id, b.String())
}

// set shows s for id, from the top unless id was already shown. A URL
// is kept whole (wholeLines), past the pane's edge if need be.
func (d *detailModel) set(id, s string) {
	body := strings.TrimRight(s, "\n")
	d.lines = wholeLines(strings.Split(body, "\n"), d.c.detailMax())
	d.total = len(d.lines) + len(s) - len(body)
	if id != d.shown || id == "" {
		d.offset = 0
	}
	d.shown = id
	d.scroll(0)
}

// key handles the scrolling keys.
func (d *detailModel) key(msg tea.KeyMsg) bool {
	k := d.c.keys
	switch {
	case key.Matches(msg, k.DetailDown):
		d.scroll(d.height / 2)
	case key.Matches(msg, k.DetailUp):
		d.scroll(-d.height / 2)
	default:
		return false
	}
	return true
}

// scroll moves the text by n lines (the mouse wheel, half a page for the
// keys), never past its ends.
func (d *detailModel) scroll(n int) {
	d.offset = max(0, min(d.offset+n, d.total-d.height))
}

// view is exactly h lines of w columns. When the text goes on below, the
// last line says so (and how to scroll), so that nothing seems cut.
func (d *detailModel) view(w, h int) []string {
	top := max(0, min(d.offset, len(d.lines)-1))
	end := min(len(d.lines), top+h)
	lines := d.lines[top:end]
	if end < len(d.lines) && h > 1 {
		more := d.c.loc.T("ui.tui.detail.more", "Key", d.c.keys.DetailDown.Help().Key, "Lines", len(d.lines)-end+1)
		lines = append(lines[:h-1:h-1], d.c.st.Dim.Render(textwidth.Truncate(more, w))) // no URL: within the pane
	}
	return fitOver(lines, w, d.c.detailMax(), h)
}

// prerender renders the shown level's fixed texts in the background so
// that moving the cursor finds them ready.
func (d *detailModel) prerender() tea.Cmd {
	c := d.c
	if c.width == 0 {
		return nil
	}
	l, _ := c.cat.Level(c.level)
	loc, width, r := c.loc, c.readingWidth(), d.rend
	entries := append([]*criteria.Entry(nil), l.Entries...)
	return func() tea.Msg {
		for _, e := range entries {
			r.render(loc, e, width)
		}
		return detailsRenderedMsg{}
	}
}

// officialSection links the criterion's page on the badge site, in the
// user's language where the site has it: an OSC 8 link where the terminal
// shows them, else the URL whole on a line of its own, flush left when
// only that way it fits the pane, past the pane's edge when even so it
// does not (set; o opens it or copies it).
func officialSection(c *common, es model.EntryScore, width int) string {
	url := es.Entry.URLIn(c.loc.Asked()...)
	var out []string
	for _, l := range textwidth.Link(c.loc.T("ui.tui.detail.official"), url, max(10, width-2), c.opts.Hyperlinks) {
		if w := textwidth.Width(l); w+2 <= width || w > width {
			l = "  " + l
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// answerSection shows the answer as given, and why it does not count yet.
func answerSection(c *common, es model.EntryScore, width int) string {
	var b strings.Builder
	hang(&b, "  ", c.loc.T("ui.tui.detail.your_answer"), width, c.st.Title.Render)
	hang(&b, "  "+model.StatusMark(es)+" ", c.loc.T(es.Answer.Status.Key()), width, nil)
	if j := strings.TrimSpace(safetext.Clean(es.Answer.Justification)); j != "" {
		quote(&b, j, width)
	}
	if !es.Result.Satisfied() && es.Result != model.ResultUnknown || es.Entry.Automatic() {
		hang(&b, "  "+c.st.Problem.Render("!")+" ", model.Reason(c.loc, es), width, nil)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// proposalSection shows the proposed answer of an unanswered criterion.
func proposalSection(c *common, es model.EntryScore, width int) string {
	p, ok := c.proposal(es)
	if !ok {
		return ""
	}
	var b strings.Builder
	hang(&b, "  ", c.loc.T("ui.tui.detail.proposal", "Key", c.keys.Accept.Help().Key), width, c.st.Title.Render)
	hang(&b, "  + ", c.loc.T(p.Status.Key())+" · "+safetext.Line(p.Source)+" · "+
		c.loc.T("ui.tui.detail.confidence", "Level", c.loc.T(model.ConfidenceKey(p.Confidence))), width, nil)
	if p.Justification != "" {
		quote(&b, safetext.Clean(p.Justification), width)
	}
	for _, ev := range p.Evidence {
		hang(&b, "    · ", safetext.Line(ev), width, nil)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// secinsSection names the Security Insights fields the answer fills in
// (export --format security-insights). A field's path is broken only
// between fields, never at its hyphens, unless it alone is wider than the
// pane.
func secinsSection(c *common, es model.EntryScore, width int) string {
	fields := secinsights.Feeds(es.Entry.ID)
	if len(fields) == 0 {
		return ""
	}
	joined := strings.Join(fields, ", ")
	text := c.loc.T("ui.secins.feeds", "Fields", joined)
	i := strings.Index(text, joined)
	if i < 0 { // a translation without the list: wrap it as text
		return "  " + strings.Join(wrapCells(text, max(10, width-2)), "\n  ")
	}
	var words []string
	for _, w := range strings.Split(text[:i], " ") { // not at a no-break space
		if w != "" {
			words = append(words, w)
		}
	}
	for j, f := range fields {
		if j < len(fields)-1 {
			f += ","
		} else {
			f += text[i+len(joined):]
		}
		words = append(words, f)
	}
	return "  " + strings.Join(fill(words, max(10, width-2)), "\n  ")
}

// fill lays words out on lines of at most w cells, breaking only between
// them; a word wider than w is cut over lines of its own.
func fill(words []string, w int) []string {
	var lines []string
	line := ""
	for _, word := range words {
		switch {
		case line == "":
			line = word
		case textwidth.Width(line)+1+textwidth.Width(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
		if textwidth.Width(line) > w {
			parts := strings.Split(ansi.Hardwrap(line, w, false), "\n")
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	return append(lines, line)
}

// wrapCells wraps text to w cells where its language allows a break. A
// URL wider than w stays whole on a line of its own, wider than w: the
// pane lets it run past its edge (wholeLines). A tab is shown as spaces:
// written raw it would move the terminal's cursor by a width no layout
// counted.
func wrapCells(text string, w int) []string {
	return textwidth.Wrap(strings.ReplaceAll(text, "\t", formtext.TabSpaces), w)
}

// hang writes text wrapped to width cells behind first (an indentation,
// a mark), its next lines indented as far so that they read as the same
// item; style, when given, colours each line's text (not the indentation).
func hang(b *strings.Builder, first, text string, width int, style func(...string) string) {
	indent := textwidth.Width(first)
	for i, l := range wrapCells(text, max(10, width-indent)) {
		if style != nil {
			l = style(l)
		}
		if i == 0 {
			b.WriteString(first + l + "\n")
		} else {
			b.WriteString(strings.Repeat(" ", indent) + l + "\n")
		}
	}
}

// quote writes text wrapped to the pane behind a bar, at the places the
// text's language allows a break (Japanese between most characters).
func quote(b *strings.Builder, text string, width int) {
	for _, l := range wrapCells(text, max(10, width-6)) {
		b.WriteString("  │ " + l + "\n")
	}
}

// closestID is the catalog id nearest to a mistyped one, or "" when none
// is close: a hint for fixing the file.
func closestID(cat *criteria.Catalog, id string) string {
	best, bestD := "", 4 // at most three edits away
	lower := strings.ToLower(id)
	for _, known := range cat.IDs() {
		if d := editDistance(lower, known, bestD); d < bestD {
			best, bestD = known, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is
// at least limit (the ids are short; this stays cheap).
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
