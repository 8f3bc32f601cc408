package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// promptKind is a question waiting in the status line.
type promptKind int

const (
	noPrompt promptKind = iota
	promptQuit
	promptConflict
	promptAcceptAll
)

// choice is what the user answered to a prompt.
type choice int

const (
	chooseNothing choice = iota // the key was not an answer
	chooseDismiss               // esc: no decision
	chooseSaveAndQuit
	chooseQuitUnsaved
	chooseReload
	chooseKeepMine
	chooseAcceptAll
	chooseDeclineAll
)

// promptModel is the question in the status line and its keys.
type promptModel struct {
	c    *common
	kind promptKind
}

func (p *promptModel) active() bool         { return p.kind != noPrompt }
func (p *promptModel) ask(k promptKind)     { p.kind = k }
func (p *promptModel) is(k promptKind) bool { return p.kind == k }

// key turns a key into the user's choice; the prompt closes on a choice.
func (p *promptModel) key(msg tea.KeyMsg) choice {
	k := msg.String()
	ch := chooseNothing
	if k == "esc" {
		ch = chooseDismiss
	}
	switch p.kind {
	case promptQuit:
		switch k {
		case "y", "s":
			ch = chooseSaveAndQuit
		case "n", "q":
			ch = chooseQuitUnsaved
		}
	case promptConflict:
		switch k {
		case "r":
			ch = chooseReload
		case "k":
			ch = chooseKeepMine
		}
	case promptAcceptAll:
		switch k {
		case "y":
			ch = chooseAcceptAll
		case "n":
			ch = chooseDeclineAll
		}
	}
	if ch != chooseNothing {
		p.kind = noPrompt
	}
	return ch
}

// view is the question, on the status line.
func (p *promptModel) view() string {
	c := p.c
	switch p.kind {
	case promptQuit:
		return c.st.Banner.Render(c.loc.T("ui.tui.prompt.quit"))
	case promptConflict:
		return c.st.Banner.Render(c.loc.T("ui.tui.prompt.conflict"))
	case promptAcceptAll:
		return c.st.Banner.Render(c.loc.T("ui.tui.prompt.accept_all", "Count", len(c.proposals.Open(c.file.Answers))))
	}
	return ""
}
