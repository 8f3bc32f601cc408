package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/model"
)

// run runs the command line in dir with a clean environment.
func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &environ.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }}
	code = Run(env, UI{}, args)
	return out.String(), errb.String(), code
}

func writeAnswers(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// passingAnswers answers every passing entry so that it counts, except skip.
func passingAnswers(skip ...string) string {
	var b strings.Builder
	b.WriteString("version: 1\nproject:\n  name: demo\nanswers:\n")
	l, _ := criteria.Default().Level("passing")
	for _, e := range l.Entries {
		if strings.Contains(" "+strings.Join(skip, " ")+" ", " "+e.ID+" ") {
			continue
		}
		b.WriteString("  " + e.ID + ":\n    status: Met\n    justification: See https://example.org/" + e.ID + "\n")
	}
	return b.String()
}

func TestCheckExitCodes(t *testing.T) {
	dir := writeAnswers(t, passingAnswers())
	out, _, code := run(t, dir, "check", "--level", "passing")
	if code != ExitOK || !strings.Contains(out, "passing achieved") {
		t.Errorf("all passing met: code %d, %q", code, out)
	}
	out, _, code = run(t, dir, "check", "--level", "silver")
	if code != ExitNotMet || !strings.Contains(out, "silver not achieved") || strings.Contains(out, "achieve_passing ") {
		t.Errorf("silver: code %d\n%s", code, out)
	}

	dir = writeAnswers(t, passingAnswers("floss_license", "contribution"))
	out, _, code = run(t, dir, "check")
	if code != ExitNotMet || !strings.Contains(out, "97%") || !strings.Contains(out, "floss_license") || !strings.Contains(out, "contribution ") {
		t.Errorf("two missing: code %d\n%s", code, out)
	}

	dir = writeAnswers(t, "version: 1\nanswers:\n  test:\n    status: maybe\n")
	_, errOut, code := run(t, dir, "check")
	if code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.yaml:4") || !strings.Contains(errOut, "maybe") {
		t.Errorf("bad status: code %d, %q", code, errOut)
	}
	if _, _, code := run(t, dir, "check", "--level", "platinum"); code != ExitBadInput {
		t.Errorf("unknown level: code %d", code)
	}
}

func TestStatusJSON(t *testing.T) {
	dir := writeAnswers(t, passingAnswers("floss_license", "report_tracker")+"  report_tracker:\n    status: Unmet\n    justification: E-mail only.\n  bogus_id:\n    status: Met\n")
	out, errOut, code := run(t, dir, "status", "--format", "json")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "bogus_id") {
		t.Errorf("no warning for an unknown id: %q", errOut)
	}
	var s StatusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	// 66 of 67 passing: 98.5% rounds to 99 (and would be capped there anyway).
	if s.BadgePercentage0 != 99 || s.TieredPercentage != 99 || s.BadgeLevel != "in_progress" {
		t.Errorf("figures %+v", s)
	}
	if len(s.Criteria) != 145+64 || len(s.Levels) != 6 {
		t.Errorf("%d criteria, %d levels", len(s.Criteria), len(s.Levels))
	}
	found := 0
	for _, c := range s.Criteria {
		if c.ID == "report_tracker" {
			found++
			want := map[string]string{"passing": "barely", "silver": "failing"}[c.Level]
			if c.Result != want || c.Status != "Unmet" {
				t.Errorf("report_tracker at %s: %+v, want %s", c.Level, c, want)
			}
		}
	}
	if found != 2 {
		t.Errorf("report_tracker listed %d times", found)
	}
	if len(s.Problems) != 1 || s.Problems[0].ID != "bogus_id" {
		t.Errorf("problems %+v", s.Problems)
	}
	// The raw JSON uses the badge site's names.
	for _, key := range []string{`"badge_level"`, `"tiered_percentage"`, `"badge_percentage_0"`, `"badge_percentage_2"`, `"baseline_tiered_percentage"`} {
		if !strings.Contains(out, key) {
			t.Errorf("missing %s", key)
		}
	}
}

