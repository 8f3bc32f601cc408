package tui

import (
	"errors"
	"fmt"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/internal/termbg"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// ReviewImport lets the user settle an import's conflicts one by one
// (cli.UI.ReviewImport): each conflict shows both answers, the side kept
// preselected; o and t choose, O and T choose for all, a applies. It
// changes m through m.Choose and m.ChooseAll only, writes nothing, and
// returns false when the user cancels.
func ReviewImport(env *environ.Env, m *site.Merge, source string) bool {
	r := newReview(env.Loc, env.Catalog, m, source)
	if env.Accessible {
		return r.reviewLines(env.Stdin, env.Stdout)
	}
	if env.NoColor || env.Getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	} else {
		termbg.Ask(env.Stdout) // once, before the program reads the terminal
	}
	final, err := tea.NewProgram(r, tea.WithAltScreen(), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout)).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return false
	}
	if fr, ok := final.(*reviewModel); ok {
		r = fr
	}
	return err == nil && r.applied
}

// reviewAsk is a question waiting on the review's status line.
type reviewAsk int

const (
	askNothing reviewAsk = iota
	askCancel            // drop the choices made?
	askUnseen            // apply with conflicts never shown?
)

// reviewModel is the import review: one conflict at a time, the two
// answers side by side (stacked on narrow terminals).
type reviewModel struct {
	loc    *i18n.Locale
	cat    *criteria.Catalog
	m      *site.Merge
	source string // the file imported, as the command line named it
	keys   reviewKeys
	help   help.Model
	st     styles

	width, height int
	cur           int    // the conflict shown
	offset        int    // its answers scrolled by this many lines
	seen          []bool // conflicts shown, or settled by a key for all
	start         []site.Side
	startProject  bool
	ask           reviewAsk
	fullHelp      bool
	message       string
	applied       bool
	wraps         map[wrapKey][]string
}

func newReview(loc *i18n.Locale, cat *criteria.Catalog, m *site.Merge, source string) *reviewModel {
	r := &reviewModel{loc: loc, cat: cat, m: m, source: safetext.Line(source),
		keys: newReviewKeys(loc), help: help.New(), st: newStyles(),
		wraps: map[wrapKey][]string{}, seen: make([]bool, len(m.Conflicts)), start: make([]site.Side, len(m.Conflicts)), startProject: m.ProjectReplaced()}
	for i, c := range m.Conflicts {
		r.start[i] = c.Take
	}
	if len(r.seen) > 0 {
		r.seen[0] = true
	}
	return r
}

func (r *reviewModel) Init() tea.Cmd { return nil }

// Update handles one message: the size, and keys.
func (r *reviewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		r.help.Width = msg.Width
		r.offset = min(r.offset, r.maxOffset())
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed faster than the terminal is read: each one acts.
			var cmds []tea.Cmd
			for _, ch := range msg.Runes {
				_, cmd := r.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{ch}})
				cmds = append(cmds, cmd)
			}
			return r, tea.Batch(cmds...)
		}
		return r, r.key(msg)
	}
	return r, nil
}

// key acts on one key: the question first, then the way out, then the
// review's own keys. Below the smallest size only the way out works.
func (r *reviewModel) key(msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	if msg.String() == "ctrl+c" {
		return tea.Quit // nothing is written: the import is cancelled
	}
	if r.ask != askNothing {
		was := r.ask
		r.ask = askNothing
		if key.Matches(msg, k.Yes) {
			if was == askUnseen {
				r.applied = true
			}
			return tea.Quit
		}
		return nil // any other key goes back to the review
	}
	if r.tooSmall() {
		if key.Matches(msg, k.Cancel) {
			return r.cancel()
		}
		return nil
	}
	if r.fullHelp { // any key closes the full help, and only that
		r.fullHelp = false
		return nil
	}
	r.message = ""
	switch {
	case key.Matches(msg, k.Ours):
		r.choose(site.Ours)
	case key.Matches(msg, k.Theirs):
		r.choose(site.Theirs)
	case key.Matches(msg, k.AllOurs):
		r.chooseAll(site.Ours)
	case key.Matches(msg, k.AllTheirs):
		r.chooseAll(site.Theirs)
	case key.Matches(msg, k.Next):
		r.show(r.cur + 1)
	case key.Matches(msg, k.Prev):
		r.show(r.cur - 1)
	case key.Matches(msg, k.Down):
		r.scroll(1)
	case key.Matches(msg, k.Up):
		r.scroll(-1)
	case key.Matches(msg, k.PageDown):
		r.scroll(max(1, r.bodyHeight()-1))
	case key.Matches(msg, k.PageUp):
		r.scroll(-max(1, r.bodyHeight()-1))
	case key.Matches(msg, k.Apply):
		return r.apply()
	case key.Matches(msg, k.Cancel):
		return r.cancel()
	case key.Matches(msg, k.Help):
		r.fullHelp = true
	}
	return nil
}

