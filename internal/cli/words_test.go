package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/textwidth"
)

// fileWord is an answer as the file writes it: what a French or Japanese
// listing must not show in place of the user's word.
var fileWord = regexp.MustCompile(`\b(Met|Unmet|N/A)\b`)

// wordsAnswers answers with each status, in justifications that hold
// none of the file's words.
const wordsAnswers = `version: 1
project:
  name: demo
answers:
  interact:
    status: Met
    justification: Issues and discussions on GitHub.
  test:
    status: Unmet
    justification: Not yet.
  floss_license:
    status: Unmet
    justification: We are still deciding on the license.
  vulnerability_report_private:
    status: N/A
    justification: No private reporting yet.
`

const wordsSite = `{"id": 4321, "name": "Demo", "interact_status": "Met", "interact_justification": "Mailing list.",
 "test_status": "Met", "test_justification": "go test ./...", "floss_license_status": "Met", "floss_license_justification": "Apache-2.0."}`

// Listings meant for reading name answers as the interface does (« Non
// satisfait », 「満たさない」), never with the file's Met, Unmet, N/A; the
// JSON outputs keep the file's words, which scripts read.
func TestListingsShowAnswersInUsersLanguage(t *testing.T) {
	words := map[string][]string{
		"fr": {"Satisfait", "Non satisfait", "Sans objet"},
		"ja": {"満たす", "満たさない", "該当なし"},
	}
	for lang, w := range words {
		met, unmet, na := w[0], w[1], w[2]
		dir := repoFixture(t, "git@github.com:acme/w.git", map[string]string{
			".bestpractices.yaml": wordsAnswers,
			"LICENSE":             mit,
			"4321.json":           wordsSite,
		})
		cases := []struct {
			args []string
			want []string
		}{
			{[]string{"diff", "4321.json"}, []string{unmet, met, na}},
			{[]string{"diff", "--format", "markdown", "4321.json"}, []string{"**" + unmet + "** Not yet.", "**" + met + "** go test ./...", "**" + na + "**"}},
			{[]string{"import", "--dry-run", "4321.json"}, []string{unmet, met}},
			{[]string{"detect"}, []string{met, unmet}}, // floss_license: answered Unmet, proposed Met
			{[]string{"carry"}, []string{unmet}},
			{[]string{"security-policy", "--email", "security@acme.example.net"}, []string{met, na + " -> " + met}},
		}
		for _, c := range cases {
			out, errOut, _ := run(t, dir, append([]string{"--lang", lang}, c.args...)...)
			for _, s := range c.want {
				if !strings.Contains(out, s) {
					t.Errorf("%s %v: lacks %q:\n%s", lang, c.args, s, out)
				}
			}
			if m := fileWord.FindString(out + errOut); m != "" {
				t.Errorf("%s %v: shows the file's %q:\n%s", lang, c.args, m, out)
			}
		}
		// detect's confidence column starts in one place, counted in cells,
		// whatever the width of the answer before it.
		out, _, _ := run(t, dir, "--lang", lang, "detect")
		cols := map[int]string{}
		for _, line := range strings.Split(out, "\n") {
			for _, c := range []string{"forte", "faible", "確度"} {
				if i := strings.Index(line, " "+c); i > 0 && !strings.HasPrefix(line, " ") {
					cols[textwidth.Width(line[:i])] = line
				}
			}
		}
		if len(cols) != 1 {
			t.Errorf("%s detect: the confidence starts in %d columns: %v", lang, len(cols), cols)
		}
		// check --json-in-sync, once the JSON no longer matches.
		run(t, dir, "export", "-o", ".bestpractices.json")
		siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), strings.Replace(wordsAnswers, "Not yet.", "Soon.", 1))
		out, _, code := run(t, dir, "--lang", lang, "check", "--json-in-sync")
		if code != ExitNotMet || !strings.Contains(out, unmet) || fileWord.MatchString(out) {
			t.Errorf("%s check --json-in-sync: code %d:\n%s", lang, code, out)
		}
		// Machine formats keep the file's words.
		out, _, _ = run(t, dir, "--lang", lang, "diff", "--format", "json", "4321.json")
		var d diffJSON
		if err := json.Unmarshal([]byte(out), &d); err != nil || !strings.Contains(out, `"status": "Unmet"`) || strings.Contains(out, unmet) {
			t.Errorf("%s diff --format json: %v\n%s", lang, err, out)
		}
		out, _, _ = run(t, dir, "--lang", lang, "detect", "--format", "json")
		if !strings.Contains(out, `"status": "Met"`) || strings.Contains(out, `"`+met+`"`) {
			t.Errorf("%s detect --format json:\n%s", lang, out)
		}
	}
}

// A translator who writes a slip the reviewers found is told where, by
// file and line, with the word quoted (a half-width " (MUST)" shows its
// space); warnings leave the exit code at 0.
func TestI18nCheckNamesGlossarySlips(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "fr-draft.yaml", "meta:\n  tag: fr\n  name: Français\nui:\n  site:\n    diff:\n      ours: La nôtre\ncriteria:\n  passing:\n    floss_license:\n      guidance: Commitez le fichier, répondez Met puis relisez un DOIT.\n")
	writeFile(t, dir, "ja-draft.yaml", "meta:\n  tag: ja\n  name: 日本語\ncriteria:\n  passing:\n    floss_license:\n      requirement: ライセンスを公開しなければなりません (MUST)。メンテナーンスは課題管理で行い、Met と回答します。\n")
	out, errOut, code := run(t, dir, "i18n", "check", "fr-draft.yaml", "ja-draft.yaml")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	all := out + errOut
	for _, want := range []string{
		"fr-draft.yaml:7: warning: ui.site.diff.ours uses “La nôtre”",
		"fr-draft.yaml:11: warning: criteria.passing.floss_license.guidance uses “répondez Met”",
		"fr-draft.yaml:11: warning: criteria.passing.floss_license.guidance uses “un DOIT”",
		"fr-draft.yaml:11: warning: criteria.passing.floss_license.guidance uses “Commitez”",
		"ja-draft.yaml:7: warning: criteria.passing.floss_license.requirement uses “ (MUST)”",
		"ja-draft.yaml:7: warning: criteria.passing.floss_license.requirement uses “メンテナーンス”",
		"ja-draft.yaml:7: warning: criteria.passing.floss_license.requirement uses “課題管理”",
		"ja-draft.yaml:7: warning: criteria.passing.floss_license.requirement uses “Met と回答”",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q:\n%s", want, all)
		}
	}
}
