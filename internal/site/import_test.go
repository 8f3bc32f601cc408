package site

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFixture(t *testing.T, name string) *Imported {
	t.Helper()
	in, err := Parse(name, fixture(t, name), cat)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

// An entry downloaded today holds every column of the site's projects
// table: dates, percentages, legacy columns that are no criteria
// (homepage_url_status, report_url_status), baseline fields in display
// form, a retired control. All of it reads, with nothing to report but the
// retired control.
func TestParseTodaysEntry(t *testing.T) {
	in := parseFixture(t, "entry-2026.json")
	if in.Kind != KindProject {
		t.Errorf("kind %s", in.Kind)
	}
	if in.Project != (model.Project{Name: "widget", URL: "https://github.com/acme/widget", BadgeID: 4242}) || in.Homepage != "https://widget.example.org" {
		t.Errorf("project %+v, home page %q", in.Project, in.Homepage)
	}
	if len(in.Unknown) != 0 || len(in.Skipped) != 0 || len(in.Renamed) != 0 {
		t.Errorf("unknown %v, skipped %v, renamed %v", in.Unknown, in.Skipped, in.Renamed)
	}
	if !reflect.DeepEqual(in.Retired, []string{"osps_br_01_02"}) {
		t.Errorf("retired %v", in.Retired)
	}
	want := map[string]model.Status{
		"description_good": model.Met, "interact": model.Met, "contribution": model.Met, "floss_license": model.Met,
		"floss_license_osi": model.Met, "license_location": model.Met, "sites_https": model.Met, "repo_public": model.Met,
		"test": model.Unmet, "crypto_published": model.NA, "require_2FA": model.Met, "osps_ac_01_01": model.Met,
		"osps_do_02_01": model.Met, "osps_le_02_01": model.Met,
	}
	if len(in.Answers) != len(want) || in.Answered() != len(want) {
		t.Errorf("%d answers, want %d: %v", len(in.Answers), len(want), in.Answers)
	}
	for id, s := range want {
		if in.Answers[id].Status != s || in.Answers[id].Justification == "" {
			t.Errorf("%s: %+v, want %s with its justification", id, in.Answers[id], s)
		}
	}
}

// An entry saved in early 2016 uses the names the site had then: each is
// read as today's criterion and said once; a removed criterion is skipped
// and said; the home page (then project_url) is not the repository.
func TestParseEntryBeforeTheRenames(t *testing.T) {
	in := parseFixture(t, "entry-2016.json")
	if len(in.Unknown) != 0 || len(in.Skipped) != 0 {
		t.Errorf("unknown %v, skipped %v", in.Unknown, in.Skipped)
	}
	got := map[string]string{}
	for _, r := range in.Renamed {
		got[r.From] = r.To
		if r.Line == 0 {
			t.Errorf("%s: no line", r.From)
		}
	}
	want := map[string]string{
		"description_sufficient": "description_good", "contribution_criteria": "contribution_requirements",
		"oss_license": "floss_license", "oss_license_osi": "floss_license_osi", "project_url_https": "sites_https",
		"repo_url": "repo_public", "changelog": "release_notes", "changelog_vulns": "release_notes_vulns",
		"build_oss_tools": "build_floss_tools", "crypto_oss": "crypto_floss",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("renamed:\n got %v\nwant %v", got, want)
	}
	if !reflect.DeepEqual(in.Retired, []string{"crypto_alternatives"}) {
		t.Errorf("retired %v", in.Retired)
	}
	checks := map[string]model.Answer{
		"description_good":          {Status: model.Met, Justification: "The README explains what the server does and what it does not."},
		"contribution_requirements": {Status: model.Unmet},
		"floss_license":             {Status: model.Met, Justification: "MIT"},
		"sites_https":               {Status: model.Unmet, Justification: "The home page is served over plain http for now."},
		"repo_public":               {Status: model.Met, Justification: "https://github.com/example/tinyhttpd"},
		"release_notes_vulns":       {Status: model.NA, Justification: "No vulnerability fixed so far."},
		"crypto_floss":              {Status: model.NA},
		"interact":                  {Status: model.Met},
	}
	for id, a := range checks {
		if in.Answers[id] != a {
			t.Errorf("%s: %+v, want %+v", id, in.Answers[id], a)
		}
	}
	if in.Project.URL != "https://github.com/example/tinyhttpd" || in.Project.BadgeID != 37 {
		t.Errorf("project %+v", in.Project)
	}
}

// .bestpractices.json files as maintainers commit them: tabs, statuses
// first and justifications after, the site's metadata fields, a retired
// control, "?" with a note, a legacy column, $schema and _comment, objects
// of other tools, CRLF line ends and a byte order mark.
func TestParseRepositoryFiles(t *testing.T) {
	cases := []struct {
		file     string
		answered int
		notes    []string
		retired  []string
		unknown  []string
		name     string
		url      string
	}{
		{file: "bestpractices-tabs.json", answered: 6},
		{file: "bestpractices-metadata.json", answered: 5, retired: []string{"osps_br_01_02"}, name: "decoder", url: "https://github.com/acme/decoder"},
		{file: "bestpractices-drafts.json", answered: 2, notes: []string{"know_secure_design", "report_responses"}, name: "probe"},
		{file: "bestpractices-crlf-bom.json", answered: 2, unknown: []string{"x-acme"}, name: "relay"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			in := parseFixture(t, c.file)
			if in.Kind != KindFile || in.Answered() != c.answered {
				t.Errorf("kind %s, %d answered, want %d", in.Kind, in.Answered(), c.answered)
			}
			var notes []string
			for id, a := range in.Answers {
				if a.Status == model.Unknown {
					notes = append(notes, id)
				}
			}
			if !sameSet(notes, c.notes) || !reflect.DeepEqual(in.Retired, c.retired) || !reflect.DeepEqual(in.Unknown, c.unknown) {
				t.Errorf("notes %v, retired %v, unknown %v", notes, in.Retired, in.Unknown)
			}
			if in.Project.Name != c.name || in.Project.URL != c.url || len(in.Skipped) != 0 {
				t.Errorf("project %+v, skipped %v", in.Project, in.Skipped)
			}
		})
	}
	in := parseFixture(t, "bestpractices-crlf-bom.json")
	if a := in.Answers["osps_do_01_01"]; a.Status != model.Met || a.Justification != "Docs at https://relay.example.org/docs" {
		t.Errorf("display form, lower-case status: %+v", a)
	}
}

