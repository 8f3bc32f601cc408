package tui

import (
	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
)

// The walk's changes to answers: each records the change in the file,
// rescores, and returns the save.

// safeError is an error's text, safe for the terminal.
func safeError(err error) string { return safetext.Line(err.Error()) }

func (m *Model) blockedReadOnly() bool {
	c := m.c
	if c.opts.ReadOnly != "" {
		c.message = c.loc.T("ui.tui.read_only", "Reason", c.opts.ReadOnly)
		return true
	}
	return false
}

// setStatus answers the selected criterion with one key, keeping its
// justification.
func (m *Model) setStatus(s model.Status) tea.Cmd {
	c := m.c
	es, ok := m.list.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	if es.Entry.Automatic() {
		c.message = c.loc.T("ui.result.automatic", "Level", c.levelName(criteria.PrerequisiteOf(es.Entry.ID)))
		return nil
	}
	if s == model.NA && !m.allowsNA(es.Entry.ID) {
		c.message = c.loc.T("ui.tui.detail.na_not_allowed")
		return nil
	}
	a := c.file.Answers[es.Entry.ID]
	a.Status = s
	return m.change(es.Entry.ID, a)
}

// allowsNA: one answer serves every level of an id, so N/A must be allowed
// at each of them.
func (m *Model) allowsNA(id string) bool {
	for _, e := range m.c.cat.EntriesFor(id) {
		if !e.NAAllowed {
			return false
		}
	}
	return true
}

// change records an answer and saves it.
func (m *Model) change(id string, a model.Answer) tea.Cmd {
	m.c.file.Set(id, model.Answer{Status: a.Status, Justification: a.Justification})
	m.rescore()
	return m.save.save(false)
}

func (m *Model) acceptProposal() tea.Cmd {
	c := m.c
	es, ok := m.list.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	p, has := c.proposal(es)
	if !has {
		c.message = c.loc.T("ui.tui.no_proposal")
		return nil
	}
	c.file.Accept(p)
	m.rescore()
	return m.save.save(false)
}

// askAcceptAll asks before accepting every open proposal.
func (m *Model) askAcceptAll() {
	c := m.c
	if m.blockedReadOnly() {
		return
	}
	if len(c.proposals.Open(c.file.Answers)) > 0 {
		m.prompt.ask(promptAcceptAll)
	} else {
		c.message = c.loc.T("ui.tui.no_proposals")
	}
}

func (m *Model) acceptAll() tea.Cmd {
	c := m.c
	n := 0
	for _, pr := range c.proposals.Open(c.file.Answers) {
		if c.file.Accept(pr) {
			n++
		}
	}
	c.message = c.loc.T("ui.tui.accepted_all", "Count", n)
	m.rescore()
	return m.save.save(false)
}

func (m *Model) openForm() tea.Cmd {
	c := m.c
	es, ok := m.list.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	if es.Entry.Automatic() {
		c.message = c.loc.T("ui.result.automatic", "Level", c.levelName(criteria.PrerequisiteOf(es.Entry.ID)))
		return nil
	}
	return m.form.open(es)
}

func (m *Model) submitForm() tea.Cmd {
	id, a, ok := m.form.submitted()
	if !ok {
		return nil
	}
	cmd := m.change(id, a)
	m.list.jumpOpen(1)
	m.showCurrent()
	return cmd
}
