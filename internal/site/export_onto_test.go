package site

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// Exporting exactly what a maintainer's file holds, over that file,
// changes no byte: layout, order, metadata, notes and retired controls stay.
func TestExportOntoOwnFileChangesNothing(t *testing.T) {
	for _, name := range []string{"bestpractices-tabs.json", "bestpractices-metadata.json", "bestpractices-drafts.json"} {
		t.Run(name, func(t *testing.T) {
			old := fixture(t, name)
			in := parseFixture(t, name)
			got, _, err := ExportOnto(cat, in.Project, in.Answers, old)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, old) {
				t.Errorf("changed:\n%s\nwas:\n%s", got, old)
			}
			// And without the project's name: the file's stays.
			got, _, _ = ExportOnto(cat, model.Project{}, in.Answers, old)
			if !bytes.Equal(got, old) {
				t.Errorf("without a name:\n%s", got)
			}
		})
	}
}

// A byte order mark, CRLF line ends, $schema, _comment and another tool's
// object stay as they are; the display-form field is written in the form
// the site reads, in its place.
func TestExportOntoKeepsOtherFields(t *testing.T) {
	old := fixture(t, "bestpractices-crlf-bom.json")
	in := parseFixture(t, "bestpractices-crlf-bom.json")
	answers := in.Answers
	answers["osps_vm_02_01"] = model.Answer{Status: model.Met, Justification: "SECURITY.md"}
	got, _, err := ExportOnto(cat, model.Project{}, answers, old)
	if err != nil {
		t.Fatal(err)
	}
	want := "\xef\xbb\xbf{\r\n" +
		"    \"$schema\": \"https://example.org/schemas/bestpractices.json\",\r\n" +
		"    \"_comment\": \"Kept by hand; the badge site reads the criteria fields.\",\r\n" +
		"    \"name\": \"relay\",\r\n" +
		"    \"x-acme\": {\r\n        \"owner\": \"platform-team\",\r\n        \"reviewed\": \"2026-04-01\"\r\n    },\r\n" +
		"    \"maintained_status\": \"Met\",\r\n" +
		"    \"maintained_justification\": \"Weekly releases: https://github.com/acme/relay/releases\",\r\n" +
		"    \"osps_do_01_01_status\": \"Met\",\r\n" +
		"    \"osps_do_01_01_justification\": \"Docs at https://relay.example.org/docs\",\r\n" +
		"    \"osps_vm_02_01_status\": \"Met\",\r\n" +
		"    \"osps_vm_02_01_justification\": \"SECURITY.md\"\r\n" +
		"}\r\n"
	if string(got) != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// Answers changed, removed and added: each in its place, new ones after the
// file's last criterion field in catalog order, a former field name
// replaced by today's, a missing justification beside its status.
func TestExportOntoChanges(t *testing.T) {
	old := []byte(`{
  "$schema": "https://example.org/s.json",
  "oss_license_status": "Met",
  "oss_license_justification": "MIT",
  "test_status": "Unmet",
  "build_status": "Met",
  "build_justification": "make",
  "osps_br_01_02_status": "N/A",
  "private": {"keep": [1, 2, 3]}
}
`)
	answers := model.Answers{
		"floss_license": {Status: model.Met, Justification: "MIT, see LICENSE"},
		"test":          {Status: model.Met, Justification: "go test ./..."},
		"osps_vm_02_01": {Status: model.Met},
		"interact":      {Status: model.Unmet},
	}
	got, _, err := ExportOnto(cat, model.Project{Name: "demo"}, answers, old)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "$schema": "https://example.org/s.json",
  "name": "demo",
  "floss_license_status": "Met",
  "floss_license_justification": "MIT, see LICENSE",
  "test_status": "Met",
  "test_justification": "go test ./...",
  "interact_status": "Unmet",
  "osps_vm_02_01_status": "Met",
  "osps_br_01_02_status": "N/A",
  "private": {"keep": [1, 2, 3]}
}
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// What is no .bestpractices.json is refused, not overwritten.
func TestExportOntoRefuses(t *testing.T) {
	answers := model.Answers{"test": {Status: model.Met}}
	for name, old := range map[string]string{
		"YAML":   "version: 1\nanswers:\n  test:\n    status: Met\n",
		"array":  `[{"test_status": "Met"}]`,
		"broken": `{"test_status": "Met",`,
		"binary": "\x00\x01\xff",
	} {
		if _, _, err := ExportOnto(cat, model.Project{}, answers, []byte(old)); err == nil {
			t.Errorf("%s: written over", name)
		}
	}
	// An empty object is a file to fill.
	got, _, err := ExportOnto(cat, model.Project{}, answers, []byte("{}"))
	if err != nil || string(got) != "{\n  \"test_status\": \"Met\"\n}" {
		t.Errorf("{}: %q %v", got, err)
	}
}

// The proof: bytes that would not read back as the answers are refused.
func TestExportProof(t *testing.T) {
	answers := model.Answers{"test": {Status: model.Met, Justification: "ok"}}
	data, _ := Export(cat, model.Project{}, answers)
	bad := bytes.Replace(data, []byte(`"ok"`), []byte(`"ko"`), 1)
	if _, err := finish(cat, model.Project{}, answers, bad, nil); !isCode(err, CodeExportProof) {
		t.Errorf("a changed justification passed: %v", err)
	}
	if _, err := finish(cat, model.Project{Name: "x"}, answers, data, nil); !isCode(err, CodeExportProof) {
		t.Errorf("a missing name passed: %v", err)
	}
	kept := []rawField{{key: "private", raw: []byte(`{"a": 1}`)}}
	if _, err := finish(cat, model.Project{}, answers, data, kept); !isCode(err, CodeExportProof) {
		t.Errorf("a lost field passed: %v", err)
	}
}

// export -> import -> export gives the same bytes, for every answer shape
// the fixtures hold.
func TestExportImportExport(t *testing.T) {
	for _, name := range []string{"entry-2026.json", "entry-2016.json", "bestpractices-tabs.json", "bestpractices-metadata.json", "bestpractices-drafts.json", "bestpractices-crlf-bom.json"} {
		in := parseFixture(t, name)
		first, err := Export(cat, in.Project, in.Answers)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, err := Parse(FileName, first, cat)
		if err != nil {
			t.Fatal(err)
		}
		if d := Compare(cat, in.Answers, back.Answers); len(d) > 0 {
			t.Errorf("%s: %d answers differ after the round trip, first %+v", name, len(d), d[0])
		}
		second, _ := Export(cat, back.Project, back.Answers)
		if !bytes.Equal(first, second) {
			t.Errorf("%s: second export differs", name)
		}
	}
}

// What the site reads of a file: fields under former names are not read.
func TestSiteReadsAndCompare(t *testing.T) {
	in := parseFixture(t, "entry-2016.json")
	reads := SiteReads(in)
	if _, ok := reads["floss_license"]; ok {
		t.Error("oss_license_status read as today's field")
	}
	if reads["interact"].Status != model.Met {
		t.Error("today's field not read")
	}
	ours := model.Answers{
		"interact":      {Status: model.Met, Justification: "\n"},         // same as the site's, seen as the site sees it
		"floss_license": {Status: model.Met, Justification: " MIT "},      // same
		"test":          {Status: model.Met},                              // only ours
		"build":         {Status: model.Unknown, Justification: "  "},     // nothing
		"english":       {Status: model.Unknown, Justification: "ask Jo"}, // a note only ours has
	}
	d := Compare(cat, ours, in.Answers)
	var got []string
	for _, x := range d {
		got = append(got, x.ID)
	}
	if strings.Join(got, " ") != "description_good contribution contribution_requirements floss_license_osi sites_https english repo_public release_notes release_notes_vulns build_floss_tools test crypto_floss" {
		t.Errorf("differ: %v", got)
	}
	for _, x := range d {
		if x.ID == "test" && (!x.StatusDiffers() || x.JustificationDiffers()) {
			t.Errorf("test: %+v", x)
		}
	}
}

// Found by FuzzParse: a "nAme" field is no name of ours; it stays as it is
// beside the name export writes.
func TestExportOntoFieldNamedLikeName(t *testing.T) {
	old := []byte(`{"nAme":"0"}`)
	in, err := Parse("in.json", old, cat)
	if err != nil || in.Project.Name != "" || !reflect.DeepEqual(in.Unknown, []string{"nAme"}) {
		t.Fatalf("%v %+v", err, in)
	}
	got, _, err := ExportOnto(cat, model.Project{Name: "demo"}, nil, old)
	if err != nil || string(got) != "{\n  \"name\": \"demo\",\n  \"nAme\": \"0\"\n}" {
		t.Errorf("%q %v", got, err)
	}
}

// A file kept from a download with "?" placeholders and nulls, as the
// site's documentation suggests: a placeholder for a criterion we have no
// answer for, a null justification beside an answer without one, a "met"
// for Met and a justification with spaces around it all stay as written;
// the display form and a lowercased metal id, which the site does not read
// in a repository, are written under the site's names, and listed.
func TestExportOntoKeepsWhatTheSiteReadsAlready(t *testing.T) {
	old := []byte(`{
  "name": "widget",
  "floss_license_status": "?",
  "floss_license_justification": null,
  "maintained_status": "Met",
  "maintained_justification": null,
  "interact_status": "met",
  "interact_justification": "  Mailing list.  ",
  "test_status": "NA",
  "OSPS-AC-01.01_status": "Met",
  "OSPS-AC-01.01_justification": "MFA enforced.",
  "OSPS-BR-01.01_status": "?",
  "require_2fa_status": "Met",
  "oss_license_osi_status": "Met"
}
`)
	answers := model.Answers{
		"maintained":        {Status: model.Met},
		"interact":          {Status: model.Met, Justification: "Mailing list."},
		"test":              {Status: model.NA},
		"osps_ac_01_01":     {Status: model.Met, Justification: "MFA enforced."},
		"require_2FA":       {Status: model.Met},
		"floss_license_osi": {Status: model.Met},
	}
	got, respelled, err := ExportOnto(cat, model.Project{}, answers, old)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "name": "widget",
  "floss_license_status": "?",
  "floss_license_justification": null,
  "maintained_status": "Met",
  "maintained_justification": null,
  "interact_status": "met",
  "interact_justification": "  Mailing list.  ",
  "test_status": "N/A",
  "osps_ac_01_01_status": "Met",
  "osps_ac_01_01_justification": "MFA enforced.",
  "OSPS-BR-01.01_status": "?",
  "require_2FA_status": "Met",
  "floss_license_osi_status": "Met"
}
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	wantRe := []Respelled{
		{From: "OSPS-AC-01.01_status", To: "osps_ac_01_01_status"},
		{From: "OSPS-AC-01.01_justification", To: "osps_ac_01_01_justification"},
		{From: "require_2fa_status", To: "require_2FA_status"},
		{From: "oss_license_osi_status", To: "floss_license_osi_status", Former: true},
	}
	if !reflect.DeepEqual(respelled, wantRe) {
		t.Errorf("respelled %+v", respelled)
	}
	// Exported again over its own output: no byte changes, nothing renamed.
	again, respelled, err := ExportOnto(cat, model.Project{}, answers, got)
	if err != nil || !bytes.Equal(again, got) || len(respelled) != 0 {
		t.Errorf("second export: %v %v\n%s", err, respelled, again)
	}
	// An answer gone: a placeholder that gives the site nothing stays,
	// a field that gives it the old answer goes.
	delete(answers, "maintained")
	got, _, err = ExportOnto(cat, model.Project{}, answers, again)
	if err != nil || bytes.Contains(got, []byte(`"maintained_status"`)) || !bytes.Contains(got, []byte(`"maintained_justification": null`)) {
		t.Errorf("maintained gone: %v\n%s", err, got)
	}
}
