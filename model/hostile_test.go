package model

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The cases of issue 10, each with its exact bytes, and more of the kind:
// files other people (or programs, or attackers) wrote.

// mustLoad writes content as an answers file and loads it.
func mustLoad(t *testing.T, content string) (*File, string) {
	t.Helper()
	p := write(t, content)
	f, err := Load(p, cat)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return f, p
}

// saveAndReload saves f, checks that the file reads back with every answer
// of f exactly, and returns the new bytes.
func saveAndReload(t *testing.T, f *File) string {
	t.Helper()
	if err := f.Save(false); err != nil {
		t.Fatalf("save: %v", err)
	}
	got, _ := os.ReadFile(f.Path)
	g, err := Load(f.Path, cat)
	if err != nil {
		t.Fatalf("reload: %v\n%q", err, got)
	}
	for id, a := range f.Answers {
		if b := g.Answers[id]; b.Status != a.Status || b.Justification != a.Justification {
			t.Fatalf("%s reads back as %+v, want %+v\n%q", id, b, a, got)
		}
	}
	if g.Project != f.Project {
		t.Fatalf("project reads back as %+v, want %+v", g.Project, f.Project)
	}
	return string(got)
}

// loadRefused loads content and returns the FileError it must give.
func loadRefused(t *testing.T, content string) *FileError {
	t.Helper()
	_, err := Load(write(t, content), cat)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("loaded %q: got %v, want a FileError", content, err)
	}
	if fe.Fix.IsZero() {
		t.Errorf("%q: no fix in %q", content, fe.Error())
	}
	return fe
}

// Issue: a file that starts ---\n---\n then holds the answers was read as
// empty, and a save left a 0-byte file. It is refused, naming the line of
// the second document; nothing is ever written to it.
func TestTwoDocumentMarkersRefused(t *testing.T) {
	content := "---\n---\nversion: 1\nanswers:\n  floss_license:\n    status: Met\n    justification: MIT\n"
	fe := loadRefused(t, content)
	if fe.Line != 2 || !strings.Contains(fe.Error(), "second YAML document") {
		t.Errorf("got %q (line %d)", fe.Error(), fe.Line)
	}
	// A lone leading --- is fine.
	f, _ := mustLoad(t, "---\n"+content[8:])
	if f.Answers["floss_license"].Justification != "MIT" {
		t.Errorf("answers %+v", f.Answers)
	}
	f.Set("test", Answer{Status: Met})
	if got := saveAndReload(t, f); !strings.HasPrefix(got, "---\nversion: 1\n") {
		t.Errorf("saved:\n%s", got)
	}
}

// Issue: a second document after the answers was deleted by the next save,
// and after a ... marker carry --apply appended answers that were never
// read. Both are refused; comments after ... are kept, and new answers go
// before it.
func TestContentAfterDocumentEnd(t *testing.T) {
	for _, content := range []string{
		"version: 1\nanswers:\n  floss_license:\n    status: Met\n---\nanswers:\n  test:\n    status: Met\n",
		"version: 1\nanswers:\n  floss_license:\n    status: Met\n...\nanswers:\n  test:\n    status: Met\n",
		"version: 1\nanswers:\n  floss_license:\n    status: Met\n...\n---\n# another\n",
	} {
		fe := loadRefused(t, content)
		if fe.Line != 5 || !strings.Contains(fe.Error(), "second YAML document") {
			t.Errorf("%q: %q (line %d)", content, fe.Error(), fe.Line)
		}
	}
	f, _ := mustLoad(t, "version: 1\nproject:\n  name: x\n...\n# the end\n")
	f.Set("test", Answer{Status: Met, Justification: "go test"})
	got := saveAndReload(t, f)
	if want := "version: 1\nproject:\n  name: x\nanswers:\n  test:\n    status: Met\n    justification: go test\n...\n# the end\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Again: the answers are where they are read, once.
	f.Set("interact", Answer{Status: Met})
	if got := saveAndReload(t, f); strings.Count(got, "answers:") != 1 || !strings.HasSuffix(got, "...\n# the end\n") {
		t.Errorf("second save:\n%s", got)
	}
}

