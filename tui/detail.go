package tui

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// detailModel is the selected criterion's detail: its fixed texts
// (rendered Markdown, cached) and then its sections, one after the other.
// It owns its scroll state and the scrolling keys.
type detailModel struct {
	c     *common
	rend  *renderer
	vp    viewport.Model
	lines []string
	open  bool // narrow layout: the detail replaces the list
}

// detailSection is one part of the detail below the criterion's fixed
// texts. It returns "" when it has nothing to say for this entry. New
// parts (evidence, confidence, a linked file's field) are one more entry
// in detailSections.
type detailSection func(c *common, es model.EntryScore, width int) string

var detailSections = []detailSection{answerSection, proposalSection}

func newDetail(c *common) detailModel {
	return detailModel{c: c, rend: newRenderer(c.opts.GlamourStyle), vp: viewport.New(0, 0)}
}

// resize follows the screen size.
func (d *detailModel) resize() {
	d.vp.Width = d.c.detailWidth()
	d.vp.Height = d.c.bodyHeight()
}

// show fills the detail for es (ok false: nothing selected).
func (d *detailModel) show(es model.EntryScore, ok bool) {
	c := d.c
	if c.width == 0 {
		return
	}
	if !ok {
		d.set(c.loc.T("ui.tui.empty_list"))
		return
	}
	w := c.detailWidth()
	static, cached := d.rend.cached(detailKey{es.Entry.Level, es.Entry.ID, c.loc.Tag.String(), w})
	if !cached {
		static = d.rend.render(c.loc, es.Entry, w)
	}
	var b strings.Builder
	b.WriteString(static)
	for _, s := range detailSections {
		if part := s(c, es, w); part != "" {
			b.WriteString("\n\n" + part)
		}
	}
	d.set(b.String())
	d.vp.GotoTop()
}

func (d *detailModel) set(s string) {
	d.vp.SetContent(s)
	d.lines = strings.Split(s, "\n")
}

// key handles the scrolling keys.
func (d *detailModel) key(msg tea.KeyMsg) bool {
	k := d.c.keys
	switch {
	case key.Matches(msg, k.DetailDown):
		d.vp.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		d.vp.HalfPageUp()
	default:
		return false
	}
	return true
}

// view is exactly h lines of w columns.
func (d *detailModel) view(w, h int) []string {
	top := max(0, min(d.vp.YOffset, len(d.lines)-1))
	end := min(len(d.lines), top+h)
	return fitLines(d.lines[top:end], w, h)
}

// prerender renders the shown level's fixed texts in the background so
// that moving the cursor finds them ready.
func (d *detailModel) prerender() tea.Cmd {
	c := d.c
	if c.width == 0 {
		return nil
	}
	l, _ := c.cat.Level(c.level)
	loc, width, r := c.loc, c.detailWidth(), d.rend
	entries := append([]*criteria.Entry(nil), l.Entries...)
	return func() tea.Msg {
		for _, e := range entries {
			r.render(loc, e, width)
		}
		return detailsRenderedMsg{}
	}
}

// answerSection shows the answer as given, and why it does not count yet.
func answerSection(c *common, es model.EntryScore, width int) string {
	var b strings.Builder
	pad := "  "
	b.WriteString(pad + c.st.Title.Render(c.loc.T("ui.tui.detail.your_answer")) + "\n")
	fmt.Fprintf(&b, "%s%s %s\n", pad, model.StatusMark(es), c.loc.T(es.Answer.Status.Key()))
	if j := strings.TrimSpace(safetext.Clean(es.Answer.Justification)); j != "" {
		quote(&b, j, width)
	}
	if !es.Result.Satisfied() && es.Result != model.ResultUnknown || es.Entry.Automatic() {
		fmt.Fprintf(&b, "%s%s %s\n", pad, c.st.Problem.Render("!"), model.Reason(c.loc, es))
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
	pad := "  "
	b.WriteString(pad + c.st.Title.Render(c.loc.T("ui.tui.detail.proposal", "Key", "p")) + "\n")
	fmt.Fprintf(&b, "%s+ %s · %s\n", pad, c.loc.T(p.Status.Key()), safetext.Line(p.Source))
	if p.Justification != "" {
		quote(&b, safetext.Clean(p.Justification), width)
	}
	for _, ev := range p.Evidence {
		b.WriteString(pad + "  · " + safetext.Line(ev) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// quote writes text wrapped to the pane behind a bar.
func quote(b *strings.Builder, text string, width int) {
	wrapped := lipgloss.NewStyle().Width(max(10, width-6)).Render(text)
	for _, line := range strings.Split(wrapped, "\n") {
		b.WriteString("  │ " + line + "\n")
	}
}