func sameSet(a, b []string) bool {
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

// What the site skips is skipped, each value said with its line; the
// rest of the file is read.
func TestParseSkipsWhatTheSiteSkips(t *testing.T) {
	cases := []struct {
		name, data string
		code       Code
		line       int
		mention    string
	}{
		{"status of the wrong type", "{\n\"test_status\": true,\n\"build_status\": \"Met\"}", CodeStatusType, 2, "true"},
		{"a status that is none", "{\"test_status\": \"Maybe\",\n\"build_status\": \"Met\"}", CodeBadStatus, 1, "Maybe"},
		{"justification of the wrong type", "{\"test_justification\": [\"a\"],\n\"build_status\": \"Met\"}", CodeJustificationType, 1, `["a"]`},
		{"name of the wrong type", "{\"name\": 3,\n\"build_status\": \"Met\"}", CodeFieldType, 1, "3"},
		{"id of the wrong type", "{\"id\": \"abc\",\n\"build_status\": \"Met\"}", CodeFieldType, 1, "abc"},
		{"id not a whole number", "{\"id\": 1.5,\n\"build_status\": \"Met\"}", CodeFieldType, 1, "1.5"},
		{"two spellings that differ", "{\"OSPS-AC-01.01_status\": \"Unmet\",\n\"osps_ac_01_01_status\": \"Met\",\n\"build_status\": \"Met\"}", CodeDuplicate, 2, "OSPS-AC-01.01_status"},
		{"a key given twice", "{\"test_status\": \"Unmet\", \"test_status\": \"Met\",\n\"build_status\": \"Met\"}", CodeDuplicate, 1, "test_status"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := Parse("in.json", []byte(c.data), cat)
			if err != nil {
				t.Fatal(err)
			}
			if in.Answers["build"].Status != model.Met {
				t.Errorf("the rest of the file was not read: %v", in.Answers)
			}
			if len(in.Skipped) != 1 {
				t.Fatalf("skipped %v", in.Skipped)
			}
			e := in.Skipped[0]
			if e.Code != c.code || e.Line != c.line || e.Path != "in.json" {
				t.Errorf("got %s line %d, want %s line %d (%v)", e.Code, e.Line, c.code, c.line, e)
			}
			if all := e.Key + " " + e.Other + " " + e.Value; !strings.Contains(all, c.mention) {
				t.Errorf("%q does not name %q", all, c.mention)
			}
		})
	}
	// The later of two values wins, as in the site's reader.
	in, _ := Parse("in.json", []byte(`{"test_status": "Unmet", "test_status": "Met"}`), cat)
	if in.Answers["test"].Status != model.Met {
		t.Errorf("twice: %+v", in.Answers["test"])
	}
}

