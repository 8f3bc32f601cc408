// Package tui is the interactive walk: it shows progress, the criteria list
// and the selected criterion, and saves every answer as it is given.
// Scoring, the file and the catalog live elsewhere; this package only shows
// them and turns keys into changes.
//
// The walk is split the way glow and soft-serve split theirs: what every
// part reads is in common (file, catalog, language, score, keys, styles,
// size); each part is a sub-model owning its state and its keys (list,
// detail, form, prompt, saver, help); the top Model routes messages to them
// and makes the changes that concern several (answering, levels, language).
package tui

import (
	"cmp"
	"errors"
	"time"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Messages of the background work, named for what happened.
type (
	detailsRenderedMsg struct{}
	proposalsFoundMsg  struct {
		ps  model.Proposals
		loc *i18n.Locale // the language of their texts
	}
	carryReadyMsg struct{}
)

// Model is the walk's top model.
type Model struct {
	c       *common
	list    listModel
	detail  detailModel
	form    formModel
	prompt  promptModel
	save    saver
	help    helpModel
	history history

	scanned    model.Proposals
	carryReady bool     // Carry has had its first, slow run
	bottom     []string // the status and help lines, as laid out (layoutBottom)
}

// New builds the walk's model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.GlamourStyle == "" {
		o.GlamourStyle = "dark"
	}
	c := newCommon(o)
	m := &Model{c: c, list: newList(c), detail: newDetail(c), form: formModel{c: c}, prompt: promptModel{c: c},
		save: saver{c: c}, help: newHelp(c), scanned: model.Proposals{}}
	m.rescore()
	return m
}

// Init starts the background work: rendering the level's details ahead,
// looking for proposals, watching the file.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.detail.prerender(), m.scan()}
	cmds = append(cmds, m.save.watch())
	if carry := m.c.opts.Carry; carry != nil {
		loc := m.c.loc
		cmds = append(cmds, func() tea.Msg {
			carry(loc, model.Answers{}) // loads what it needs, off the UI goroutine
			return carryReadyMsg{}
		})
	}
	return tea.Batch(cmds...)
}

// rescore recomputes the figures and the list after any change; the
// caller shows the detail once the cursor has settled (showCurrent).
func (m *Model) rescore() {
	c := m.c
	c.score = c.file.Score()
	c.unknown = unknownIDs(c.cat, c.file.Answers)
	c.proposals = model.Proposals{}
	for _, p := range m.scanned {
		c.proposals.Add(p)
	}
	if c.opts.Carry != nil && m.carryReady {
		for _, p := range c.opts.Carry(c.loc, c.file.Answers) {
			c.proposals.Add(p)
		}
	}
	m.list.rebuild()
}

// rebuild refreshes the list and the detail.
func (m *Model) rebuild() {
	m.list.rebuild()
	m.showCurrent()
}

// showCurrent puts what is under the cursor in the detail.
func (m *Model) showCurrent() {
	if id, ok := m.list.currentUnknown(); ok {
		m.detail.showUnknown(id)
		return
	}
	m.detail.show(m.list.current())
}

// Update handles one message, then lays out the bottom lines for the
// frame View draws next.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	for held := m.form.takeReleased(); len(held) > 0; held = m.form.takeReleased() {
		cmd = tea.Batch(cmd, m.replay(held)) // typed after the form closed: for the walk
	}
	m.layoutBottom()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	c := m.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.help.resize()
		m.detail.resize()
		m.list.clampOffset()
		m.showCurrent()
		m.form.resize()
		return m.detail.prerender()
	case tea.KeyMsg:
		return m.keys(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	case answerSavedMsg:
		cmd := m.save.saved(msg.p)
		if !m.save.conflict && m.prompt.is(promptConflict) {
			m.prompt.ask(noPrompt) // kept mine: decided
		}
		if cmd == nil && m.save.quitting {
			return tea.Quit
		}
		return cmd
	case saveFailedMsg:
		if m.save.failed(msg.err) {
			m.askConflict()
		} else if m.save.quitting {
			m.save.quitting = false
			m.prompt.ask(promptQuit)
		}
		return nil
	case fileCheckDueMsg:
		return tea.Batch(m.save.look(), m.save.watch())
	case fileReadMsg:
		var nr *regfile.NotRegularError
		m.prompt.replaced = ""
		if errors.As(msg.err, &nr) {
			m.prompt.replaced = nr.Kind
		}
		if m.save.seen(msg) {
			m.askConflict()
		} else if !m.save.conflict && m.prompt.is(promptConflict) {
			m.prompt.ask(noPrompt) // changed back: nothing left to decide
		}
		return nil
	case fileReloadedMsg:
		c.file = msg.f
		m.save.reloaded()
		if m.prompt.is(promptConflict) {
			m.prompt.ask(noPrompt) // asked again meanwhile: decided
		}
		m.history.clear()
		c.message = c.loc.T("ui.tui.reloaded")
		m.rescore()
		m.showCurrent()
		return nil
	case reloadFailedMsg:
		m.save.reloading = false
		c.message = c.loc.T("ui.tui.reload_failed", "Error", fileErrorText(c.loc, msg.err, c.file.Path))
		return nil
	case pageShownMsg:
		c.message = c.loc.T("ui.tui.page_"+cmp.Or(msg.how, "shown"), "URL", msg.url, "Reason", safetext.Line(msg.reason))
		return nil
	case proposalsFoundMsg:
		if msg.loc != c.loc {
			return nil // in a language left since: the scan in the new one follows
		}
		m.scanned = msg.ps
		m.rescore()
		m.showCurrent()
		return nil
	case carryReadyMsg:
		m.carryReady = true
		m.rescore()
		m.showCurrent()
		return nil
	case detailsRenderedMsg:
		m.showCurrent()
		return nil
	case formSubmittedMsg:
		cmd := m.submitForm()
		m.resumeConflict()
		return cmd
	case formMovedMsg:
		return m.replay(m.form.landed(msg))
	case formCancelledMsg:
		m.form.close()
		c.message = "" // what the form was opened for is no longer news
		m.showCurrent()
		m.resumeConflict()
		return nil
	}
	return m.form.update(msg)
}