func TestStatusTextAndMarkdown(t *testing.T) {
	dir := writeAnswers(t, passingAnswers("floss_license", "contribution")+"  contribution:\n    status: Met\n    justification: see the docs\n")
	out, _, code := run(t, dir, "status")
	if code != ExitOK {
		t.Fatal(code)
	}
	for _, want := range []string{"demo", "passing", "97%", "65/67", "floss_license", "unanswered", "contribution", "needs a URL", "What holds passing back (2 criteria)"} {
		if !strings.Contains(out, want) && !strings.Contains(out, strings.Replace(want, "needs a URL", "Met needs a URL", 1)) {
			t.Errorf("status text lacks %q:\n%s", want, out)
		}
	}
	md, _, _ := run(t, dir, "status", "--format", "markdown")
	for _, want := range []string{"| passing | 97% | 65/67 |", "[`floss_license`](https://www.bestpractices.dev/en/criteria/0#0.floss_license)", "<details>", "### Basics / FLOSS license"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

// The Markdown reports go into pull-request comments and job summaries:
// text from the files adds no markup there. A project name or a
// justification with HTML (a tracking image, </details>), a mention or an
// image came through as is.
func TestMarkdownReportsAddNoMarkupFromFiles(t *testing.T) {
	dir := writeAnswers(t, "version: 1\nproject:\n  name: \"demo | x </details> <img src=https://evil.example/p.png> @octocat\"\nanswers:\n"+
		"  description_good:\n    status: Met\n    justification: \"a | b\\n</td><img src=https://evil.example/t.png> @org/team ![i](https://evil.example/i.png) `x`\"\n")
	siteWrite(t, filepath.Join(dir, "site.json"), `{"description_good_status":"Unmet","description_good_justification":"<script>x</script> @everyone"}`)
	status, _, _ := run(t, dir, "status", "--format", "markdown")
	diff, _, _ := run(t, dir, "diff", "--format", "markdown", "site.json")
	for name, md := range map[string]string{"status": status, "diff": diff} {
		for _, bad := range []string{"<img", "</details> ", "</td>", "<script>", "@octocat", "@org", "@everyone", "![i]"} {
			if strings.Contains(md, bad) {
				t.Errorf("%s: %q reaches the Markdown:\n%s", name, bad, md)
			}
		}
	}
	if !strings.Contains(status, "# Best Practices badge: demo \\| x &lt;/details&gt; &lt;img src=https://evil.example/p.png&gt; &#64;octocat\n") {
		t.Errorf("the name is not shown as written:\n%s", status[:min(len(status), 300)])
	}
	if !strings.Contains(diff, "&lt;script&gt;x&lt;/script&gt; &#64;everyone") {
		t.Errorf("diff:\n%s", diff)
	}
}

func TestStatusWithoutFile(t *testing.T) {
	dir := t.TempDir()
	out, _, code := run(t, dir, "status")
	if code != ExitOK || !strings.Contains(out, "0/67") || !strings.Contains(out, "No answers yet") {
		t.Errorf("code %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, ".bestpractices.yaml")); !os.IsNotExist(err) {
		t.Error("status created the answers file")
	}
}

func TestFileFlagAndGitRoot(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	sub := filepath.Join(root, "pkg", "deep")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(root, ".bestpractices.yaml"), []byte(passingAnswers()), 0o644)
	if _, _, code := run(t, sub, "check"); code != ExitOK {
		t.Errorf("answers at the git root not found from a subdirectory: %d", code)
	}
	other := filepath.Join(root, "other.yaml")
	os.WriteFile(other, []byte("version: 1\n"), 0o644)
	if _, _, code := run(t, sub, "check", "--file", other); code != ExitNotMet {
		t.Errorf("--file ignored: %d", code)
	}
	if _, _, code := run(t, sub, "--file", other, "check"); code != ExitNotMet {
		t.Errorf("--file before the command ignored: %d", code)
	}
}

func TestCriteriaJSON(t *testing.T) {
	out, _, code := run(t, t.TempDir(), "criteria", "--format", "json")
	if code != ExitOK {
		t.Fatal(code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 145+64 {
		t.Fatalf("%d entries", len(list))
	}
	first := list[0]
	for _, k := range []string{"id", "level", "major", "minor", "category", "na_allowed", "na_justification_required", "met_justification_required", "met_url_required", "met_suppress", "unmet_suppress", "title", "url"} {
		if _, ok := first[k]; !ok {
			t.Errorf("field %s missing", k)
		}
	}
	if first["id"] != "description_good" || first["level"] != "passing" || first["major"] != "Basics" || first["title"] == "" {
		t.Errorf("first entry %v", first)
	}
	out, _, _ = run(t, t.TempDir(), "criteria", "--level", "gold", "--format", "json")
	json.Unmarshal([]byte(out), &list)
	if len(list) != 23 || list[0]["id"] != "achieve_silver" {
		t.Errorf("gold: %d entries", len(list))
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, cmd := range []string{"status", "check", "criteria"} {
		_, errOut, code := run(t, t.TempDir(), cmd, "--help")
		if code != ExitOK || !strings.Contains(errOut, "Usage: bestpractices "+cmd) {
			t.Errorf("%s --help: %d %q", cmd, code, errOut)
		}
	}
	out, _, code := run(t, t.TempDir(), "--version")
	if code != ExitOK || !strings.HasPrefix(out, "bestpractices ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if _, errOut, code := run(t, t.TempDir(), "frobnicate"); code != ExitBadInput || !strings.Contains(errOut, "frobnicate") {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
}

// A CI gate on an answers file that is not there (a mistyped --file, a
// repository without one) exits 2 naming the file, not 1 with every
// criterion listed as unanswered.
func TestCheckMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"check", "--file", "typo.yaml"},
		{"check"},
		{"check", "--format", "sarif"},
		{"check", "--json-in-sync"},
	} {
		out, errs, code := run(t, dir, args...)
		if code != ExitBadInput || !strings.Contains(errs, "does not exist") || strings.Contains(out, "unanswered") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errs)
		}
	}
}

// N/A is judged for an id by one rule (model.NAAllowed): criteria does not
// offer it for report_tracker at silver (its passing entry refuses N/A and
// one answer serves both), and no guidance invites it where it is refused.
func TestCriteriaListsNAAsAnswersCountIt(t *testing.T) {
	out, _, code := run(t, t.TempDir(), "criteria", "--level", "silver")
	if code != 0 {
		t.Fatal(code)
	}
	for _, line := range strings.Split(out, "\n") {
		for _, id := range []string{"report_tracker", "tests_documented_added"} {
			if strings.Contains(line, " "+id+" ") && strings.Contains(line, "[N/A]") {
				t.Errorf("N/A offered: %s", line)
			}
		}
	}
	if !strings.Contains(out, "[N/A]") {
		t.Error("no criterion offers N/A at silver")
	}
	cat := criteria.Default()
	loc := i18n.English()
	for _, l := range cat.Levels {
		for _, e := range l.Entries {
			g := loc.T("criteria." + l.Name + "." + e.ID + ".guidance")
			if !model.NAAllowed(cat, e.ID) && (strings.Contains(g, "Choose N/A") || strings.Contains(g, "if you choose it")) {
				t.Errorf("%s at %s: N/A is refused, the guidance offers it: %s", e.ID, l.Name, g)
			}
		}
	}
}

// A flag that does not read is said in the user's language, before the
// help, with what the user typed escaped: the flag package's English
// ("flag provided but not defined: -bogus") came after the help, in
// French and Japanese too.
func TestFlagErrorsInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr", "status", "--bogus"}, "erreur\u00a0: --bogus n'est pas une option de cette commande"},
		{[]string{"--lang", "fr", "security-policy", "--ack-days", "99999999999999999999"}, "--ack-days n'accepte pas 99999999999999999999"},
		{[]string{"--lang", "ja", "status", "--level"}, "--level には値が必要です"},
		{[]string{"--lang", "fr", "--bogus"}, "--bogus n'est pas une option"},
		{[]string{"i18n", "check", "--x=1", "a.yaml"}, "error: --x is not a flag of this command"},
		{[]string{"status", "--\x1b[2Jx"}, `error: "--\x1b[2Jx" is not a flag of this command`},
	}
	for _, c := range cases {
		_, errOut, code := run(t, dir, c.args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != ExitBadInput || !strings.Contains(first, c.want) || strings.Contains(errOut, "flag provided") || strings.Contains(errOut, "\x1b") {
			t.Errorf("%q: %d\n%s", c.args, code, errOut)
		}
		if !strings.Contains(errOut, "bestpractices") || strings.Count(errOut, "\n") < 3 {
			t.Errorf("%q: no help after the error:\n%s", c.args, errOut)
		}
	}
}
