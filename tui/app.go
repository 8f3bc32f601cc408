// Package tui is the interactive walk: it shows progress, the criteria list
// and the selected criterion, and saves every answer as it is given.
// Scoring, the file and the catalog live elsewhere; this package only shows
// them and turns keys into changes.
//
// The walk is split the way glow and soft-serve split theirs: what every
// part reads is in common (file, catalog, language, score, keys, styles,
// size); each part is a sub-model owning its state and its keys (list,
// detail, form, prompt, saver); the top Model routes messages to them and
// makes the changes that concern several (answering, levels, language).
package tui

import (
	"errors"
	"time"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Messages of the background work, named for what happened.
type (
	detailsRenderedMsg struct{}
	proposalsFoundMsg  struct{ ps model.Proposals }
	carryReadyMsg      struct{}
)

// Model is the walk's top model.
type Model struct {
	c      *common
	list   listModel
	detail detailModel
	form   formModel
	prompt promptModel
	save   saver
	help   help.Model

	fullHelp   bool
	scanned    model.Proposals
	carryReady bool // Carry has had its first, slow run
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
		save: saver{c: c}, help: help.New(), scanned: model.Proposals{}}
	m.rescore()
	return m
}

// Init starts the background work: rendering the level's details ahead,
// looking for proposals, watching the file.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.detail.prerender()}
	if scan := m.c.opts.ScanProposals; scan != nil {
		cmds = append(cmds, func() tea.Msg { return proposalsFoundMsg{scan()} })
	}
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

// rescore recomputes the figures and the list after any change.
func (m *Model) rescore() {
	c := m.c
	c.score = c.file.Score()
	c.proposals = model.Proposals{}
	for _, p := range m.scanned {
		c.proposals.Add(p)
	}
	if c.opts.Carry != nil && m.carryReady {
		for _, p := range c.opts.Carry(c.loc, c.file.Answers) {
			c.proposals.Add(p)
		}
	}
	m.rebuild()
}

// rebuild refreshes the list and the detail.
func (m *Model) rebuild() {
	m.list.rebuild()
	m.showCurrent()
}

// showCurrent puts the criterion under the cursor in the detail.
func (m *Model) showCurrent() { m.detail.show(m.list.current()) }

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.detail.resize()
		m.list.clampOffset()
		m.showCurrent()
		m.form.resize()
		return m, m.detail.prerender()
	case answerSavedMsg:
		cmd := m.save.saved(msg.p)
		if cmd == nil && m.save.quitting {
			return m, tea.Quit
		}
		return m, cmd
	case saveFailedMsg:
		m.save.saving = false
		if errors.Is(msg.err, model.ErrChangedOnDisk) {
			m.prompt.ask(promptConflict)
			return m, nil
		}
		m.save.err = msg.err
		if m.save.quitting {
			m.save.quitting = false
			m.prompt.ask(promptQuit)
		}
		return m, nil
	case fileCheckDueMsg:
		if !m.save.saving && !m.prompt.active() && c.file.ChangedOnDisk() {
			m.prompt.ask(promptConflict)
		}
		return m, m.save.watch()
	case fileReloadedMsg:
		c.file = msg.f
		m.save.err = nil
		c.message = c.loc.T("ui.tui.reloaded")
		m.rescore()
		return m, nil
	case reloadFailedMsg:
		c.message = c.loc.T("ui.tui.reload_failed", "Error", safeError(msg.err))
		return m, nil
	case proposalsFoundMsg:
		m.scanned = msg.ps
		m.rescore()
		return m, nil
	case carryReadyMsg:
		m.carryReady = true
		m.rescore()
		return m, nil
	case detailsRenderedMsg:
		m.showCurrent()
		return m, nil
	case formSubmittedMsg:
		return m, m.submitForm()
	case formCancelledMsg:
		m.showCurrent()
		return m, nil
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, m.form.update(msg)
}

// key routes a key to whoever has it: the prompt, the form, the search,
// the full help, then the list, the detail and the walk's own keys.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	c := m.c
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	if m.prompt.active() {
		return m.decide(m.prompt.key(msg))
	}
	if m.form.isOpen() {
		return m.form.update(msg)
	}
	if m.list.searching {
		cmd := m.list.searchKey(msg)
		m.showCurrent()
		return cmd
	}
	if m.fullHelp {
		m.fullHelp = false
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
	k := c.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	case key.Matches(msg, k.Help):
		m.fullHelp = true
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
	case key.Matches(msg, k.NextLevel):
		return m.switchLevel(1)
	case key.Matches(msg, k.PrevLevel):
		return m.switchLevel(-1)
	case key.Matches(msg, k.Series):
		return m.switchSeries()
	case key.Matches(msg, k.ClearFilter):
		if m.detail.open {
			m.detail.open = false
		} else {
			m.list.clearFilters()
			m.showCurrent()
		}
	case key.Matches(msg, k.Detail):
		m.detail.open = !m.detail.open
		m.showCurrent()
	case key.Matches(msg, k.Language):
		return m.nextLanguage()
	}
	return nil
}

// decide acts on the answer to a prompt.
func (m *Model) decide(ch choice) tea.Cmd {
	switch ch {
	case chooseSaveAndQuit:
		m.save.quitting = true
		if m.save.saving {
			return nil // the save in flight quits when it lands
		}
		return m.save.save(false)
	case chooseQuitUnsaved:
		m.save.quitting = true
		return tea.Quit
	case chooseReload:
		return m.save.reload()
	case chooseKeepMine:
		return m.save.save(true)
	case chooseAcceptAll:
		return m.acceptAll()
	}
	return nil
}

func (m *Model) quit() tea.Cmd {
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

// switchLevel shows the next (dir 1) or previous level of the series.
func (m *Model) switchLevel(dir int) tea.Cmd {
	c := m.c
	levels := c.cat.SeriesLevels(c.series())
	for i, l := range levels {
		if l.Name == c.level {
			c.level = levels[(i+dir+len(levels))%len(levels)].Name
			break
		}
	}
	m.rebuild()
	return m.detail.prerender()
}

// switchSeries shows the first level of the other series.
func (m *Model) switchSeries() tea.Cmd {
	c := m.c
	for _, l := range c.cat.Levels {
		if l.Series != c.series() {
			c.level = l.Name
			break
		}
	}
	m.rebuild()
	return m.detail.prerender()
}

// nextLanguage switches to the next built-in language.
func (m *Model) nextLanguage() tea.Cmd {
	c := m.c
	tags := i18n.Available()
	cur := 0
	for i, t := range tags {
		if t == c.loc.File().Tag {
			cur = i
		}
	}
	loc, err := i18n.New(tags[(cur+1)%len(tags)])
	if err != nil {
		return nil
	}
	c.loc = loc
	c.keys = newKeyMap(loc)
	c.message = loc.T("ui.tui.language", "Name", loc.Name())
	m.rebuild()
	return m.detail.prerender()
}
