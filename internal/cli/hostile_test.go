package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue: an answer key holding an escape sequence was printed raw to the
// terminal by every command. Ids and keys from files are shown escaped and
// quoted, like values.
func TestIDsEscapedInMessages(t *testing.T) {
	content := passingAnswers("floss_license") +
		"  \"\\e]0;pwned\\a\\e[2J\":\n    status: Met\n" +
		"  \"evil\\u202eid\":\n    status: Met\n" +
		"  Floss_License:\n    status: Met\n"
	dir := writeAnswers(t, content)
	os.WriteFile(filepath.Join(dir, "in.json"), []byte("{\"\\u001b[31mx_status\": \"Met\"}"), 0o644)
	for _, args := range [][]string{
		{"status"}, {"check"}, {"status", "--format", "markdown"}, {"carry"}, {"import", "in.json"},
	} {
		out, errOut, _ := run(t, dir, args...)
		all := out + errOut
		if strings.ContainsAny(all, "\x1b\a\u202e") {
			t.Errorf("%v: raw control or bidi character in %q", args, all)
		}
		if args[0] == "status" && args[len(args)-1] == "status" {
			for _, want := range []string{`"\x1b]0;pwned\a\x1b[2J"`, `"evil\u202eid"`, "did you mean floss_license?"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("status warnings lack %s:\n%s", want, errOut)
				}
			}
		}
	}
}

// Issue: files every writer must refuse to touch. Each command that writes
// exits 2 with the file's line, and the file stays byte for byte.
func TestWritersRefuseHostileFiles(t *testing.T) {
	cases := []struct {
		name, content string
		args          []string
		want          string
	}{
		{"two document markers, import", "---\n---\nversion: 1\nanswers:\n  floss_license:\n    status: Met\n", []string{"import", "in.json"}, ".bestpractices.yaml:2: a second YAML document starts here"},
		{"content after ..., carry --apply", "version: 1\nanswers:\n  test:\n    status: Met\n...\nanswers:\n  interact:\n    status: Met\n", []string{"carry", "--apply"}, ".bestpractices.yaml:5: a second YAML document"},
		{"anchored justification, detect --apply", "version: 1\nanswers:\n  floss_license:\n    status: Met\n    justification: &j MIT\n  floss_license_osi:\n    status: Met\n    justification: *j\n", []string{"detect", "--apply"}, ".bestpractices.yaml:5: anchors (&j) are not supported under answers"},
		{"control byte, status", "version: 1\nanswers:\n  test:\n    justification: \x1b[2J\n", []string{"status"}, ".bestpractices.yaml:4: holds a control character (U+001B, column 20)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeAnswers(t, c.content)
			os.WriteFile(filepath.Join(dir, "in.json"), []byte(`{"test_status": "Met"}`), 0o644)
			out, errOut, code := run(t, dir, c.args...)
			if code != ExitBadInput || !strings.Contains(errOut, c.want) || strings.Contains(out, "Saved") {
				t.Errorf("code %d\nstdout %q\nstderr %q\nwant %q", code, out, errOut, c.want)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, ".bestpractices.yaml")); string(got) != c.content {
				t.Errorf("the file changed:\n%q", got)
			}
		})
	}
}

// A JSON file given as the answers file is refused, saying what it is (it
// would otherwise read as a file with no answers).
func TestJSONGivenAsAnswersFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".bestpractices.json"), []byte("{\n  \"name\": \"demo\",\n  \"test_status\": \"Met\"\n}\n"), 0o644)
	_, errOut, code := run(t, dir, "status", "--file", ".bestpractices.json")
	if code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.json: holds JSON") || !strings.Contains(errOut, "bestpractices import") {
		t.Errorf("code %d, %q", code, errOut)
	}
	_, errOut, code = run(t, dir, "carry", "--apply", "--file", ".bestpractices.json")
	if code != ExitBadInput || !strings.Contains(errOut, "holds JSON") {
		t.Errorf("carry: code %d, %q", code, errOut)
	}
}

// Messages in the user's language: a refusal in French.
func TestRefusalInFrench(t *testing.T) {
	dir := writeAnswers(t, "version: 1\nanswers:\n  test:\n    status: Met\n---\n")
	_, errOut, code := run(t, dir, "status", "--lang", "fr")
	if code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.yaml:5 : un deuxième document YAML commence ici") && !strings.Contains(errOut, ".bestpractices.yaml:5: un deuxième document YAML commence ici") {
		t.Errorf("code %d, %q", code, errOut)
	}
}

// When a save cannot be proven to read back as intended, the command writes
// nothing, says why, and exits 2.
func TestUnprovenSaveExits2(t *testing.T) {
	content := "~ # keep me\n"
	dir := writeAnswers(t, content)
	os.WriteFile(filepath.Join(dir, "in.json"), []byte(`{"test_status": "Met"}`), 0o644)
	out, errOut, code := run(t, dir, "import", "in.json")
	if code != ExitBadInput || strings.Contains(out, "Saved") ||
		!strings.Contains(errOut, "error: .bestpractices.yaml: nothing was written: the new text would not have read back exactly as intended (the comment # keep me would be lost)") {
		t.Errorf("code %d\nstdout %q\nstderr %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ".bestpractices.yaml")); string(got) != content {
		t.Errorf("written: %q", got)
	}
	_, errOut, _ = run(t, dir, "import", "in.json", "--lang", "ja")
	if !strings.Contains(errOut, "何も書き込みませんでした") {
		t.Errorf("Japanese: %q", errOut)
	}
}
