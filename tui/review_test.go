package tui

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// longTest is a justification longer than any screen shows at once.
var longTest = strings.Repeat("The suite runs with go test and covers the decoders, the parser and the error paths. ", 30) + "END-OF-TEST-JUSTIFICATION"

// reviewMerge is an import with four conflicts, in catalog order:
// interact and contribution (a person's answer on both sides: ours kept),
// repo_distributed (ours is detect's text: theirs taken, with a hostile
// escape in it), test (a long justification on their side). The project
// name differs, and one answer is added.
func reviewMerge(t *testing.T) *site.Merge {
	t.Helper()
	cat := criteria.Default()
	have := model.Answers{
		"interact":         {Status: model.Met, Justification: "The README says how to get it."},
		"contribution":     {Status: model.Met, Justification: "Pull requests welcome."},
		"test":             {Status: model.Unmet, Justification: "No tests yet."},
		"repo_distributed": {Status: model.Met, Justification: i18n.English().T("ui.detect.j.repo_distributed")},
	}
	json := `{"name": "Their name",
 "interact_status": "Unmet", "interact_justification": "No page on getting the software.",
 "contribution_status": "Unmet", "contribution_justification": "Nothing written down.",
 "test_status": "Met", "test_justification": "` + longTest + `",
 "repo_distributed_status": "Unmet", "repo_distributed_justification": "A central server. \u001b[2J\u001b]52;c;aGk=\u0007Gone?",
 "description_good_status": "Met", "description_good_justification": "The README's first line."}`
	in, err := site.Parse("theirs.json", []byte(json), cat)
	if err != nil {
		t.Fatal(err)
	}
	m := site.MergeAnswers(cat, have, model.Project{Name: "ours"}, in, site.MergeOptions{Machine: site.NewMachineText()})
	if len(m.Conflicts) != 4 {
		t.Fatalf("%d conflicts", len(m.Conflicts))
	}
	return m
}

type reviewDriver struct {
	t    *testing.T
	r    *reviewModel
	quit bool
}

func newReviewDriver(t *testing.T, m *site.Merge, loc *i18n.Locale, w, h int) *reviewDriver {
	d := &reviewDriver{t: t, r: newReview(loc, criteria.Default(), m, "theirs.json")}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *reviewDriver) send(msg tea.Msg) {
	_, cmd := d.r.Update(msg)
	d.run(cmd)
}

func (d *reviewDriver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		d.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	}
}

func (d *reviewDriver) keys(ks ...string) {
	for _, k := range ks {
		d.send(keyMsg(k))
	}
}

func (d *reviewDriver) screen() string { return d.r.View() }

