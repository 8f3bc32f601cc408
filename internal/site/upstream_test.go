package site

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/upstream"
	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

func readUpstream(t *testing.T, name string) *yaml.Node {
	t.Helper()
	return upstream.Read(t, "criteria/"+name)
}

var pairs = upstream.Pairs

// upstreamCriteria maps every criterion id of a criteria file (level >
// major > minor > id) to its original_id, if it has one.
func upstreamCriteria(root *yaml.Node) map[string]string {
	out := map[string]string{}
	for _, lv := range pairs(root) {
		if lv[0].Value == "_metadata" {
			continue
		}
		for _, mj := range pairs(lv[1]) {
			for _, mn := range pairs(mj[1]) {
				for _, c := range pairs(mn[1]) {
					out[c[0].Value] = ""
					for _, kv := range pairs(c[1]) {
						if kv[0].Value == "original_id" {
							out[c[0].Value] = kv[1].Value
						}
					}
				}
			}
		}
	}
	return out
}

// The exported field names are exactly the site's: <criterion>_status and
// <criterion>_justification for every criterion of criteria.yml and
// baseline_criteria.yml, except the two the site sets itself.
func TestExportKeysAreTheSitesFields(t *testing.T) {
	metal := upstreamCriteria(readUpstream(t, "criteria.yml"))
	baseline := upstreamCriteria(readUpstream(t, "baseline_criteria.yml"))
	var want []string
	for _, m := range []map[string]string{metal, baseline} {
		for id := range m {
			if id != "achieve_passing" && id != "achieve_silver" {
				want = append(want, id+"_status", id+"_justification")
			}
		}
	}
	answers := model.Answers{}
	for _, id := range cat.IDs() {
		answers[id] = model.Answer{Status: model.Met, Justification: "x"}
	}
	data, err := Export(cat, model.Project{}, answers)
	if err != nil {
		t.Fatal(err)
	}
	got := keysInOrder(t, data)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("exported keys differ from the site's fields\n got %v\nwant %v", got, want)
	}

	// The OSPS control ids fold to the field names, so both spellings import.
	for id, control := range baseline {
		if control == "" || FieldName(control) != id {
			t.Errorf("%s: control %q folds to %q", id, control, FieldName(control))
		}
		in, err := Parse("x.json", []byte(`{"`+control+`_status": "Met"}`), cat)
		if err != nil || in.Answers[id].Status != model.Met {
			t.Errorf("%s_status: %v", control, err)
		}
	}
}

// Our list of retired controls is the site's.
func TestRetiredControls(t *testing.T) {
	root := readUpstream(t, "baseline_criteria_retired.yml")
	var up []string
	for _, kv := range pairs(root) {
		up = append(up, kv[0].Value)
	}
	var ours []string
	for id := range removed {
		if strings.HasPrefix(id, "osps_") {
			ours = append(ours, id)
		}
	}
	sort.Strings(up)
	sort.Strings(ours)
	if strings.Join(up, " ") != strings.Join(ours, " ") {
		t.Errorf("retired: ours %v, upstream %v", ours, up)
	}
}

// readSiteFile reads a file of ../shared/upstream/site, skipping the test
// when the reference data is absent.
func readSiteFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(upstream.Dir(), "site", name))
	if os.IsNotExist(err) {
		t.Skipf("skipping: site/%s not found (the badge's reference data sits in ../shared only in CI and the team's workspaces)", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every rename and removal in the site's migrations is known: a former
// criterion field leads (through every later rename) to today's criterion,
// a removed one is skipped and said, a column that is no criterion is
// skipped without a word.
func TestRenamesAreTheSites(t *testing.T) {
	next := map[string]string{}
	for _, line := range strings.Split(readSiteFile(t, "projects-column-renames.tsv"), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] == "old_column" {
			continue
		}
		next[f[1]] = f[2]
	}
	for old := range next {
		final := old
		for i := 0; i < 20 && next[final] != ""; i++ {
			final = next[final]
		}
		for _, suffix := range []string{"_status", "_justification"} {
			base, ok := strings.CutSuffix(old, suffix)
			if !ok {
				continue
			}
			to, _ := strings.CutSuffix(final, suffix)
			switch {
			case final == "(removed)":
				if !removed[base] {
					t.Errorf("%s was removed by the site; we do not skip it", old)
				}
			case cat.Known(to):
				if renamed[base] != to {
					t.Errorf("%s is today's %s; we read it as %q", old, to, renamed[base])
				}
			default:
				if !legacyAnswers[base] || !(legacyAnswers[to] || siteColumns[final]) {
					t.Errorf("%s became %s, which is no criterion; both must be legacy columns", old, final)
				}
			}
		}
		if !strings.HasSuffix(old, "_status") && !strings.HasSuffix(old, "_justification") && !siteColumns[old] {
			t.Errorf("column %s (now %s) is not among the site's columns", old, final)
		}
	}
}

// Every column of the site's projects table is a criterion field, a legacy
// one, or a column we know; our fixture of a downloaded entry has them all.
func TestSiteColumnsAreKnown(t *testing.T) {
	schema := readSiteFile(t, "schema-projects-table.rb")
	cols := regexp.MustCompile(`(?m)^\s*t\.(?:text|string|integer|datetime|date|boolean) "([^"]+)"`).FindAllStringSubmatch(schema, -1)
	in, err := Parse("entry-2026.json", fixture(t, "entry-2026.json"), cat)
	if err != nil {
		t.Fatal(err)
	}
	var fields []rawField
	fields, _ = readObject("entry-2026.json", fixture(t, "entry-2026.json"))
	have := map[string]bool{}
	for _, f := range fields {
		have[foldKey(f.key)] = true
	}
	for _, m := range cols {
		col := m[1]
		base, crit := strings.CutSuffix(col, "_status")
		if !crit {
			base, crit = strings.CutSuffix(col, "_justification")
		}
		switch {
		case crit && (cat.Known(base) || removed[base] || legacyAnswers[base]):
		case crit:
			t.Errorf("column %s: no criterion, legacy or removed field of ours", col)
		case !siteColumns[col]:
			t.Errorf("column %s is not among the site's columns", col)
		}
		if strings.HasSuffix(col, "_justification") {
			continue // left out of an entry when empty
		}
		if !have[foldKey(col)] {
			t.Errorf("testdata/entry-2026.json lacks the column %s", col)
		}
	}
	if len(in.Unknown) != 0 {
		t.Errorf("unknown fields in a downloaded entry: %v", in.Unknown)
	}
}
