package i18ntool

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// A translator's file with comments of their own beside texts and plural
// forms, spaced as they like them (shaped like the auditor's German file).
const commentedDE = "meta:\n  tag: de\n  name: Deutsch\nui:\n" +
	"  level:\n    gold: Gold    # Farbe, nicht Metall\n" +
	"  status:\n    met: Erfüllt  # Absicht\n    unmet: Nicht erfüllt # eng\n" +
	"  tui:\n    problems:\n" +
	"      one: \"{{.Count}} Antwort in der Datei hat ein Problem (mit ! markiert); siehe Detailansicht.\"  # mein Kommentar\n" +
	"      # über der Mehrzahl\n" +
	"      other: \"{{.Count}} Antworten in der Datei haben Probleme (mit ! markiert); siehe Detailansichten.\" # zweiter\n"

// commentLinesOf lists the lines of data that hold a comment of the
// translator's ("#" not followed by one of our marks).
func ownCommentLines(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		if i := strings.Index(l, "# "); i >= 0 && !isOurs(strings.TrimSpace(l)) {
			out = append(out, l)
		}
	}
	return out
}

// i18n update leaves the lines it need not change as they were, byte for
// byte: the spaces before a comment are the translator's.
func TestUpdateKeepsCommentSpacing(t *testing.T) {
	up, err := Update("de.yaml", []byte(commentedDE), "sources")
	if err != nil {
		t.Fatal(err)
	}
	out := string(up.Data)
	for _, l := range ownCommentLines(commentedDE) {
		if !strings.Contains(out, l+"\n") {
			t.Errorf("update changed the line %q", l)
		}
	}
	// And again: the file it wrote comes back as it is.
	again, err := Update("de.yaml", up.Data, "sources")
	if err != nil {
		t.Fatal(err)
	}
	if string(again.Data) != out {
		t.Errorf("a second update changed the file:\n%s", first(changedLines(t, up.Data, again.Data), 6))
	}
}

// i18n import-po changes a text and keeps the comments around it: beside
// a plural form (with its spacing), above one, beside a plain text.
func TestImportPOKeepsCommentsOnChangedTexts(t *testing.T) {
	po := "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" +
		"msgctxt \"ui.tui.problems\"\n" +
		"msgid \"{{.Count}} answer in the file has a problem (marked !); see its detail.\"\n" +
		"msgid_plural \"{{.Count}} answers in the file have problems (marked !); see their details.\"\n" +
		"msgstr[0] \"{{.Count}} Antwort hat ein Problem.\"\n" +
		"msgstr[1] \"{{.Count}} Antworten haben Probleme.\"\n\n" +
		"msgctxt \"ui.status.met\"\nmsgid \"Met\"\nmsgstr \"Ja\"\n"
	res, err := ImportPO("de.yaml", []byte(commentedDE), "de.po", []byte(po), language.German, "sources")
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.Data)
	for _, want := range []string{
		"      one: \"{{.Count}} Antwort hat ein Problem.\"  # mein Kommentar\n",
		"      # über der Mehrzahl\n      other: \"{{.Count}} Antworten haben Probleme.\" # zweiter\n",
		"    met: Ja  # Absicht\n",
		"    gold: Gold    # Farbe, nicht Metall\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import-po lost a comment or its spacing: want %q in\n%s", want, out[:min(len(out), 1500)])
		}
	}
}

// No translators' note says a thing twice ("one line, cut at the
// terminal's width; one line"): each part of every key's note, as i18n
// new and update write it, is said once.
func TestNotesSayEachThingOnce(t *testing.T) {
	for _, k := range EnglishKeys() {
		note := noteComment(k)
		seen := map[string]bool{}
		for _, part := range strings.FieldsFunc(strings.TrimPrefix(note, markNote), func(r rune) bool { return r == ';' || r == ',' || r == ':' }) {
			part = strings.TrimSpace(part)
			if seen[part] {
				t.Errorf("%s: the note says %q twice: %s", k, part, note)
			}
			seen[part] = true
		}
		if strings.Count(note, "one line") > 1 || strings.Count(note, "cells") > 1 {
			t.Errorf("%s: the note repeats itself: %s", k, note)
		}
	}
}