// Fields no one here knows are listed in file order, and skipped; keys that
// are notes by convention ($schema, _comment) and the site's own columns
// are not listed.
func TestParseUnknownFields(t *testing.T) {
	in, err := Parse("in.json", []byte(`{"$schema": "x", "_comment": "y", "_private": {"a": 1}, "tset_status": "Met",
		"test_status": "Met", "OSPS-XX-99.01_status": "Met", "nope_justification": "", "website": "https://x", "lock_version": 3,
		"homepage_url_justification": "legacy", "achieve_passing_status": "Met"}`), cat)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"tset_status", "OSPS-XX-99.01_status", "nope_justification", "website"}; !reflect.DeepEqual(in.Unknown, want) {
		t.Errorf("unknown %v, want %v", in.Unknown, want)
	}
	if len(in.Answers) != 1 || in.Answers["test"].Status != model.Met {
		t.Errorf("answers %v", in.Answers)
	}
}

// Today's name wins over a former one given for the same criterion, and
// then no mapping is reported.
func TestParseTodaysNameWins(t *testing.T) {
	in, _ := Parse("in.json", []byte(`{"oss_license_status": "Unmet", "floss_license_status": "Met", "oss_license_justification": "old"}`), cat)
	if in.Answers["floss_license"] != (model.Answer{Status: model.Met}) || len(in.Renamed) != 0 {
		t.Errorf("%+v renamed %v", in.Answers["floss_license"], in.Renamed)
	}
}

// The home page is not taken for the repository: without repo_url, the
// project has no URL from the file.
func TestParseHomepageIsNotTheRepository(t *testing.T) {
	in, _ := Parse("x.json", []byte(`{"id": 5, "homepage_url": "https://h.example", "repo_url": null}`), cat)
	if in.Project.URL != "" || in.Homepage != "https://h.example" || in.Project.BadgeID != 5 {
		t.Errorf("project %+v, home page %q", in.Project, in.Homepage)
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		name, data string
		code       Code
		line       int
		mention    string
	}{
		{"not JSON", "{\n  \"test_status\": Met\n}", CodeSyntax, 2, "invalid character"},
		{"cut short", "{\n  \"test_status\": \"Met\",\n", CodeSyntax, 3, "ends before"},
		{"extra after the object", "{}\n{}", CodeSyntax, 2, "more data"},
		{"an array", `[{"id": 1}]`, CodeNotObject, 1, JSONArray},
		{"a string", `"hello"`, CodeNotObject, 1, JSONString},
		{"empty", "  \n", CodeNotObject, 0, JSONEmpty},
		{"a byte order mark alone", "\xef\xbb\xbf", CodeNotObject, 0, JSONEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("in.json", []byte(c.data), cat)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("no error: %v", err)
			}
			if e.Code != c.code || e.Line != c.line || e.Path != "in.json" || !strings.Contains(e.Value, c.mention) {
				t.Errorf("got %s line %d %q, want %s line %d %q", e.Code, e.Line, e.Value, c.code, c.line, c.mention)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	big := []byte(`{"name": "` + strings.Repeat("a", MaxImportSize) + `"}`)
	_, err := Parse("big.json", big, cat)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTooLarge || e.Limit != 5<<20 {
		t.Errorf("too large: %v", err)
	}
	_, err = Parse("bin.json", []byte("{\n\"name\": \"\xff\"}"), cat)
	if !errors.As(err, &e) || e.Code != CodeNotUTF8 || e.Line != 2 {
		t.Errorf("not UTF-8: %v", err)
	}
}

// A byte order mark (some Windows editors write one) is no part of the
// JSON.
func TestParseByteOrderMark(t *testing.T) {
	in, err := Parse("bom.json", []byte("\xef\xbb\xbf{\"test_status\": \"Met\"}"), cat)
	if err != nil || in.Answers["test"].Status != model.Met {
		t.Errorf("%v %v", err, in)
	}
}
