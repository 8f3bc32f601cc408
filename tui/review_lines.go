package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lineprompt"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// reviewLines is the review with --accessible: each conflict on plain
// lines, both answers whole, then a numbered question (keep yours, take
// the file's, cancel the import); the project's differing fields last.
// Nothing is chosen until every question is answered: the end of the
// input, like cancelling, leaves the merge as it was and returns false.
func (r *reviewModel) reviewLines(in io.Reader, out io.Writer) bool {
	loc := r.loc
	p := lineprompt.New(in, out, loc)
	fmt.Fprintln(out, loc.T("ui.tui.review.title", "File", r.source))
	fmt.Fprintln(out, loc.T("ui.tui.review.counts", "Conflicts", len(r.m.Conflicts), "Added", len(r.m.Added), "Same", len(r.m.Same)))
	if r.m.Foreign != "" {
		fmt.Fprintln(out, loc.T("ui.tui.review.foreign", "File", r.source, "URL", safetext.Value(r.m.Foreign)))
	}
	// In the order of site.Side (ours, theirs), then the way out.
	options := []string{loc.T("ui.tui.review.keys.ours"), loc.T("ui.tui.review.keys.theirs"), loc.T("ui.tui.review.prompt.keys.cancel")}
	sides := make([]site.Side, len(r.m.Conflicts))
	for i, c := range r.m.Conflicts {
		r.cur = i
		pos, where, title := r.describe(c)
		fmt.Fprintln(out)
		fmt.Fprintln(out, pos+where)
		fmt.Fprintln(out, title)
		r.answerLines(out, loc.T("ui.tui.review.ours"), c.Old, c.OursMachine)
		r.answerLines(out, loc.T("ui.tui.review.theirs", "File", r.source), c.New, c.TheirsMachine)
		fmt.Fprintln(out, r.why(c))
		n, err := p.Choose(loc.T("ui.tui.review.ask", "ID", safetext.Line(c.ID)), options)
		if err != nil || n == 2 {
			return false
		}
		sides[i] = site.Side(n)
	}
	if len(r.m.ProjectConflict) > 0 {
		fmt.Fprintln(out)
		for _, f := range r.m.ProjectConflict {
			fmt.Fprintln(out, loc.T("ui.tui.review.project_field", "Field", f.Field, "Ours", safetext.Line(f.Old), "Theirs", safetext.Line(f.New)))
		}
		n, err := p.Choose(loc.T("ui.tui.review.ask_project"), options)
		if err != nil || n == 2 {
			return false
		}
		r.m.ChooseAll(site.Side(n)) // the project's fields follow the key for all
	}
	for i, c := range r.m.Conflicts {
		r.m.Choose(c.ID, sides[i])
	}
	return true
}

// answerLines writes one side of a conflict: its label and status, a
// mark when it is still a machine's text, and the whole justification.
func (r *reviewModel) answerLines(out io.Writer, label string, a model.Answer, machine bool) {
	loc := r.loc
	fmt.Fprintln(out, loc.Label(label, loc.T(a.Status.Key())))
	if machine {
		fmt.Fprintln(out, "  "+loc.T("ui.tui.review.machine"))
	}
	j := strings.TrimSpace(safetext.Clean(a.Justification))
	if j == "" {
		j = loc.T("ui.tui.review.no_justification")
	}
	for _, l := range strings.Split(j, "\n") {
		fmt.Fprintln(out, "  "+l)
	}
}
