package tui

import (
	"encoding/base64"
	"errors"

	tea "github.com/charmbracelet/bubbletea"
)

// pageShownMsg reports how the official page's link reached the user.
type pageShownMsg struct {
	url    string
	how    string // "opened", "copied" or "" (neither: the link is shown)
	reason string // why neither worked
}

// errNoOpener: nothing here can open a browser (no opener, a remote session).
var errNoOpener = errors.New("no browser opener")

// openPage opens url in the browser, or copies it to the clipboard where
// no browser can be opened, in a tea.Cmd. The walk's options say how (the
// real program runs xdg-open or open, and writes OSC 52 to the terminal;
// tests record the calls).
func (m *Model) openPage(url string) tea.Cmd {
	open, clip := m.c.opts.OpenURL, m.c.opts.Copy
	return func() tea.Msg {
		var err error
		if open != nil {
			if err = open(url); err == nil {
				return pageShownMsg{url: url, how: "opened"}
			}
		}
		if clip != nil {
			if cerr := clip(url); cerr == nil {
				return pageShownMsg{url: url, how: "copied"}
			} else if err == nil || errors.Is(err, errNoOpener) {
				err = cerr
			}
		}
		if err == nil {
			err = errNoOpener
		}
		return pageShownMsg{url: url, reason: err.Error()}
	}
}

// osc52 is the terminal sequence that puts text on the clipboard, where
// the terminal allows it (also over SSH).
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}
