package site

import (
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
	for id := range retired {
		ours = append(ours, id)
	}
	sort.Strings(up)
	sort.Strings(ours)
	if strings.Join(up, " ") != strings.Join(ours, " ") {
		t.Errorf("retired: ours %v, upstream %v", ours, up)
	}
}
