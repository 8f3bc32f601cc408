package tui

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/glamour"
	gansi "github.com/charmbracelet/glamour/ansi"
	gstyles "github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/x/ansi"
)

// renderer turns a criterion's fixed texts into terminal Markdown with
// glamour and keeps the result: a render costs about a millisecond, more
// than a whole keystroke may, so each (criterion, language, width) is
// rendered once, and a level's entries are rendered ahead in a tea.Cmd.
type renderer struct {
	style string // glamour standard style: dark, light, notty
	cat   *criteria.Catalog

	mu    sync.Mutex // the cache is filled from Cmd goroutines
	cache map[detailKey]string
	tr    *glamour.TermRenderer
	width int
}

// detailKey names a rendered text. The language is its file, not its tag:
// a translator's draft (--locale-file) and the built-in file of the same
// language are both in the cycle, and each shows its own words.
type detailKey struct {
	level, id string
	lang      *i18n.File
	width     int
}

func newRenderer(style string, cat *criteria.Catalog) *renderer {
	return &renderer{style: style, cat: cat, cache: map[detailKey]string{}}
}

// cached returns a rendered text if there is one.
func (r *renderer) cached(k detailKey) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.cache[k]
	return s, ok
}

// render renders (and caches) one criterion's fixed texts.
func (r *renderer) render(loc *i18n.Locale, e *criteria.Entry, width int) string {
	k := detailKey{e.Level, e.ID, loc.File(), width}
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.cache[k]; ok {
		return s
	}
	if r.tr == nil || r.width != width {
		tr, err := glamour.NewTermRenderer(glamour.WithStyles(styleFor(r.style)), glamour.WithWordWrap(0), glamour.WithEmoji())
		if err != nil {
			return r.markdown(loc, e)
		}
		r.tr, r.width = tr, width
	}
	out, err := r.tr.Render(r.markdown(loc, e))
	if err != nil {
		out = r.markdown(loc, e)
	}
	out = rewrap(strings.Trim(out, "\n"), width)
	r.cache[k] = out
	return out
}

// rewrap wraps glamour's output to the pane. glamour itself wraps at
// spaces only, so Japanese or Chinese text, which has none, came out as one
// long line, and it cuts a long word (a URL) anywhere; it now renders
// unwrapped and every line is wrapped here where its language allows a
// break (textwidth.WrapStyled, glamour's colours kept), never inside a
// URL: one wider than the pane keeps a line of its own, which the detail
// lets run past the pane's edge. Continuation lines keep the line's
// indentation.
func rewrap(s string, width int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		l = strings.TrimRight(l, " ")
		plain := ansi.Strip(l)
		indent := len(plain) - len(strings.TrimLeft(plain, " "))
		if indent > width/2 {
			indent = 0
		}
		pad := strings.Repeat(" ", indent)
		for i, w := range textwidth.WrapStyled(l, max(1, width-indent)) {
			if i > 0 {
				w = pad + strings.TrimLeft(w, " ")
			}
			out = append(out, w)
		}
	}
	return strings.Join(out, "\n")
}

// styleFor is glamour's style of that name, with the headings' "##"
// marks dropped (colour and weight set them apart); "notty" is the ASCII
// style without any of Markdown's marks: with NO_COLOR the detail reads as
// clean text, not as "# Title" and "**MUST**".
func styleFor(name string) gansi.StyleConfig {
	var s gansi.StyleConfig
	switch name {
	case "light":
		s = gstyles.LightStyleConfig
	case "notty":
		s = gstyles.ASCIIStyleConfig
		none := gansi.StylePrimitive{}
		s.Strong, s.Emph, s.Strikethrough = none, none, none
		s.Code = gansi.StyleBlock{}
	default:
		s = gstyles.DarkStyleConfig
	}
	for _, h := range []*gansi.StyleBlock{&s.H2, &s.H3, &s.H4, &s.H5, &s.H6} {
		h.Prefix = ""
	}
	if name == "notty" {
		s.H1.Prefix = ""
	}
	return s
}

// markdown is what we say about an entry, whatever the answer.
func (r *renderer) markdown(loc *i18n.Locale, e *criteria.Entry) string {
	c := loc.Criterion(e.Level, e.ID)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", c.Title)
	id := "`" + e.ID + "`"
	if e.Control != "" {
		id += " · " + e.Control
	}
	fmt.Fprintf(&b, "**%s** · %s · %s / %s\n\n", loc.T("ui.category."+string(e.Category)), id, loc.Section(e.Major), loc.Section(e.Minor))
	fmt.Fprintf(&b, "%s\n\n", c.Requirement)
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", loc.T("ui.tui.detail.guidance"), c.Guidance)
	fmt.Fprintf(&b, "## %s\n\n", loc.T("ui.tui.detail.what_counts"))
	if e.Automatic() {
		fmt.Fprintf(&b, "- %s\n", loc.T("ui.result.automatic", "Level", i18n.Level(criteria.PrerequisiteOf(e.ID))))
	} else {
		switch {
		case e.MetURLRequired:
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.met_url"))
		case e.MetJustificationRequired:
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.met_justification"))
		default:
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.met_plain"))
		}
		switch {
		case !model.NAAllowed(r.cat, e.ID): // one answer for every level: see model.NAAllowed
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.na_not_allowed"))
		case e.NAJustificationRequired:
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.na_justification"))
		default:
			fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.na_plain"))
		}
		fmt.Fprintf(&b, "- %s\n", loc.T("ui.tui.detail.unmet_"+strings.ToLower(string(e.Category))))
	}
	return b.String()
}
