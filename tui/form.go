package tui

import (
	"errors"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// draft is the answer being edited. It is allocated apart from the Model
// because huh keeps pointers into it while bubbletea copies the Model.
type draft struct {
	status        string
	justification string
}

type (
	formSubmittedMsg struct{}
	formCancelledMsg struct{}
)

// formModel is the edit form of one criterion's answer. It owns every key
// while it is open (esc cancels); the top model saves what it submits.
type formModel struct {
	c     *common
	form  *huh.Form // nil when closed
	draft *draft
	entry *criteria.Entry
}

func (f *formModel) isOpen() bool { return f.form != nil }

// open starts a new form on es's answer.
func (f *formModel) open(es model.EntryScore) tea.Cmd {
	f.entry = es.Entry
	f.draft = &draft{}
	f.form = newAnswerForm(f.c.loc, es.Entry, f.c.file.Answers[es.Entry.ID], f.draft, f.c.detailWidth())
	return f.form.Init()
}

func (f *formModel) close() { f.form = nil }

// resize follows the screen size.
func (f *formModel) resize() {
	if f.form != nil {
		f.form = f.form.WithWidth(f.c.detailWidth())
	}
}

// update passes a message to the open form.
func (f *formModel) update(msg tea.Msg) tea.Cmd {
	if f.form == nil {
		return nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		f.close()
		return func() tea.Msg { return formCancelledMsg{} }
	}
	nf, cmd := f.form.Update(msg)
	if ff, ok := nf.(*huh.Form); ok {
		f.form = ff
	}
	return cmd
}

// submitted closes the form and returns the answer it holds.
func (f *formModel) submitted() (id string, a model.Answer, ok bool) {
	e := f.entry
	f.close()
	s, err := model.ParseStatus(f.draft.status)
	if err != nil || e == nil {
		return "", model.Answer{}, false
	}
	return e.ID, model.Answer{Status: s, Justification: strings.TrimSpace(f.draft.justification)}, true
}

func (f *formModel) view(w, h int) []string {
	return fitLines(strings.Split(f.form.View(), "\n"), w, h)
}

// newAnswerForm builds the edit form for e: a status choice (N/A only where
// the badge allows it) and the justification, checked as the user types
// against what the badge will require. A huh form cannot be reused once
// submitted, so every edit gets a new one.
func newAnswerForm(loc *i18n.Locale, e *criteria.Entry, a model.Answer, d *draft, width int) *huh.Form {
	d.status = a.Status.String()
	if a.Status == model.Unknown {
		d.status = model.Met.String() // the usual answer; one key away from the others
	}
	d.justification = a.Justification
	opts := []huh.Option[string]{
		huh.NewOption(loc.T("ui.status.met"), model.Met.String()),
		huh.NewOption(loc.T("ui.status.unmet"), model.Unmet.String()),
	}
	if e.NAAllowed {
		opts = append(opts, huh.NewOption(loc.T("ui.status.na"), model.NA.String()))
	}
	opts = append(opts, huh.NewOption(loc.T("ui.status.unknown"), model.Unknown.String()))
	status := huh.NewSelect[string]().
		Title(loc.T("ui.tui.form.status", "Title", loc.Criterion(e.Level, e.ID).Title)).
		Options(opts...).
		Value(&d.status)
	just := huh.NewText().
		Title(loc.T("ui.tui.form.justification")).
		DescriptionFunc(func() string { return requirementHint(loc, e, d.status) }, &d.status).
		Lines(5).
		CharLimit(model.MaxJustification).
		ExternalEditor(false).
		Value(&d.justification).
		Validate(func(j string) error { return validateAnswer(loc, e, d.status, j) })
	f := huh.NewForm(huh.NewGroup(status, just)).
		WithShowHelp(true).
		WithKeyMap(formKeyMap(loc)).
		WithWidth(width)
	f.SubmitCmd = func() tea.Msg { return formSubmittedMsg{} }
	f.CancelCmd = func() tea.Msg { return formCancelledMsg{} }
	return f
}

// formKeyMap is huh's own keys with their help in the user's language.
func formKeyMap(loc *i18n.Locale) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	t := func(k string) string { return loc.T("ui.tui.form.keys." + k) }
	km.Select.Up.SetHelp("↑", t("up"))
	km.Select.Down.SetHelp("↓", t("down"))
	km.Select.Filter.SetHelp("/", t("filter"))
	km.Select.SetFilter.SetHelp("esc", t("set_filter"))
	km.Select.ClearFilter.SetHelp("esc", t("clear_filter"))
	km.Select.Next.SetHelp("enter", t("next"))
	km.Select.Prev.SetHelp("shift+tab", t("back"))
	km.Select.Submit.SetHelp("enter", t("submit"))
	km.Select.HalfPageUp.SetHelp("ctrl+u", t("half_page_up"))
	km.Select.HalfPageDown.SetHelp("ctrl+d", t("half_page_down"))
	km.Select.GotoTop.SetHelp("g/home", t("top"))
	km.Select.GotoBottom.SetHelp("G/end", t("bottom"))
	km.Text.Next.SetHelp("enter", t("next"))
	km.Text.Prev.SetHelp("shift+tab", t("back"))
	km.Text.Submit.SetHelp("enter", t("submit"))
	km.Text.NewLine.SetHelp("alt+enter / ctrl+j", t("new_line"))
	km.Text.Editor.SetHelp("ctrl+e", t("editor"))
	return km
}

// requirementHint says what the chosen status needs to count.
func requirementHint(loc *i18n.Locale, e *criteria.Entry, status string) string {
	s, _ := model.ParseStatus(status)
	switch s {
	case model.Met:
		if e.MetURLRequired {
			return loc.T("ui.tui.detail.met_url")
		}
		if e.MetJustificationRequired {
			return loc.T("ui.tui.detail.met_justification")
		}
	case model.NA:
		if e.NAJustificationRequired {
			return loc.T("ui.tui.detail.na_justification")
		}
	case model.Unmet:
		if e.Category == criteria.Should {
			return loc.T("ui.tui.detail.unmet_should")
		}
	}
	return loc.T("ui.tui.form.optional")
}

// validateAnswer accepts what will count on the badge site, plus an honest
// Unmet for a MUST and leaving the criterion unanswered.
func validateAnswer(loc *i18n.Locale, e *criteria.Entry, status, j string) error {
	s, err := model.ParseStatus(status)
	if err != nil {
		return err
	}
	if utf8Len(j) > model.MaxJustification {
		return errors.New(loc.T("ui.tui.form.too_long", "Max", model.MaxJustification))
	}
	switch model.Judge(e, model.Answer{Status: s, Justification: j}) {
	case model.ResultURLRequired:
		return errors.New(loc.T("ui.result.url_required"))
	case model.ResultJustificationRequired:
		return errors.New(loc.T("ui.result.justification_required"))
	case model.ResultInvalid:
		return errors.New(loc.T("ui.tui.detail.na_not_allowed"))
	}
	return nil
}

func utf8Len(s string) int { return len([]rune(s)) }
