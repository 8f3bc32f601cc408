package site

import (
	"errors"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// A project entry as the site publishes it: many fields that are not
// answers, "?" for unanswered, null justifications, both spellings of a
// baseline field, the automatic achieve_* fields, a retired control.
const projectJSON = `{
  "id": 1234,
  "user_id": 99,
  "name": "Demo ",
  "description": "A demo.",
  "homepage_url": "https://demo.example.org",
  "repo_url": "https://github.com/demo/demo",
  "badge_level": "in_progress",
  "tiered_percentage": 87,
  "badge_percentage_0": 87,
  "created_at": "2024-01-02T03:04:05.000Z",
  "implementation_languages": "Go",
  "lock_version": 12,
  "disabled_reminders": false,
  "description_good_status": "Met",
  "description_good_justification": "  The README says what it does.  ",
  "interact_status": "met",
  "interact_justification": null,
  "contribution_status": "?",
  "contribution_justification": "",
  "test_status": "N/A",
  "test_justification": "Nothing to test.",
  "report_tracker_status": " Unmet ",
  "report_tracker_justification": "E-mail only.",
  "require_2FA_status": "Met",
  "achieve_passing_status": "Met",
  "achieve_passing_justification": null,
  "OSPS-AC-01.01_status": "Met",
  "osps_ac_01_01_status": "Met",
  "osps_ac_01_01_justification": "MFA required.",
  "osps_br_01_02_status": "Met",
  "osps_do_01_01_status": null,
  "osps_do_02_01_status": "unknown"
}`

func TestParseProjectEntry(t *testing.T) {
	in, err := Parse("1234.json", []byte(projectJSON), cat)
	if err != nil {
		t.Fatal(err)
	}
	if in.Kind != KindProject {
		t.Errorf("kind %s", in.Kind)
	}
	if in.Project != (model.Project{Name: "Demo", URL: "https://github.com/demo/demo", BadgeID: 1234}) {
		t.Errorf("project %+v", in.Project)
	}
	want := model.Answers{
		"description_good": {Status: model.Met, Justification: "The README says what it does."},
		"interact":         {Status: model.Met},
		"test":             {Status: model.NA, Justification: "Nothing to test."},
		"report_tracker":   {Status: model.Unmet, Justification: "E-mail only."},
		"require_2FA":      {Status: model.Met},
		"osps_ac_01_01":    {Status: model.Met, Justification: "MFA required."},
	}
	if len(in.Answers) != len(want) {
		t.Errorf("answers %+v", in.Answers)
	}
	for id, a := range want {
		if in.Answers[id] != a {
			t.Errorf("%s: %+v, want %+v", id, in.Answers[id], a)
		}
	}
	if len(in.Retired) != 1 || in.Retired[0] != "osps_br_01_02" {
		t.Errorf("retired %v", in.Retired)
	}
	// Without repo_url, the home page is the project's URL.
	in, _ = Parse("x.json", []byte(`{"id": 5, "homepage_url": "https://h.example", "repo_url": null}`), cat)
	if in.Project.URL != "https://h.example" || in.Project.BadgeID != 5 {
		t.Errorf("project %+v", in.Project)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, data string
		code       Code
		line       int
		mention    string // in Key, Value or Keys
	}{
		{"not JSON", "{\n  \"test_status\": Met\n}", CodeSyntax, 2, "invalid character"},
		{"cut short", "{\n  \"test_status\": \"Met\",\n", CodeSyntax, 3, "ends before"},
		{"extra after the object", "{}\n{}", CodeSyntax, 2, "more data"},
		{"an array", `[{"id": 1}]`, CodeNotObject, 1, JSONArray},
		{"a string", `"hello"`, CodeNotObject, 1, JSONString},
		{"empty", "  \n", CodeNotObject, 0, JSONEmpty},
		{"unknown criteria, all named", "{\n\"name\": \"x\",\n\"tset_status\": \"Met\",\n\"test_status\": \"Met\",\n\"OSPS-XX-99.01_status\": \"Met\",\n\"nope_justification\": \"\"}", CodeUnknownCriteria, 3, "tset_status,OSPS-XX-99.01_status,nope_justification"},
		{"status of the wrong type", "{\n\"test_status\": true}", CodeStatusType, 2, "true"},
		{"unknown status", "{\"test_status\": \"Maybe\"}", CodeBadStatus, 1, "Maybe"},
		{"justification of the wrong type", "{\"test_justification\": [\"a\"]}", CodeJustificationType, 1, `["a"]`},
		{"name of the wrong type", "{\"name\": 3}", CodeFieldType, 1, "3"},
		{"id of the wrong type", "{\"id\": \"abc\"}", CodeFieldType, 1, "abc"},
		{"id not a whole number", "{\"id\": 1.5}", CodeFieldType, 1, "1.5"},
		{"two spellings that differ", "{\"OSPS-AC-01.01_status\": \"Met\",\n\"osps_ac_01_01_status\": \"Unmet\"}", CodeDuplicate, 2, "OSPS-AC-01.01_status"},
		{"a key given twice", "{\"test_status\": \"Met\", \"test_status\": \"Unmet\"}", CodeDuplicate, 1, "test_status"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("in.json", []byte(c.data), cat)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("no error: %v", err)
			}
			if e.Code != c.code || e.Line != c.line || e.Path != "in.json" {
				t.Errorf("got %s line %d, want %s line %d (%v)", e.Code, e.Line, c.code, c.line, e)
			}
			all := e.Key + " " + e.Other + " " + e.Value + " " + strings.Join(e.Keys, ",")
			if !strings.Contains(all, c.mention) {
				t.Errorf("%q does not name %q", all, c.mention)
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
