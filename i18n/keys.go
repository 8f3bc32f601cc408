package i18n

import "strings"

// KeyInfo is what a translator needs to know about a key beyond its
// English text, and what the program relies on.
type KeyInfo struct {
	// OneLine: the text is shown on one line (a label, a table cell, the
	// walk's status line). A line break in it is an error for i18n check,
	// and at run time the English text is shown instead.
	OneLine bool
	// Width is the most terminal cells the text should take (0: no limit).
	// i18n check warns past it; the layout still measures the real width.
	Width int
	// Note says where the text appears; i18n new and update write it as
	// a comment above the key.
	Note string
}

// keyInfo is the one place that says which texts are shown on one line,
// and what translators are told about them. A pattern is a key, or a key
// with * for one segment, or ending in .** for everything below. The first
// pattern that matches gives the KeyInfo.
var keyInfo = []struct {
	pattern string
	info    KeyInfo
}{
	{"meta.name", KeyInfo{true, 20, "the language's own name, shown when the walk switches language"}},
	{"ui.level.*", KeyInfo{true, 14, "a level's name: status table, the walk's header and list, messages (\"silver achieved\")"}},
	{"ui.badge_level.*", KeyInfo{true, 16, "the badge earned so far, after \"Badge:\" in status"}},
	{"ui.status.*", KeyInfo{true, 14, "an answer as shown (the file keeps Met, Unmet, N/A): the form's choices, the detail pane, tables"}},
	{"ui.category.*", KeyInfo{true, 10, "a criterion's keyword in the list and tables; keep it as strong as the English"}},
	{"ui.result.*", KeyInfo{true, 0, "why an answer does not count, at the end of a row of status"}},
	{"ui.report.*", KeyInfo{true, 0, "a heading or cell of the Markdown report (status --format markdown)"}},
	{"ui.words.**", KeyInfo{true, 16, "a word used inside other texts and tables; see the glossary of your language"}},
	{"ui.tui.keys.*", KeyInfo{true, 24, "what a key does, in the walk's help line (after the key's name)"}},
	{"ui.tui.key_names.*", KeyInfo{true, 8, "a key's name as keyboards of your language print it, in the help line (enter/e, ctrl+d)"}},
	{"ui.tui.form.keys.*", KeyInfo{true, 20, "what a key does in the answer form's help line"}},
	{"ui.tui.filter.*", KeyInfo{true, 24, "the list's filter, after the level name in the list heading"}},
	{"ui.tui.detail.*", KeyInfo{true, 0, "a heading or line of the detail pane"}},
	{"ui.tui.accessible.*", KeyInfo{true, 0, "a line of the --accessible prompts (read aloud by screen readers)"}},
	{"ui.prompt.*", KeyInfo{true, 0, "a question of the --accessible prompts (read aloud by screen readers)"}},
	{"ui.tui.review.keys.*", KeyInfo{true, 24, "what a key does, in the import review's help line (after the key's name)"}},
	{"ui.tui.review.prompt.keys.*", KeyInfo{true, 24, "an answer to the import review's question, in its help line"}},
	{"ui.tui.review.**", KeyInfo{true, 0, "a line of the import review (import in a terminal, when answers differ); cut at the terminal's width"}},
	{"ui.tui.prompt.**", KeyInfo{true, 0, "a question on the walk's status line; cut at the terminal's width, so the keys come early"}},
	{"ui.tui.**", KeyInfo{true, 0, "the walk's status line or a label, cut at the terminal's width"}},
	{"ui.cli.status.blocker", KeyInfo{true, 0, "a row of status: what does not count yet, and why"}},
	{"ui.cli.status.header", KeyInfo{true, 0, "the first line of status"}},
	{"ui.detect.source", KeyInfo{true, 0, "where a proposal comes from, beside it in the walk's detail pane"}},
	{"ui.carry.source", KeyInfo{true, 0, "where a proposal comes from, beside it in the walk's detail pane"}},
	{"ui.i18ncmd.severity.*", KeyInfo{true, 0, "error, warning or info, in i18n check's file:line: lines"}},
	{"sections.*", KeyInfo{true, 0, "a section of the criteria: list headings (\"Basics / FLOSS license\") and criteria"}},
	{"criteria.*.*.title", KeyInfo{OneLine: true}}, // the note is the group's, below
}

// groupNotes are notes that hold for every text of a group, written once
// above the group.
var groupNotes = map[string]string{
	"criteria": "Each criterion has a title (one line: a row of the walk's list, cut to the width left), " +
		"a requirement and guidance (Markdown, in the detail pane). Keep MUST, SHOULD and SUGGESTED " +
		"as your glossary writes them, links as [text](URL), and code in backticks.",
}

// GroupNote is the note for every text under group ("criteria"), if any.
func GroupNote(group string) string { return groupNotes[group] }

// Info returns what is known about key's text.
func Info(key string) KeyInfo {
	for _, k := range keyInfo {
		if matchKey(k.pattern, key) {
			return k.info
		}
	}
	return KeyInfo{}
}

// KeyPatterns lists the patterns of the table, for tests.
func KeyPatterns() []string {
	out := make([]string, len(keyInfo))
	for i, k := range keyInfo {
		out[i] = k.pattern
	}
	return out
}

// MatchKey reports whether key matches a pattern of the table's form.
func MatchKey(pattern, key string) bool { return matchKey(pattern, key) }

func matchKey(pattern, key string) bool {
	// Segment by segment, without splitting: update and check ask this for
	// every key of a file against every pattern.
	if rest, ok := strings.CutSuffix(pattern, ".**"); ok {
		return len(key) > len(rest) && key[len(rest)] == '.' && strings.HasPrefix(key, rest)
	}
	for {
		p, pRest, pMore := strings.Cut(pattern, ".")
		k, kRest, kMore := strings.Cut(key, ".")
		if p != "*" && p != k || pMore != kMore {
			return false
		}
		if !pMore {
			return true
		}
		pattern, key = pRest, kRest
	}
}
