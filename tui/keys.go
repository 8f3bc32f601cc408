package tui

import (
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/charmbracelet/bubbles/key"
)

// keyMap is every key of the walk, declared once: the sub-models match on
// it and the help line shows it. The prompts' keys are here too, so that
// the help line names them while a prompt is up.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextOpen, PrevOpen                      key.Binding
	Met, Unmet, NA, Clear, Edit             key.Binding
	Accept, AcceptAll, Undo, Redo           key.Binding
	NextLevel, PrevLevel, Series            key.Binding
	Filter, FilterMode, ClearFilter         key.Binding
	Detail, DetailDown, DetailUp, Back      key.Binding
	Open, Language, Help, Quit, Suspend     key.Binding
	Retry, Remove                           key.Binding

	// While searching.
	SearchKeep, SearchClear key.Binding
	// While the full help is shown.
	HelpScroll, HelpClose key.Binding
	// In the edit form, besides huh's own keys.
	FormCancel, FormQuit key.Binding

	// The prompts' answers.
	SaveQuit, QuitUnsaved, Stay key.Binding // unsaved changes on quit
	DropForm, BackToForm        key.Binding // quitting with the form open
	Reload, KeepMine, Later     key.Binding // the file changed on disk
	AcceptYes, AcceptNo         key.Binding // accept every proposal
}

// keyNames are the keys whose names the user's language gives
// (ui.tui.key_names): « Entrée » and « Échap » in French.
var keyNames = map[string]string{"enter": "enter", "esc": "esc", "tab": "tab", "shift": "shift", "ctrl": "ctrl", "alt": "alt",
	"home": "home", "end": "end", "pgup": "pgup", "pgdown": "pgdown", "pgdn": "pgdown"}

// keyLabel is a key's label in the help as the user's language names the
// keys: "enter/e" shows « Entrée/e » in French, "alt+enter / ctrl+j"
// « Alt+Entrée / Ctrl+j ». Letters, arrows and signs stay as they are
// typed. Only what is shown changes: the bindings keep bubbletea's names.
func keyLabel(loc *i18n.Locale, label string) string {
	var b strings.Builder
	word := func(w string) {
		for i, part := range strings.Split(w, "+") {
			if i > 0 {
				b.WriteString("+")
			}
			if k, ok := keyNames[part]; ok {
				part = loc.T("ui.tui.key_names." + k)
			}
			b.WriteString(part)
		}
	}
	start := 0
	for i, r := range label {
		if r == '/' || r == ' ' {
			word(label[start:i])
			b.WriteRune(r)
			start = i + 1
		}
	}
	word(label[start:])
	return b.String()
}

// newKeyMap builds the keys with help texts in the user's language.
func newKeyMap(loc *i18n.Locale) keyMap {
	// labels shows keys the way they are printed on keyboards.
	labels := map[string]string{"up": "↑/k", "down": "↓/j", "home": "home/g", "end": "end/G", "v": "v/→", "q": "q/ctrl+c", "enter": "enter/e"}
	b := func(help string, keys ...string) key.Binding {
		label := keys[0]
		if l, ok := labels[label]; ok {
			label = l
		}
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(loc, label), loc.T("ui.tui.keys."+help)))
	}
	// p is a prompt's key: shown as typed, for example "y/s".
	p := func(label, help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(loc, label), loc.T("ui.tui.prompt.keys."+help)))
	}
	return keyMap{
		Up:          b("up", "up", "k"),
		Down:        b("down", "down", "j"),
		PageUp:      b("page_up", "pgup"),
		PageDown:    b("page_down", "pgdown"),
		Top:         b("top", "home", "g"),
		Bottom:      b("bottom", "end", "G"),
		NextOpen:    b("next_open", "tab"),
		PrevOpen:    b("prev_open", "shift+tab"),
		Met:         b("met", "m"),
		Unmet:       b("unmet", "u"),
		NA:          b("na", "n"),
		Clear:       b("clear", "x"),
		Edit:        b("edit", "enter", "e"),
		Accept:      b("accept", "p"),
		AcceptAll:   b("accept_all", "P"),
		Undo:        b("undo", "z"),
		Redo:        b("redo", "Z"),
		NextLevel:   b("next_level", "]"),
		PrevLevel:   b("prev_level", "["),
		Series:      b("series", "b"),
		Filter:      b("filter", "/"),
		FilterMode:  b("filter_mode", "f"),
		ClearFilter: b("clear_filter", "esc"),
		Detail:      b("detail", "v", "right"),
		DetailDown:  b("detail_down", "ctrl+d"),
		DetailUp:    b("detail_up", "ctrl+u"),
		Back:        b("back", "esc", "left"),
		Open:        b("open", "o"),
		Language:    b("language", "L"),
		Help:        b("help", "?"),
		Quit:        b("quit", "q", "ctrl+c"),
		Suspend:     b("suspend", "ctrl+z"),
		Retry:       b("retry", "s"),
		Remove:      b("remove", "x"),

		SearchKeep:  b("search_keep", "enter", "up", "down"),
		SearchClear: b("search_clear", "esc"),
		HelpScroll:  key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown"), key.WithHelp("↑/↓", loc.T("ui.tui.keys.scroll"))),
		HelpClose:   key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp(keyLabel(loc, "?/esc"), loc.T("ui.tui.keys.close"))),
		FormCancel:  b("form_cancel", "esc"),
		FormQuit:    b("quit", "ctrl+c"),

		SaveQuit:    p("y/s", "save_quit", "y", "s"),
		QuitUnsaved: p("n", "quit_unsaved", "n", "q", "ctrl+c"),
		Stay:        p("esc", "stay", "esc"),
		DropForm:    p("y", "drop_form", "y", "ctrl+c"),
		BackToForm:  p("n/esc", "back_to_form", "n", "esc"),
		Reload:      p("r", "reload", "r"),
		KeepMine:    p("k", "keep_mine", "k"),
		Later:       p("esc", "later", "esc"),
		AcceptYes:   p("y", "accept", "y"),
		AcceptNo:    p("n/esc", "decline", "n", "esc"),
	}
}

// FullHelp is the ? screen, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextOpen, k.PrevOpen},
		{k.Met, k.Unmet, k.NA, k.Clear, k.Edit, k.Accept, k.AcceptAll, k.Undo, k.Redo},
		{k.NextLevel, k.PrevLevel, k.Series, k.Filter, k.FilterMode, k.ClearFilter},
		{k.Detail, k.DetailDown, k.DetailUp, k.Open, k.Language, k.Help, k.Suspend, k.Quit},
	}
}