func (d *reviewDriver) want(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			d.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

func takes(m *site.Merge) string {
	var b strings.Builder
	for _, c := range m.Conflicts {
		b.WriteString(c.Take.String()[:1])
	}
	return b.String()
}

// The review opens on the first conflict with what is preselected, both
// answers side by side with their statuses and whole justifications;
// o and t choose and move on; a applies.
func TestReviewChoosesAndApplies(t *testing.T) {
	m := reviewMerge(t)
	if takes(m) != "ooto" {
		t.Fatalf("preselected %s", takes(m))
	}
	d := newReviewDriver(t, m, i18n.English(), 120, 40)
	d.want("Import review: theirs.json", "Answered differently: 4 · to add: 1 · already the same: 0",
		"Project name: yours ours, the file's Their name · yours kept (T takes the file's)",
		"1/4 · interact · MUST · passing", "Explains how to get, report and contribute",
		"Your answer is kept unless you take the file's.",
		"● Your answer · kept", "○ Answer in theirs.json", "Met", "Unmet",
		"The README says how to get it.", "No page on getting the software.",
		"o keep yours", "t take the file's", "a apply")
	// Side by side: both answers on the same line.
	if !strings.Contains(d.screen(), "│ ○ Answer in theirs.json") {
		t.Errorf("not side by side at 120 columns:\n%s", d.screen())
	}
	d.keys("t") // interact: theirs, and on to contribution
	if takes(m) != "toto" || d.r.cur != 1 {
		t.Fatalf("t gave %s, on %d", takes(m), d.r.cur)
	}
	d.want("interact: the file's answer is taken.", "2/4 · contribution")
	d.keys("p")
	d.want("1/4 · interact", "You took the file's answer.", "● Answer in theirs.json · kept")
	d.keys("o")
	d.want("interact: your answer is kept.", "2/4")
	d.keys("n") // repo_distributed: the marker on ours, the escape made harmless
	d.want("3/4 · repo_distributed", "⚙ still the text detect or carry wrote", "A central server.",
		"The file's answer is taken: yours is still the text detect or carry wrote.")
	if s := d.screen(); strings.Contains(s, "\x1b[2J") || strings.Contains(s, "\x1b]52") {
		t.Fatalf("an escape from the file reached the screen: %q", s)
	}
	d.keys("o")
	if takes(m) != "oooo" || d.r.cur != 3 {
		t.Fatalf("o on repo_distributed gave %s, on %d", takes(m), d.r.cur)
	}
	d.keys("a")
	if !d.quit || !d.r.applied {
		t.Fatal("a did not apply")
	}
	if m.Conflicts[2].Why != site.ByTake || m.Conflicts[0].Why != site.ByTake || m.Conflicts[1].Why != site.ByDefault {
		t.Error("the choices are not recorded as the user's")
	}
}

// Applying with conflicts never shown asks first; a key for all counts as
// seeing them; cancelling asks only when choices were changed; ctrl+c
// cancels at once.
func TestReviewAsksBeforeApplyingAndCancelling(t *testing.T) {
	m := reviewMerge(t)
	d := newReviewDriver(t, m, i18n.English(), 80, 24)
	d.keys("a")
	d.want("3 conflicts not seen yet keep the answer chosen for them. Apply?", "y apply", "n/esc back to the review")
	d.keys("n")
	if d.quit {
		t.Fatal("n applied")
	}
	d.want("Yours: 3 · the file's: 1 · not seen yet: 3")
	// Without a change, q leaves at once.
	d.keys("q")
	if !d.quit || d.r.applied {
		t.Fatal("q without a change did not cancel")
	}

	m = reviewMerge(t)
	d = newReviewDriver(t, m, i18n.English(), 80, 24)
	d.keys("T")
	if takes(m) != "tttt" || !m.ProjectReplaced() {
		t.Fatalf("T gave %s, project replaced %v", takes(m), m.ProjectReplaced())
	}
	d.want("The file's answers are taken for all 4 conflicts.", "Project name: yours ours, the file's Their name · the file's taken")
	d.keys("esc")
	d.want("Cancel the import and drop your choices? Nothing is written.", "y cancel the import")
	d.keys("esc")
	if d.quit {
		t.Fatal("esc on the question cancelled")
	}
	d.keys("O") // now ours everywhere: repo_distributed still differs from what was preselected
	d.keys("q", "y")
	if !d.quit || d.r.applied {
		t.Fatal("q, y did not cancel")
	}

	m = reviewMerge(t)
	d = newReviewDriver(t, m, i18n.English(), 80, 24)
	d.keys("T", "a") // everything decided by the key for all: no question
	if !d.quit || !d.r.applied {
		t.Fatal("a after T asked or did not apply")
	}

	m = reviewMerge(t)
	d = newReviewDriver(t, m, i18n.English(), 80, 24)
	d.keys("t", "ctrl+c")
	if !d.quit || d.r.applied {
		t.Fatal("ctrl+c did not cancel at once")
	}
}

// A long justification scrolls; every word of it can be read.
func TestReviewScrollsALongJustification(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
		m := reviewMerge(t)
		d := newReviewDriver(t, m, i18n.English(), size[0], size[1])
		d.keys("n", "n", "n")
		d.want("4/4 · test", "more lines")
		seen := false
		for i := 0; i < 80 && !seen; i++ {
			seen = strings.Contains(d.screen(), "END-OF-TEST-")
			d.keys("down")
		}
		if !seen {
			t.Errorf("%v: the end of the justification was never shown", size)
		}
		d.keys("p")
		if d.r.offset != 0 {
			t.Errorf("%v: the previous conflict does not start at the top", size)
		}
	}
}

