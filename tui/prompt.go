package tui

import (
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// promptKind is a question waiting in the status line.
type promptKind int

const (
	noPrompt        promptKind = iota
	promptQuit                 // unsaved answers on quit
	promptQuitForm             // quitting with the edit form open
	promptConflict             // the file changed on disk
	promptAcceptAll            // accept every open proposal
)

// choice is what the user answered to a prompt.
type choice int

const (
	chooseNothing choice = iota // the key is not an answer: it does its usual work
	chooseDismiss               // no decision (esc, or another key)
	chooseSaveAndQuit
	chooseQuitUnsaved
	chooseDropForm
	chooseReload
	chooseKeepMine
	chooseLater
	chooseAcceptAll
)

// promptModel is the question in the status line; the help line shows its
// keys. A prompt never swallows a key: a key that is not one of its
// answers closes a question about quitting or accepting (and then does its
// usual work), while the question about the file changed on disk stays up
// until it is answered, since saving waits for that answer.
type promptModel struct {
	c    *common
	kind promptKind
	// For promptAcceptAll: how many proposals, how many say Unmet, and how
	// many weak ones are left out.
	count, unmet, weak int
	// For promptConflict: what took the file's place when it is no longer
	// a regular file (a pipe, a device): keeping mine cannot write there.
	replaced regfile.Kind
}

func (p *promptModel) active() bool         { return p.kind != noPrompt }
func (p *promptModel) is(k promptKind) bool { return p.kind == k }
func (p *promptModel) ask(k promptKind)     { p.kind = k }

// askAcceptAll asks about accepting ps, saying how many are Unmet (and how
// many weak ones are left for one at a time).
func (p *promptModel) askAcceptAll(ps []model.Proposal, weak int) {
	p.kind, p.count, p.unmet, p.weak = promptAcceptAll, len(ps), 0, weak
	for _, pr := range ps {
		if pr.Status == model.Unmet {
			p.unmet++
		}
	}
}

// key turns a key into the user's choice.
func (p *promptModel) key(msg tea.KeyMsg) choice {
	k := p.c.keys
	ch := chooseNothing
	switch p.kind {
	case promptQuit:
		switch {
		case key.Matches(msg, k.SaveQuit):
			ch = chooseSaveAndQuit
		case key.Matches(msg, k.QuitUnsaved):
			ch = chooseQuitUnsaved
		default:
			ch = chooseDismiss
		}
	case promptQuitForm:
		switch {
		case key.Matches(msg, k.DropForm):
			ch = chooseDropForm
		default:
			ch = chooseDismiss // back to the form; the key is not typed into it
		}
	case promptConflict:
		switch {
		case key.Matches(msg, k.Reload):
			ch = chooseReload
		case key.Matches(msg, k.KeepMine) && p.replaced == "":
			ch = chooseKeepMine
		case key.Matches(msg, k.Later):
			ch = chooseLater
		}
	case promptAcceptAll:
		switch {
		case key.Matches(msg, k.AcceptYes):
			ch = chooseAcceptAll
		default:
			ch = chooseDismiss
		}
	}
	if ch != chooseNothing {
		p.kind = noPrompt
	}
	return ch
}

// swallows reports whether a dismissing key ends there rather than doing
// its usual work: esc, and any key that closes the question over the form
// (it is not typed into the justification).
func (p *promptModel) swallows(msg tea.KeyMsg, was promptKind) bool {
	return msg.String() == "esc" || was == promptQuitForm || was == promptAcceptAll && key.Matches(msg, p.c.keys.AcceptNo)
}

// text is the question, for the status line.
func (p *promptModel) text() string {
	c := p.c
	switch p.kind {
	case promptQuit:
		return c.loc.T("ui.tui.prompt.unsaved")
	case promptQuitForm:
		return c.loc.T("ui.tui.prompt.drop_form")
	case promptConflict:
		if p.replaced != "" {
			return c.loc.T("ui.tui.prompt.replaced", "What", model.NotRegularMsg(p.replaced).In(c.loc))
		}
		return c.loc.T("ui.tui.prompt.changed")
	case promptAcceptAll:
		if p.unmet > 0 {
			return c.loc.T("ui.tui.prompt.accept_unmet", "Count", p.count, "Unmet", p.unmet)
		}
		return c.loc.T("ui.tui.prompt.accept", "Count", p.count)
	}
	return ""
}

// keys are the prompt's answers, for the help line.
func (p *promptModel) keys() []key.Binding {
	k := p.c.keys
	switch p.kind {
	case promptQuit:
		return []key.Binding{k.SaveQuit, k.QuitUnsaved, k.Stay}
	case promptQuitForm:
		return []key.Binding{k.DropForm, k.BackToForm}
	case promptConflict:
		reload := k.Reload
		if p.c.file.Dirty() {
			reload.SetHelp(reload.Help().Key, p.c.loc.T("ui.tui.prompt.keys.reload_dropping"))
		}
		if p.replaced != "" { // nothing can be written there
			return []key.Binding{reload, k.Later}
		}
		return []key.Binding{reload, k.KeepMine, k.Later}
	case promptAcceptAll:
		out := []key.Binding{k.AcceptYes, k.AcceptNo}
		if p.weak > 0 { // the weak ones wait for p, one at a time, after reading
			weak := key.NewBinding(key.WithKeys(k.Accept.Keys()...),
				key.WithHelp(k.Accept.Help().Key, p.c.loc.T("ui.tui.prompt.keys.weak_left", "Count", p.weak)))
			out = append(out, weak)
		}
		return out
	}
	return nil
}
