package tui

import (
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/charmbracelet/bubbles/key"
)

// keyMap is every key of the walk, declared once: Update matches on it and
// the help bar shows it.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextOpen, PrevOpen                      key.Binding
	Met, Unmet, NA, Clear, Edit             key.Binding
	Accept, AcceptAll                       key.Binding
	NextLevel, PrevLevel, Series            key.Binding
	Filter, FilterMode, ClearFilter         key.Binding
	Detail, DetailDown, DetailUp            key.Binding
	Language, Help, Quit, Suspend           key.Binding
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
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, loc.T("ui.tui.keys."+help)))
	}
	km := keyMap{
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
		NextLevel:   b("next_level", "]"),
		PrevLevel:   b("prev_level", "["),
		Series:      b("series", "b"),
		Filter:      b("filter", "/"),
		FilterMode:  b("filter_mode", "f"),
		ClearFilter: b("clear_filter", "esc"),
		Detail:      b("detail", "v", "right"),
		DetailDown:  b("detail_down", "ctrl+d"),
		DetailUp:    b("detail_up", "ctrl+u"),
		Language:    b("language", "L"),
		Help:        b("help", "?"),
		Quit:        b("quit", "q", "ctrl+c"),
		Suspend:     b("suspend", "ctrl+z"),
	}
	return km
}

// ShortHelp is the one-line help bar.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Met, k.Unmet, k.NA, k.Edit, k.NextOpen, k.NextLevel, k.Filter, k.Help, k.Quit}
}

// FullHelp is the ? screen, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextOpen, k.PrevOpen},
		{k.Met, k.Unmet, k.NA, k.Clear, k.Edit, k.Accept, k.AcceptAll},
		{k.NextLevel, k.PrevLevel, k.Series, k.Filter, k.FilterMode, k.ClearFilter},
		{k.Detail, k.DetailDown, k.DetailUp, k.Language, k.Help, k.Suspend, k.Quit},
	}
}