// At each size and in each language: every line fits, side by side from
// 80 columns and stacked below, the marks and keys shown; below the
// smallest size only the way out works.
func TestReviewLayout(t *testing.T) {
	for name, loc := range layoutLocales(t) {
		for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			m := reviewMerge(t)
			d := newReviewDriver(t, m, loc, w, h)
			for _, keys := range [][]string{nil, {"n"}, {"n"}, {"down", "down"}, {"?"}, {"esc", "a"}} {
				d.keys(keys...)
				s := d.screen()
				lines := strings.Split(s, "\n")
				if len(lines) != h {
					t.Errorf("%s %dx%d after %v: %d lines", name, w, h, keys, len(lines))
				}
				for _, l := range lines {
					if lw := textwidth.Width(l); lw > w {
						t.Errorf("%s %dx%d after %v: a line of %d cells: %q", name, w, h, keys, lw, l)
					}
				}
			}
			d.keys("esc", "?") // the question goes; the full help shows every key, whole
			for _, b := range []string{"ours", "theirs", "all_ours", "all_theirs", "next", "prev", "scroll", "page", "apply", "cancel", "help"} {
				if desc := loc.T("ui.tui.review.keys." + b); !strings.Contains(d.screen(), desc) {
					t.Errorf("%s %dx%d: the full help lacks %q:\n%s", name, w, h, desc, d.screen())
				}
			}
			d.keys("esc", "p", "p", "p")
			if d.quit {
				t.Fatalf("%s %dx%d: the review ended", name, w, h)
			}
			s := ansi.Strip(d.screen())
			mark := "● " + loc.T("ui.tui.review.ours")
			if !strings.Contains(s, mark) || !strings.Contains(s, "○ "+loc.T("ui.tui.review.theirs", "File", "theirs.json")[:4]) {
				t.Errorf("%s %dx%d: no marks:\n%s", name, w, h, s)
			}
			if side := strings.Contains(s, "│ ○"); side != (w >= sideBySide) {
				t.Errorf("%s %dx%d: side by side = %v:\n%s", name, w, h, side, s)
			}
			if !strings.Contains(s, loc.T("ui.status.met")) || !strings.Contains(s, loc.T("ui.status.unmet")) {
				t.Errorf("%s %dx%d: statuses not in the user's language:\n%s", name, w, h, s)
			}
			help := strings.Split(s, "\n")[h-1]
			for _, k := range []string{"o " + loc.T("ui.tui.review.keys.ours"), "a " + loc.T("ui.tui.review.keys.apply")} {
				if !strings.Contains(help, k) {
					t.Errorf("%s %dx%d: the help line lacks %q: %q", name, w, h, k, help)
				}
			}
		}
	}
	m := reviewMerge(t)
	d := newReviewDriver(t, m, i18n.English(), 50, 12)
	d.want("Terminal too small (50x12)", "cancel the import")
	d.keys("t", "T", "a", "n")
	if takes(m) != "ooto" || d.quit {
		t.Fatalf("keys acted on the small screen: %s", takes(m))
	}
	d.keys("q")
	if !d.quit || d.r.applied {
		t.Error("q did not cancel on the small screen")
	}
}

