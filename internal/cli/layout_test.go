package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/textwidth"
)

// germanDraft is a locale file with long German words: level names,
// keywords and titles wider than any English one.
const germanDraft = "meta:\n  tag: de\n  name: Deutsch\nui:\n  level:\n    passing: Grundstufe\n    silver: Silberstufe\n    gold: Goldstufe\n" +
	"  category:\n    MUST: MUSS\n    SHOULD: SOLLTE\n    SUGGESTED: EMPFOHLEN\n" +
	"criteria:\n  passing:\n    vulnerability_report_process:\n      title: Veröffentlichtes Schwachstellenmeldeverfahrensdokumentationsverzeichnis\n" +
	"    description_good:\n      title: Beschreibt, was die Software tut, in verständlichen Worten für Neulinge\n"

func runWidth(t *testing.T, dir string, columns int, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	env := &environ.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }, Columns: columns}
	if code := Run(env, UI{}, args); code != ExitOK {
		t.Fatalf("%v: code %d: %s", args, code, errb.String())
	}
	return out.String()
}

// status and criteria at the widths of the issue, in English, French,
// Japanese and a German draft: no line wider than the terminal, and the
// bars of status start in one column, counted in cells.
func TestLayoutByDisplayWidth(t *testing.T) {
	dir := writeAnswers(t, passingAnswers("description_good", "vulnerability_report_process", "interact"))
	writeFile(t, dir, "de.yaml", germanDraft)
	langs := map[string][]string{"en": {"--lang", "en"}, "fr": {"--lang", "fr"}, "ja": {"--lang", "ja"}, "de": {"--locale-file", "de.yaml"}}
	for name, flags := range langs {
		for _, width := range []int{60, 80, 120} {
			for _, cmd := range [][]string{{"status"}, {"criteria", "--level", "passing"}} {
				out := runWidth(t, dir, width, append(append([]string{}, flags...), cmd...)...)
				barCol := -1
				for _, line := range strings.Split(out, "\n") {
					if w := textwidth.Width(line); w > width {
						t.Errorf("%s %v at %d: a line of %d cells: %q", name, cmd, width, w, line)
					}
					if i := strings.IndexAny(line, "█░"); i >= 0 && cmd[0] == "status" {
						col := textwidth.Width(line[:i])
						if barCol >= 0 && col != barCol {
							t.Errorf("%s at %d: bars start in columns %d and %d:\n%s", name, width, barCol, col, out)
							break
						}
						barCol = col
					}
				}
				if cmd[0] == "status" && barCol < 0 {
					t.Errorf("%s: no bars:\n%s", name, out)
				}
			}
		}
	}
	// Japanese keywords take two cells a character: the titles still
	// start in one column.
	out := runWidth(t, dir, 120, "--lang", "ja", "criteria", "--level", "passing")
	cols := map[int]bool{}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "    ") && strings.Contains(line, "_") {
			f := strings.Fields(line)
			i := strings.Index(line, f[1]) + len(f[1])
			rest := strings.TrimLeft(line[i:], " ")
			cols[textwidth.Width(line[:len(line)-len(rest)])] = true
		}
	}
	if len(cols) != 1 {
		t.Errorf("Japanese criteria titles start in %d columns:\n%s", len(cols), out[:min(len(out), 800)])
	}
	// Piped (no width): one row per criterion, never cut.
	out = runWidth(t, dir, 0, "--locale-file", "de.yaml", "status")
	if !strings.Contains(out, "Veröffentlichtes Schwachstellenmeldeverfahrensdokumentationsverzeichnis: ") {
		t.Errorf("a long title was cut or wrapped without a terminal:\n%s", out)
	}
}

// A percentage is written as the language writes it: "4 %" in French,
// with a no-break space (ui.words.percent), in status's rows and the
// Markdown report; the rows still line up, counted in cells.
func TestPercentAsTheLanguageWritesIt(t *testing.T) {
	three := "version: 1\nanswers:\n"
	for _, id := range []string{"description_good", "interact", "contribution"} {
		three += "  " + id + ":\n    status: Met\n    justification: See https://example.org/" + id + "\n"
	}
	dir := writeAnswers(t, three)
	for _, c := range []struct{ lang, row, md, summary string }{
		{"en", `\d+%  \d+/\d+$`, "| 4% |", "passing: 4% (3/67)"},
		{"fr", `\d+\x{a0}%  \d+/\d+$`, "| 4\u00a0% |", "basique\u00a0: 4\u00a0% (3/67)"},
		{"ja", `\d+%  \d+/\d+$`, "| 4% |", "合格：4%（3/67）"},
	} {
		row := regexp.MustCompile(c.row)
		for _, width := range []int{60, 80, 120} {
			out := runWidth(t, dir, width, "--lang", c.lang, "status")
			pctCol, rows := -1, 0
			for _, line := range strings.Split(out, "\n") {
				if !strings.ContainsAny(line, "█░") {
					continue
				}
				rows++
				if !row.MatchString(line) {
					t.Errorf("%s at %d: %q", c.lang, width, line)
				}
				col := textwidth.Width(line[:strings.Index(line, "%")])
				if pctCol >= 0 && col != pctCol {
					t.Errorf("%s at %d: %% signs in columns %d and %d:\n%s", c.lang, width, pctCol, col, out)
				}
				pctCol = col
			}
			if rows < 6 {
				t.Errorf("%s at %d: %d rows:\n%s", c.lang, width, rows, out)
			}
		}
		out := runWidth(t, dir, 0, "--lang", c.lang, "status", "--format", "markdown")
		if !strings.Contains(out, c.md) || !strings.Contains(out, "<summary>"+c.summary+"</summary>") {
			t.Errorf("%s markdown lacks %q or %q:\n%s", c.lang, c.md, c.summary, out[:min(len(out), 600)])
		}
	}
}