// keys handles a key message. Keys typed faster than the terminal is read
// (key repeat, a slow link) arrive as one message of several runes;
// outside a text field each rune is its own key. A paste outside a text
// field is refused whole: its letters would act as keys.
func (m *Model) keys(msg tea.KeyMsg) tea.Cmd {
	if m.form.hold(msg) { // after tab or enter in the form, until the focus has moved
		return nil
	}
	if m.form.moving() { // ctrl+c or esc: what was held goes first, to the form as it is
		first := m.replay(m.form.flush())
		return tea.Batch(first, m.keys(msg))
	}
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 {
		return m.key(msg)
	}
	if m.typing() {
		// In a text field the runes are text; as one message their name
		// can be a key's ("right", "end", "esc" typed over a slow link),
		// which the field's bindings would take. Marked pasted, none does.
		msg.Paste = msg.Paste || !msg.Alt
		return m.key(msg)
	}
	if msg.Paste {
		m.c.message = m.c.loc.T("ui.tui.paste_ignored")
		return nil
	}
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		if m.typing() { // the keys so far opened a text field: the rest is text
			rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:], Alt: msg.Alt}
			return tea.Batch(append(cmds, m.key(rest))...)
		}
		cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

// typing reports whether keys go into a text field now.
func (m *Model) typing() bool {
	return !m.asking() && !m.c.tooSmall() && (m.form.typing() || m.list.searching)
}

// key routes one key to whoever has it: the prompt, the form, the search,
// the full help, then the list, the detail and the walk's own keys.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	c := m.c
	if m.asking() {
		was := m.prompt.kind
		switch ch := m.prompt.key(msg); ch {
		case chooseNothing: // the key does its usual work; the question stays
		case chooseDismiss:
			m.resumeConflict()
			if m.prompt.swallows(msg, was) {
				return nil
			}
		default:
			return m.decide(ch)
		}
	}
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if c.tooSmall() { // nothing can be seen: only the way out works
		if key.Matches(msg, c.keys.Quit) {
			return m.quit()
		}
		return nil
	}
	if m.form.isOpen() {
		return m.form.update(msg)
	}
	if m.list.searching {
		cmd := m.list.searchKey(msg)
		m.showCurrent()
		return cmd
	}
	if m.help.open {
		m.help.key(msg)
		return nil
	}
	c.message = ""
	if handled, moved, cmd := m.list.key(msg); handled {
		if moved {
			m.showCurrent()
		}
		return cmd
	}
	if m.detail.key(msg) {
		return nil
	}
	return m.walkKey(msg)
}

// walkKey handles the keys that are the walk's own.
func (m *Model) walkKey(msg tea.KeyMsg) tea.Cmd {
	c := m.c
	k := c.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	case key.Matches(msg, k.Help):
		m.help.open, m.help.offset = true, 0
	case key.Matches(msg, k.Met):
		return m.setStatus(model.Met)
	case key.Matches(msg, k.Unmet):
		return m.setStatus(model.Unmet)
	case key.Matches(msg, k.NA):
		return m.setStatus(model.NA)
	case key.Matches(msg, k.Clear):
		return m.setStatus(model.Unknown)
	case key.Matches(msg, k.Edit):
		return m.openForm()
	case key.Matches(msg, k.Accept):
		return m.acceptProposal()
	case key.Matches(msg, k.AcceptAll):
		m.askAcceptAll()
	case key.Matches(msg, k.Undo):
		return m.undo(false)
	case key.Matches(msg, k.Redo):
		return m.undo(true)
	case key.Matches(msg, k.Retry) && m.save.err != nil:
		return m.save.save(false)
	case key.Matches(msg, k.Open):
		if es, ok := m.list.current(); ok {
			return m.openPage(es.Entry.URLIn(m.c.loc.Asked()...))
		}
	case key.Matches(msg, k.NextLevel):
		return m.switchLevel(1)
	case key.Matches(msg, k.PrevLevel):
		return m.switchLevel(-1)
	case key.Matches(msg, k.Series):
		return m.switchSeries()
	case m.detail.open && key.Matches(msg, k.Back):
		m.detail.open = false
	case key.Matches(msg, k.ClearFilter):
		m.list.clearFilters()
		m.showCurrent()
	case key.Matches(msg, k.Detail):
		m.detail.open = true
		m.showCurrent()
	case key.Matches(msg, k.Language):
		return m.nextLanguage()
	}
	return nil
}

// quit ends the walk, asking first when that would drop an answer being
// edited or not yet saved.
func (m *Model) quit() tea.Cmd {
	if m.form.edited() {
		m.prompt.ask(promptQuitForm)
		return nil
	}
	m.form.close()
	if m.c.file.Dirty() && m.c.opts.ReadOnly == "" {
		if m.save.saving && m.save.err == nil {
			m.save.quitting = true // quit once the save in flight lands
			return nil
		}
		m.prompt.ask(promptQuit)
		return nil
	}
	m.save.quitting = true
	return tea.Quit
}