// Keys typed faster than the terminal is read each act.
func TestReviewKeysArrivingTogether(t *testing.T) {
	m := reviewMerge(t)
	d := newReviewDriver(t, m, i18n.English(), 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ttot")})
	if takes(m) != "ttot" {
		t.Errorf("keys together gave %s", takes(m))
	}
}

// With --accessible the review asks on plain lines: every conflict with
// both answers whole, a numbered choice (a wrong number asks again), the
// project's fields last; the end of the input or "cancel" changes
// nothing.
func TestReviewOnLines(t *testing.T) {
	m := reviewMerge(t)
	r := newReview(i18n.English(), criteria.Default(), m, "theirs.json")
	var out strings.Builder
	// interact: theirs; contribution: 7 (no such choice), then ours;
	// repo_distributed: ours; test: theirs; project: theirs.
	if !r.reviewLines(strings.NewReader("2\n7\n1\n1\n2\n2\n"), &out) {
		t.Fatalf("the review was not applied:\n%s", out.String())
	}
	if takes(m) != "toot" || !m.ProjectReplaced() {
		t.Errorf("chose %s, project replaced %v", takes(m), m.ProjectReplaced())
	}
	s := out.String()
	for _, want := range []string{"Import review: theirs.json", "3/4 · repo_distributed · SUGGESTED · passing",
		"Your answer: Met\n  still the text detect or carry wrote\n  The source is kept in git",
		"Answer in theirs.json: Unmet\n  A central server.", longTest, "interact: which answer do you keep?",
		"  1. keep yours\n  2. take the file's\n  3. cancel the import", "Project name: yours ours, the file's Their name",
		"The project's fields: which do you keep?"} {
		if !strings.Contains(s, want) {
			t.Errorf("the lines lack %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Errorf("an escape reached the terminal: %q", s)
	}
	for _, input := range []string{"2\n1\n3\n", "2\n1\n"} { // cancel at the third; the input ends
		m := reviewMerge(t)
		r := newReview(i18n.English(), criteria.Default(), m, "theirs.json")
		if r.reviewLines(strings.NewReader(input), &strings.Builder{}) || takes(m) != "ooto" || m.Conflicts[0].Why != site.ByDefault {
			t.Errorf("%q: cancelled, yet applied or chose %s", input, takes(m))
		}
	}
}

// Another project's entry whose URL hides an escape is shown with the
// escape visible, on the screen and on lines: cleaned, it would read
// exactly as ours does.
func TestReviewShowsAForeignURLEscaped(t *testing.T) {
	m := reviewMerge(t)
	m.Foreign = "https://github.com/acme/widget\x1b[31m"
	d := newReviewDriver(t, m, i18n.English(), 120, 40)
	d.want(`"https://github.com/acme/widget\x1b[31m"`)
	r := newReview(i18n.English(), criteria.Default(), m, "theirs.json")
	var out strings.Builder
	r.reviewLines(strings.NewReader("3\n"), &out)
	if !strings.Contains(out.String(), `"https://github.com/acme/widget\x1b[31m"`) || strings.Contains(out.String(), "\x1b") {
		t.Errorf("the lines show %q", out.String())
	}
}

// A URL in a justification is shown whole in the review: a conflict whose
// URL is wider than its column is stacked, where the URL has the whole
// width; only one wider than the screen is broken, at its edge.
func TestReviewKeepsURLsWhole(t *testing.T) {
	const url = "https://github.com/demo/demo/blob/main/docs/contributing/how-to-send-a-change.md"
	cat := criteria.Default()
	have := model.Answers{"contribution": {Status: model.Met, Justification: "See " + url}}
	in, err := site.Parse("theirs.json", []byte(`{"contribution_status": "Unmet", "contribution_justification": "Nothing written down."}`), cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{120, 40}, {100, 30}, {80, 24}, {60, 15}} {
		m := site.MergeAnswers(cat, have, model.Project{}, in, site.MergeOptions{Machine: site.NewMachineText()})
		d := newReviewDriver(t, m, i18n.English(), size[0], size[1])
		var lines []string
		for i := 0; i < 6; i++ {
			for _, l := range strings.Split(d.screen(), "\n") {
				if textwidth.Width(l) > size[0] {
					t.Errorf("%v: a line of %d cells", size, textwidth.Width(l))
				}
				lines = append(lines, strings.TrimSpace(ansi.Strip(l)))
			}
			d.keys("down")
		}
		all := strings.Join(lines, "\n")
		switch {
		case len(url) <= size[0] && !strings.Contains(all, url):
			t.Errorf("%v: the URL is cut:\n%s", size, all)
		case !strings.Contains(strings.Join(lines, ""), url):
			t.Errorf("%v: the URL lost characters:\n%s", size, all)
		}
	}
}

// The review's questions show whole with every answer, at 60x15 and up,
// in every language ("Appliquer ?" was cut at 60 columns).
func TestReviewQuestionsShowWhole(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ja"} {
		loc, _ := i18n.New(lang)
		for _, size := range [][2]int{{60, 15}, {80, 24}} {
			for _, ask := range [][]string{{"a"}, {"T", "esc"}} {
				d := newReviewDriver(t, reviewMerge(t), loc, size[0], size[1])
				d.keys(ask...)
				screen := d.screen()
				lines := strings.Split(screen, "\n")
				if len(lines) != size[1] {
					t.Errorf("%s %v %v: %d lines", lang, size, ask, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > size[0] {
						t.Errorf("%s %v %v: a line of %d cells", lang, size, ask, ansi.StringWidth(l))
					}
				}
				q, _, _ := d.r.status()
				if d.r.ask == askNothing || !strings.Contains(noSpace(screen), noSpace(q)) {
					t.Errorf("%s %v %v: the question %q is not shown whole:\n%s", lang, size, ask, q, screen)
				}
				for _, k := range d.r.shortHelp() {
					if item := k.Help().Key + " " + k.Help().Desc; !strings.Contains(screen, item) {
						t.Errorf("%s %v %v: %q not shown whole:\n%s", lang, size, ask, item, screen)
					}
				}
			}
		}
	}
}
