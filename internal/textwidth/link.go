package textwidth

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Hyperlinks reports whether the terminal is known to show OSC 8
// hyperlinks (a label that opens a URL when clicked). Terminals that do
// not know the sequence mostly ignore it, but some print it raw, and a
// multiplexer in between may drop it: so only those known to be safe.
func Hyperlinks(getenv func(string) string) bool {
	if getenv("NO_HYPERLINKS") != "" || getenv("TMUX") != "" || getenv("STY") != "" {
		return false
	}
	if getenv("FORCE_HYPERLINKS") != "" {
		return true
	}
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio":
		return true
	}
	switch term := getenv("TERM"); {
	case term == "xterm-kitty", term == "foot", strings.HasPrefix(term, "foot-"), term == "xterm-ghostty", term == "alacritty":
		return true
	case term == "dumb" || term == "linux":
		return false
	}
	if getenv("WT_SESSION") != "" || getenv("KONSOLE_VERSION") != "" || getenv("DOMTERM") != "" {
		return true
	}
	if v, err := strconv.Atoi(getenv("VTE_VERSION")); err == nil && v >= 5000 {
		return true // GNOME Terminal, Tilix and the other VTE terminals since 0.50
	}
	return false
}

// Link shows a link within width cells. With hyperlinks, it is the label
// as an OSC 8 link to url, on one line (the label cut to fit). Without, it
// is the label's lines and then the URL alone on a line of its own, never
// broken even when wider than width, so that it can be selected and
// copied whole. label may be empty: then the URL is the label.
//
// Only printable text goes into the sequence: a URL from a file cannot
// end it early or smuggle another one in.
func Link(label, url string, width int, hyperlinks bool) []string {
	url = cleanURL(url)
	label = strings.TrimSpace(label)
	if hyperlinks && url != "" {
		if label == "" {
			label = url
		}
		return []string{ansi.SetHyperlink(url) + Truncate(label, width) + ansi.ResetHyperlink()}
	}
	var out []string
	if label != "" && label != url {
		out = Wrap(label, width)
	}
	if url != "" {
		out = append(out, url)
	}
	return out
}

// cleanURL keeps the printable, non-space characters of a URL.
func cleanURL(u string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return -1
		}
		return r
	}, u)
}