// choose keeps one side of the conflict shown and moves on to the next,
// as the fastest way through is one key per conflict.
func (r *reviewModel) choose(side site.Side) {
	c := r.m.Conflicts[r.cur]
	r.m.Choose(c.ID, side)
	msg := "ui.tui.review.chose_ours"
	if side == site.Theirs {
		msg = "ui.tui.review.chose_theirs"
	}
	r.message = r.loc.T(msg, "ID", safetext.Line(c.ID))
	r.show(r.cur + 1)
}

// chooseAll keeps one side everywhere, the project's differing fields
// included; every conflict then counts as decided.
func (r *reviewModel) chooseAll(side site.Side) {
	r.m.ChooseAll(side)
	for i := range r.seen {
		r.seen[i] = true
	}
	msg := "ui.tui.review.all_ours"
	if side == site.Theirs {
		msg = "ui.tui.review.all_theirs"
	}
	r.message = r.loc.T(msg, "Count", len(r.m.Conflicts))
}

// show moves to conflict i (kept within the list), from the top of its
// answers.
func (r *reviewModel) show(i int) {
	i = max(0, min(i, len(r.m.Conflicts)-1))
	if i != r.cur {
		r.cur, r.offset = i, 0
	}
	r.seen[i] = true
}

func (r *reviewModel) scroll(n int) {
	r.offset = max(0, min(r.offset+n, r.maxOffset()))
}

// apply ends the review with the choices made. Conflicts never shown
// keep what was preselected for them, which the user has not seen: the
// review asks first (a key for all counts as seeing them).
func (r *reviewModel) apply() tea.Cmd {
	if r.unseen() > 0 {
		r.ask = askUnseen
		return nil
	}
	r.applied = true
	return tea.Quit
}

// cancel ends the review without importing, asking first when choices
// would be lost.
func (r *reviewModel) cancel() tea.Cmd {
	if r.changed() {
		r.ask = askCancel
		return nil
	}
	return tea.Quit
}

// changed reports whether a choice differs from what was preselected.
func (r *reviewModel) changed() bool {
	for i, c := range r.m.Conflicts {
		if c.Take != r.start[i] {
			return true
		}
	}
	return r.m.ProjectReplaced() != r.startProject
}

func (r *reviewModel) unseen() int {
	n := 0
	for _, s := range r.seen {
		if !s {
			n++
		}
	}
	return n
}

func (r *reviewModel) tooSmall() bool { return r.width < minWidth || r.height < minHeight }

// reviewKeys are the review's keys, declared once: matched on in key and
// shown in the help line, in the user's language.
type reviewKeys struct {
	Ours, Theirs, AllOurs, AllTheirs key.Binding
	Next, Prev                       key.Binding
	Down, Up, PageDown, PageUp       key.Binding
	Apply, Cancel, Help, Close       key.Binding
	// The question's answers.
	Yes, CancelYes, Back key.Binding
}

func newReviewKeys(loc *i18n.Locale) reviewKeys {
	b := func(label, help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(loc, label), loc.T("ui.tui.review.keys."+help)))
	}
	p := func(label, help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(loc, label), loc.T("ui.tui.review.prompt.keys."+help)))
	}
	return reviewKeys{
		Ours:      b("o", "ours", "o"),
		Theirs:    b("t", "theirs", "t"),
		AllOurs:   b("O", "all_ours", "O"),
		AllTheirs: b("T", "all_theirs", "T"),
		Next:      b("n/→", "next", "n", "tab", "right"),
		Prev:      b("p/←", "prev", "p", "shift+tab", "left"),
		Down:      b("↓/↑", "scroll", "down", "j"),
		Up:        b("↑/k", "scroll", "up", "k"),
		PageDown:  b("pgdn/pgup", "page", "pgdown", "ctrl+d", " "),
		PageUp:    b("pgup", "page", "pgup", "ctrl+u"),
		Apply:     b("a", "apply", "a"),
		Cancel:    b("q/esc", "cancel", "q", "esc"),
		Help:      b("?", "help", "?"),
		Close:     b("?/esc", "close", "?", "esc"),
		Yes:       p("y", "apply", "y"),
		CancelYes: p("y", "cancel", "y"),
		Back:      p("n/esc", "back", "n", "esc"),
	}
}