// Issue: with lone CR line endings, a save panicked in the splice and the
// answer was lost. Lone CR breaks lines for YAML: the splice counts lines
// the same way, and new lines end with CR too.
func TestLoneCRFile(t *testing.T) {
	content := "# old Mac file\rversion: 1\ranswers:\r  floss_license:\r    status: Met\r    justification: MIT\r  test:\r    status: Unmet\r"
	f, _ := mustLoad(t, content)
	f.Set("test", Answer{Status: Met, Justification: "go test ./...\nin CI"})
	f.Set("interact", Answer{Status: Met, Justification: "README"})
	f.Set("floss_license", Answer{})
	got := saveAndReload(t, f)
	if strings.Contains(got, "\n") {
		t.Errorf("LF in a CR file: %q", got)
	}
	want := "# old Mac file\rversion: 1\ranswers:\r  interact:\r    status: Met\r    justification: README\r  test:\r    status: Met\r    justification: |-\r      go test ./...\r      in CI\r"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Issue: a justification holding U+2028 (from the site, through import)
// made the next save write one key twice and delete another's key and
// comment. Such text is written escaped: the file's lines stay the lines
// every reader sees.
func TestLineSeparatorInJustification(t *testing.T) {
	content := "version: 1\nanswers:\n  # the license\n  floss_license:\n    status: Met\n    justification: MIT\n  # tests\n  test:\n    status: Met\n"
	f, _ := mustLoad(t, content)
	j := "Imported\u2028from the site\u2029with NEL\u0085and CR\r\nand LF\n"
	f.Set("interact", Answer{Status: Met, Justification: j})
	got := saveAndReload(t, f)
	for _, r := range []string{"\u2028", "\u2029", "\u0085", "\r"} {
		if strings.Contains(got, r) {
			t.Errorf("raw %q written: %q", r, got)
		}
	}
	// The next saves, of that answer and of its neighbours.
	f.Set("test", Answer{Status: Unmet, Justification: "not yet"})
	saveAndReload(t, f)
	f.Set("interact", Answer{Status: Unmet, Justification: j + "more\u2028"})
	got = saveAndReload(t, f)
	for _, want := range []string{"  # the license\n  floss_license:\n", "  # tests\n  test:\n"} {
		if strings.Count(got, want) != 1 {
			t.Errorf("lost or doubled %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "interact:") != 1 {
		t.Errorf("key written twice:\n%s", got)
	}
}

// A file an older version wrote, with a raw U+2028 inside a quoted
// justification: YAML breaks the line there, and so does the splice.
func TestRawLineSeparatorInOldFile(t *testing.T) {
	content := "version: 1\nanswers:\n  interact:\n    status: Met\n    justification: 'from\u2028the site'\n  test:  # ours\n    status: Met\n"
	f, _ := mustLoad(t, content)
	if j := f.Answers["interact"].Justification; j != "from\u2028the site" {
		t.Fatalf("read %q", j)
	}
	f.Set("test", Answer{Status: Unmet})
	got := saveAndReload(t, f)
	if want := strings.Replace(content, "  test:  # ours\n    status: Met\n", "  test:  # ours\n    status: Unmet\n", 1); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	f.Set("interact", Answer{Status: Met, Justification: "from\u2028the site, again"})
	got = saveAndReload(t, f)
	if strings.Contains(got, "\u2028") || !strings.Contains(got, `"from\Lthe site, again"`) {
		t.Errorf("got %q", got)
	}
}

// Issue: an anchored justification referenced elsewhere was rewritten
// without its anchor by detect --apply, and the file no longer loaded.
// Anchors, aliases and merge keys under project or answers are refused at
// load, naming the line; elsewhere they are kept as they are.
func TestAnchorsRefused(t *testing.T) {
	cases := []struct {
		content string
		line    int
		want    string
	}{
		{"version: 1\nanswers:\n  floss_license:\n    status: Met\n    justification: &j MIT, see LICENSE\n  floss_license_osi:\n    status: Met\n    justification: *j\n", 5, "anchors (&j) are not supported under answers"},
		{"defaults: &d\n  status: Met\nversion: 1\nanswers:\n  test: *d\n", 5, "aliases (*d) are not supported under answers"},
		{"defaults: &d\n  status: Met\nversion: 1\nanswers:\n  test:\n    <<: *d\n    justification: x\n", 6, "merge keys (<<) are not supported under answers"},
		{"base: &p\n  name: x\nproject:\n  <<: *p\n", 4, "merge keys (<<) are not supported under project"},
		{"base: &b {answers: {test: {status: Met}}}\n<<: *b\nversion: 1\n", 2, "merge keys (<<) are not supported at the top level"},
		{"version: 1\nanswers: &a\n  test:\n    status: Met\nagain: *a\n", 2, "anchors (&a) are not supported under answers"},
	}
	for _, c := range cases {
		fe := loadRefused(t, c.content)
		if fe.Line != c.line || !strings.Contains(fe.Error(), c.want) {
			t.Errorf("%q: %q (line %d), want line %d and %q", c.content, fe.Error(), fe.Line, c.line, c.want)
		}
	}
	// Elsewhere, an anchor and its alias survive a save.
	f, _ := mustLoad(t, "x-common: &c {owner: alice}\nx-again: *c\nversion: 1\nanswers:\n  test:\n    status: Met\n")
	f.Set("test", Answer{Status: Unmet})
	if got := saveAndReload(t, f); !strings.HasPrefix(got, "x-common: &c {owner: alice}\nx-again: *c\n") {
		t.Errorf("got:\n%s", got)
	}
}

// Raw control bytes are refused naming the line and the column; the same
// character written as an escape is text like any other.
func TestControlBytesRefusedWithLine(t *testing.T) {
	for _, c := range []struct {
		content  string
		line     int
		code     string
		column   string
		fromLine string
	}{
		{"version: 1\nanswers:\n  test:\n    status: Met\n    justification: red \x1b[31mtext\n", 5, "U+001B", "column 24", ""},
		{"version: 1\r\nproject:\r\n  name: a\x00b\r\n", 3, "U+0000", "column 10", ""},
		{"version: 1\nanswers:\n  test:\n    justification: \u009b31m\n", 4, "U+009B", "column 20", ""},
		{"version: 1\n# del \x7f\n", 2, "U+007F", "column 7", ""},
	} {
		fe := loadRefused(t, c.content)
		if fe.Line != c.line || !strings.Contains(fe.Error(), c.code) || !strings.Contains(fe.Error(), c.column) {
			t.Errorf("%q: %q (line %d), want line %d, %s, %s", c.content, fe.Error(), fe.Line, c.line, c.code, c.column)
		}
	}
	f, _ := mustLoad(t, "version: 1\nanswers:\n  test:\n    status: Met\n    justification: \"bell \\a and \\e[31m\"\n")
	if j := f.Answers["test"].Justification; j != "bell \a and \x1b[31m" {
		t.Errorf("read %q", j)
	}
}

// Keys that are known keys in another case are warnings with their line,
// never silently ignored; ids in another case say which id was meant.
func TestKeyCaseWarnings(t *testing.T) {
	f, _ := mustLoad(t, "Version: 1\nProject:\n  Name: x\nanswers:\n  test:\n    Status: Met\n    JUSTIFICATION: tests\n  Floss_License:\n    status: Met\n")
	var got []string
	for _, p := range f.Problems {
		got = append(got, strconv.Itoa(p.Line)+": "+p.Message.String())
	}
	want := []string{
		"1: key Version is not read: keys are case-sensitive (did you mean version?)",
		"2: key Project is not read: keys are case-sensitive (did you mean project?)",
		"6: key Status is not read: keys are case-sensitive (did you mean status?)",
		"7: key JUSTIFICATION is not read: keys are case-sensitive (did you mean justification?)",
		"8: unknown criterion id Floss_License: ids are case-sensitive (did you mean floss_license?); it is kept but not counted",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The warning about a key stays when its answer changes (the key is
	// still there).
	f.Set("test", Answer{Status: Met})
	if n := len(f.Problems); n != 5 {
		t.Errorf("%d warnings after Set", n)
	}
}

// A JSON file given as the answers file is refused, saying what it is; a
// flow-style answers file (JSON-like, with answers) is not.
func TestJSONAnswersFileRefused(t *testing.T) {
	for _, content := range []string{
		"{\n  \"name\": \"demo\",\n  \"floss_license_status\": \"Met\",\n  \"floss_license_justification\": \"MIT\"\n}\n",
		"\ufeff{\"id\": 1234, \"name\": \"demo\", \"test_status\": \"Met\"}",
		"[{\"name\": \"demo\"}]\n",
	} {
		fe := loadRefused(t, content)
		if !strings.Contains(fe.Error(), "holds JSON") || !strings.Contains(fe.Error(), "bestpractices import") {
			t.Errorf("%q: %q", content, fe.Error())
		}
	}
	f, _ := mustLoad(t, "{\"version\": 1, \"answers\": {\"test\": {\"status\": \"Met\"}}}\n")
	f.Set("floss_license", Answer{Status: Met, Justification: "MIT"})
	saveAndReload(t, f)
}

// Issue, point 3: the file keeps its own conventions.
func TestCRLFAndBOMKept(t *testing.T) {
	content := "\ufeff# Windows file\r\nversion: 1\r\nanswers:\r\n  floss_license:\r\n    status: Met\r\n    justification: MIT\r\n  test:\r\n    status: Met\r\n"
	f, _ := mustLoad(t, content)
	f.Set("interact", Answer{Status: Met, Justification: "two\nlines"})
	f.Set("test", Answer{Status: Unmet, Justification: "not yet\n"})
	f.Set("floss_license", Answer{})
	got := saveAndReload(t, f)
	if !strings.HasPrefix(got, "\ufeff# Windows file\r\n") {
		t.Errorf("BOM or first line lost: %q", got)
	}
	if n, m := strings.Count(got, "\n"), strings.Count(got, "\r\n"); n != m {
		t.Errorf("%d LF but %d CRLF: %q", n, m, got)
	}
	want := "\ufeff# Windows file\r\nversion: 1\r\nanswers:\r\n  interact:\r\n    status: Met\r\n    justification: |-\r\n      two\r\n      lines\r\n  test:\r\n    status: Unmet\r\n    justification: |\r\n      not yet\r\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestKeepChompingDoesNotGrow(t *testing.T) {
	content := "version: 1\nanswers:\n  test:\n    status: Met\n    justification: |+\n      keep my\n      blank lines\n\n\n  interact:\n    status: Met\n"
	f, _ := mustLoad(t, content)
	j := f.Answers["test"].Justification
	if j != "keep my\nblank lines\n\n\n" {
		t.Fatalf("read %q", j)
	}
	for i := 0; i < 3; i++ {
		f.Set("interact", Answer{Status: []Status{Unmet, Met}[i%2]})
		f.Set("test", Answer{Status: []Status{Unmet, Met}[i%2], Justification: j})
		saveAndReload(t, f)
	}
	f.Set("test", Answer{Status: Met, Justification: j + "more\n\n"})
	got := saveAndReload(t, f)
	f.Set("test", Answer{Status: Unmet, Justification: j + "more\n\n"})
	if again := saveAndReload(t, f); len(again) != len(got)+2 { // Met -> Unmet
		t.Errorf("grew:\n%q\n%q", got, again)
	}
}

func TestMultiLineQuotedScalarsSurvive(t *testing.T) {
	content := "version: 1\nanswers:\n  test:\n    status: Met\n    justification: \"first line,\n      # not a comment,\n      last\"\n  interact:\n    status: Met\n    justification: 'single\n\n      # also text'\n  floss_license:\n    status: Met\n"
	f, _ := mustLoad(t, content)
	if j := f.Answers["test"].Justification; j != "first line, # not a comment, last" {
		t.Fatalf("read %q", j)
	}
	f.Set("test", Answer{Status: Unmet, Justification: f.Answers["test"].Justification})
	f.Set("floss_license", Answer{Status: Unmet})
	got := saveAndReload(t, f)
	if !strings.Contains(got, "    justification: \"first line,\n      # not a comment,\n      last\"\n") || !strings.Contains(got, "'single\n\n      # also text'\n") {
		t.Errorf("got:\n%s", got)
	}
	f.Set("interact", Answer{Status: Met, Justification: "replaced"})
	got = saveAndReload(t, f)
	if want := "  interact:\n    status: Met\n    justification: replaced\n  floss_license:"; !strings.Contains(got, want) {
		t.Errorf("got:\n%s", got)
	}
}

func TestCommentsInsideAnEntrySurvive(t *testing.T) {
	content := "version: 1\nanswers:\n  test:\n    # why we say so\n    status: Met   # since 2023\n\n    # after a blank line\n    justification: |  # the block\n      go test\n\n    # at the end of the entry\n  interact:\n    status: Met\n"
	f, _ := mustLoad(t, content)
	f.Set("test", Answer{Status: Unmet, Justification: "not any more"})
	got := saveAndReload(t, f)
	want := "version: 1\nanswers:\n  test:\n    # why we say so\n    status: Unmet   # since 2023\n\n    # after a blank line\n    justification: not any more  # the block\n\n    # at the end of the entry\n  interact:\n    status: Met\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	f.Set("test", Answer{Status: Met, Justification: "two\nlines"})
	got = saveAndReload(t, f)
	if !strings.Contains(got, "    status: Met   # since 2023\n\n    # after a blank line\n    justification: |-  # the block\n      two\n      lines\n\n    # at the end") {
		t.Errorf("got:\n%s", got)
	}
}

// Clearing an answer (x in the walk) removes its status and justification,
// not the comments around it; an entry with nothing else goes.
func TestClearKeepsComments(t *testing.T) {
	content := "version: 1\nanswers:\n  # about tests\n  test:\n    # inside\n    status: Met  # on status\n    justification: go test  # on justification\n  interact:\n    status: Met\n    justification: README\n  # after interact\n  floss_license:\n    status: Met\n    reviewed_by: alice\n"
	f, _ := mustLoad(t, content)
	f.Set("test", Answer{})
	f.Set("interact", Answer{})
	f.Set("floss_license", Answer{})
	got := saveAndReload(t, f)
	want := "version: 1\nanswers:\n  # about tests\n  test:\n    # inside\n    # on status\n    # on justification\n  # after interact\n  floss_license:\n    reviewed_by: alice\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestFlowStyleFileKeepsComments(t *testing.T) {
	content := "# header\n{version: 1, # inline after version\n answers: {test: {status: Met}, interact: {status: Met, justification: README}}} # trailing inline\n# trailing\n"
	f, _ := mustLoad(t, content)
	f.Set("test", Answer{Status: Unmet, Justification: "a, b: {c}\nd"})
	f.Set("floss_license", Answer{Status: Met})
	f.Set("interact", Answer{})
	got := saveAndReload(t, f)
	for _, c := range []string{"# header\n", "# inline after version\n", "# trailing inline\n", "# trailing\n"} {
		if !strings.Contains(got, c) {
			t.Errorf("lost %q:\n%s", c, got)
		}
	}
}

// Point 4: a save that would take the file past the load limit is refused
// before anything is written.
func TestSaveOverSizeLimitRefused(t *testing.T) {
	content := "version: 1\nanswers:\n  test:\n    status: Met\n"
	f, p := mustLoad(t, content)
	f.Set("interact", Answer{Status: Met, Justification: strings.Repeat("x", MaxFileSize)})
	err := f.Save(false)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Error(), "over the 1 MiB limit") || !strings.Contains(fe.Error(), "nothing was written") {
		t.Fatalf("got %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != content {
		t.Errorf("file changed: %q", got)
	}
	if !f.Dirty() {
		t.Error("the answer was dropped")
	}
}

// Point 9: temporary files an interrupted save left are removed by the next
// save; other files, and a temporary file of a save in progress, are not.
func TestStaleTempFilesRemoved(t *testing.T) {
	f, p := mustLoad(t, "version: 1\nanswers:\n")
	dir := filepath.Dir(p)
	// WriteAtomic's names: "." + the file's name + ".tmp-" + digits.
	old := filepath.Join(dir, "..bestpractices.yaml.tmp-123456")
	fresh := filepath.Join(dir, "..bestpractices.yaml.tmp-999")
	other := filepath.Join(dir, "..bestpractices.yaml.tmp-notours")
	for _, n := range []string{old, fresh, other} {
		os.WriteFile(n, []byte("half a save"), 0o644)
	}
	past := time.Now().Add(-2 * staleTemp)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	f.Set("test", Answer{Status: Met})
	saveAndReload(t, f)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("stale temporary file kept")
	}
	for _, n := range []string{fresh, other} {
		if _, err := os.Stat(n); err != nil {
			t.Errorf("%s removed", filepath.Base(n))
		}
	}
}

// Never an empty file, whatever the answers.
func TestNeverWritesEmpty(t *testing.T) {
	f, p := mustLoad(t, "version: 1\nanswers:\n  test:\n    status: Met\n")
	f.Set("test", Answer{})
	got := saveAndReload(t, f)
	if strings.TrimSpace(got) == "" {
		t.Errorf("empty file: %q", got)
	}
	if fe := writeFile(p, true, 0o644, Pending{Data: []byte("  \n"), base: []byte(got)}, true); fe == nil {
		t.Error("blank text written over the answers")
	}
	if b, _ := os.ReadFile(p); !bytes.Equal(b, []byte(got)) {
		t.Errorf("file now %q", b)
	}
}

// Another YAML file given as the answers file, or reached through a link a
// repository committed (.bestpractices.yaml -> ~/.kube/config), is not read
// as a file with no answers, and so is never written to.
func TestForeignYAMLRefused(t *testing.T) {
	for _, content := range []string{
		"apiVersion: v1\nclusters:\n- name: prod\n",
		"name: CI\non: [push]\njobs: {}\n",
	} {
		fe := loadRefused(t, content)
		if fe.Line != 1 || !strings.Contains(fe.Error(), "not an answers file (its first key is ") {
			t.Errorf("%q: %q", content, fe.Error())
		}
	}
	dir := t.TempDir()
	victim := filepath.Join(dir, "config")
	os.WriteFile(victim, []byte("apiVersion: v1\nusers: []\n"), 0o600)
	link := filepath.Join(dir, DefaultName)
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("no symbolic links")
	}
	if _, err := Load(link, cat); err == nil {
		t.Error("read through the link as an answers file")
	}
	// An empty mapping, comments alone, or the case-variant keys are ours.
	for _, content := range []string{"{}\n", "# nothing yet\n", "Answers:\n  test:\n    status: Met\n"} {
		if _, err := Parse("f.yaml", []byte(content), cat); err != nil {
			t.Errorf("%q: %v", content, err)
		}
	}
}

// A write into a directory that does not exist says so with the target's
// name only: the message named our temporary file ("open
// /abs/dir/.x.json.tmp-1530943406: no such file or directory").
func TestWriteErrorNamesNoTemporaryFile(t *testing.T) {
	target := filepath.Join(t.TempDir(), "nodir", "x.json")
	err := WriteAtomic(target, []byte("{}\n"), 0o644)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), ".tmp") || strings.Contains(err.Error(), "nodir") {
		t.Errorf("error %v", err)
	}
}
