package site

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// The site reads a repository's .bestpractices.json with
// RepoJsonDetective: it looks each key up as written, and reads the first
// of its two locations that is there.
func TestSiteReadsKeysAsWritten(t *testing.T) {
	det := readSiteFile(t, "repo_json_detective.rb")
	for _, fact := range []string{
		// each key of the file, as written, is looked up among the
		// site's field names: no folding, no display-form mapping
		"json_data.each do |key, value|",
		"field_sym = CriterionFieldValidator.validate_field_name(key)",
		// the justification is the status field's name with _justification
		"just_field = CriterionFieldValidator.status_to_justification_field(field_sym)",
		"json_data[just_field.to_s]",
	} {
		if !strings.Contains(det, fact) {
			t.Errorf("repo_json_detective.rb no longer has %q: check how the site reads keys, and SiteReads", fact)
		}
	}
	m := regexp.MustCompile(`FILE_LOCATIONS = \[([^\]]*)\]`).FindStringSubmatch(det)
	if m == nil {
		t.Fatal("repo_json_detective.rb: no FILE_LOCATIONS")
	}
	var locs []string
	for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllStringSubmatch(m[1], -1) {
		locs = append(locs, q[1])
	}
	if !slices.Equal(locs, FileLocations) {
		t.Errorf("the site reads %v; we read %v", locs, FileLocations)
	}
}

// The site's field names are the projects table's columns: a file with
// every criterion field spelled as the table spells it (require_2FA_status,
// osps_ac_01_01_status) gives the site every answer; the same answers in
// the display form the site serves (OSPS-AC-01.01_status) or with the
// metal ids lowercased (require_2fa_status) give it none, though import
// reads them all.
func TestSiteReadsTheTablesSpelling(t *testing.T) {
	schema := readSiteFile(t, "schema-projects-table.rb")
	display := map[string]string{}
	for id, orig := range upstreamCriteria(readUpstream(t, "baseline_criteria.yml")) {
		display[id] = orig
	}
	cols := regexp.MustCompile(`(?m)^\s*t\.integer "([^"]+)_status"`).FindAllStringSubmatch(schema, -1)
	var exact, displayed, lowered []string
	ids := map[string]bool{}
	upper := 0
	for _, c := range cols {
		id := c[1]
		if !cat.Known(id) || criteria.PrerequisiteOf(id) != "" {
			continue // a legacy column, or one the site sets itself
		}
		ids[id] = true
		exact = append(exact, `"`+id+`_status": "Met", "`+id+`_justification": "why `+id+`"`)
		other := strings.ToLower(id)
		if d := display[id]; d != "" {
			other = d
		} else if other != id {
			upper++
		}
		if other != id {
			displayed = append(displayed, `"`+other+`_status": "Met", "`+other+`_justification": "why `+id+`"`)
		}
		lowered = append(lowered, other)
	}
	if len(ids) < 100 || len(displayed) < 60 || upper < 2 {
		t.Fatalf("the schema gave %d criteria, %d spelled otherwise (%d metal ids with capitals): the column pattern no longer matches", len(ids), len(displayed), upper)
	}
	in, err := Parse(FileName, []byte("{"+strings.Join(exact, ", ")+"}"), cat)
	if err != nil {
		t.Fatal(err)
	}
	reads := SiteReads(in)
	for id := range ids {
		if a := reads[id]; a.Status != model.Met || a.Justification != "why "+id {
			t.Errorf("%s_status as the table spells it: the site reads %+v", id, a)
		}
	}
	if len(reads) != len(ids) || len(in.Spelled) != 0 {
		t.Errorf("read %d answers of %d; %d spelled otherwise", len(reads), len(ids), len(in.Spelled))
	}

	in, err = Parse(FileName, []byte("{"+strings.Join(displayed, ", ")+"}"), cat)
	if err != nil {
		t.Fatal(err)
	}
	if reads := SiteReads(in); len(reads) != 0 {
		t.Errorf("the site reads %d answers spelled otherwise, e.g. %v", len(reads), reads)
	}
	if len(in.Answers) != len(displayed) || len(in.Spelled) != 2*len(displayed) {
		t.Errorf("import reads %d of %d answers spelled otherwise, %d fields listed as spelled otherwise", len(in.Answers), len(displayed), len(in.Spelled))
	}
	for _, sp := range in.Spelled {
		if !slices.Contains(lowered, strings.TrimSuffix(strings.TrimSuffix(sp.Key, "_status"), "_justification")) ||
			(sp.Want != FieldName(sp.ID)+"_status" && sp.Want != FieldName(sp.ID)+"_justification") {
			t.Errorf("spelling %+v", sp)
		}
	}
}

// What the site takes of each value, as its validator reads it.
func TestSiteReadsValues(t *testing.T) {
	long := strings.Repeat("é", MaxJustification+1)
	in, err := Parse(FileName, []byte(`{
  "interact_status": " met\t",
  "interact_justification": "  Mailing list.  ",
  "test_status": "NA",
  "test_justification": "no tests yet",
  "build_status": "?",
  "build_justification": null,
  "english_status": 3,
  "english_justification": ["a"],
  "contribution_status": "Unmet",
  "contribution_status": "N/A",
  "osps_ac_01_01_status": "Met",
  "OSPS-AC-01.01_status": "Unmet",
  "floss_license_status": "unknown",
  "floss_license_justification": "`+long+`",
  "oss_license_osi_status": "Met"
}`), cat)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Answers{
		"interact":      {Status: model.Met, Justification: "Mailing list."},
		"test":          {Justification: "no tests yet"}, // NA is no status of the site's
		"contribution":  {Status: model.NA},              // the later value
		"osps_ac_01_01": {Status: model.Met},             // the display form is not read
	}
	got := SiteReads(in)
	if len(got) != len(want) {
		t.Errorf("read %v", got)
	}
	for id, a := range want {
		if got[id] != a {
			t.Errorf("%s: the site reads %+v, we say %+v", id, a, got[id])
		}
	}
	// Import reads more: NA, the display form (the later field wins there).
	if in.Answers["test"].Status != model.NA || in.Answers["osps_ac_01_01"].Status != model.Unmet || in.Answers["floss_license_osi"].Status != model.Met {
		t.Errorf("import: %+v", in.Answers)
	}
}
