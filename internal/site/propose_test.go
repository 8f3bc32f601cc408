package site

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func TestProposalEscaping(t *testing.T) {
	tricky := "A & B = C + D; 100% sure? #1 / ü 日本 \"q\" <x>\nline two"
	answers := model.Answers{
		"floss_license":   {Status: model.Met, Justification: tricky},
		"test":            {Status: model.NA, Justification: "none"},
		"interact":        {Status: model.Unmet},
		"contribution":    {Status: model.Unknown, Justification: "draft"},
		"achieve_passing": {Status: model.Met},
		"require_2FA":     {Status: model.Met},
		"osps_ac_01_01":   {Status: model.Met, Justification: "MFA"},
	}
	p := model.Project{Name: "My project", URL: "https://github.com/o/p?x=1&y=2"}
	links, err := Proposals(cat, p, answers, "")
	if err != nil || len(links) != 1 {
		t.Fatalf("%v %+v", err, links)
	}
	raw := links[0].URL
	if !strings.HasPrefix(raw, "https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2Fo%2Fp%3Fx%3D1%26y%3D2&") {
		t.Errorf("start: %s", raw)
	}
	for _, bad := range []string{" ", "\n", "#", "\"", "<", "日"} {
		if strings.Contains(raw, bad) {
			t.Errorf("unescaped %q in %s", bad, raw)
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	want := map[string]string{
		"as": "edit", "url": p.URL, "name": "My project",
		"floss_license_status": "Met", "floss_license_justification": tricky,
		"test_status": "N/A", "test_justification": "none",
		"interact_status": "Unmet", "require_2FA_status": "Met",
		"osps_ac_01_01_status": "Met", "osps_ac_01_01_justification": "MFA",
	}
	if len(q) != len(want) {
		t.Errorf("parameters %v", q)
	}
	for k, v := range want {
		if got := q.Get(k); got != v || len(q[k]) != 1 {
			t.Errorf("%s = %q, want %q", k, q[k], v)
		}
	}
	if links[0].Count != 5 || links[0].Level != "" {
		t.Errorf("link %+v", links[0])
	}
	// Metal criteria come before baseline ones, in catalog order.
	if strings.Index(raw, "interact_status") > strings.Index(raw, "floss_license_status") || strings.Index(raw, "osps_") < strings.Index(raw, "require_2FA") {
		t.Errorf("order: %s", raw)
	}

	// One level: only its criteria, and the section it opens.
	links, _ = Proposals(cat, p, answers, "baseline-1")
	if len(links) != 1 || links[0].Level != "baseline-1" || !strings.Contains(links[0].URL, "&section=baseline-1&") || strings.Contains(links[0].URL, "floss_license") {
		t.Errorf("baseline-1: %+v", links)
	}
	if links, err := Proposals(cat, p, answers, "silver"); err != nil || links != nil {
		t.Errorf("a level with nothing answered: %+v %v", links, err)
	}
	if _, err := Proposals(cat, model.Project{}, answers, ""); !isCode(err, CodeNoURL) {
		t.Errorf("no URL: %v", err)
	}
}

func isCode(err error, c Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == c
}

func TestProposalSplit(t *testing.T) {
	p := model.Project{URL: "https://github.com/o/p"}
	answers := model.Answers{}
	// Long enough together, short enough per level.
	for _, id := range cat.IDs() {
		answers[id] = model.Answer{Status: model.Met, Justification: strings.Repeat("x", 40)}
	}
	links, err := Proposals(cat, p, answers, "")
	if err != nil {
		t.Fatal(err)
	}
	var levels []string
	for _, l := range links {
		levels = append(levels, l.Level)
		if len(l.URL) > MaxURLLength || !strings.Contains(l.URL, "&section="+l.Level+"&") {
			t.Errorf("%s: %d characters", l.Level, len(l.URL))
		}
	}
	if strings.Join(levels, " ") != "passing silver gold baseline-1 baseline-2 baseline-3" {
		t.Errorf("levels %v", levels)
	}
	// report_tracker is asked at passing and silver: it is in both links.
	if !strings.Contains(links[0].URL, "report_tracker_status") || !strings.Contains(links[1].URL, "report_tracker_status") {
		t.Error("a criterion of two levels is missing from one")
	}

	// One level too long by itself: use .bestpractices.json.
	l, _ := cat.Level("passing")
	answers[l.Entries[0].ID] = model.Answer{Status: model.Met, Justification: strings.Repeat("y", MaxURLLength)}
	_, err = Proposals(cat, p, answers, "")
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeURLTooLong || e.Level != "passing" || e.Size <= MaxURLLength {
		t.Errorf("too long: %v", err)
	}
	if _, err := Proposals(cat, p, answers, "passing"); !isCode(err, CodeURLTooLong) {
		t.Errorf("--level passing: %v", err)
	}
	if links, err := Proposals(cat, p, answers, "silver"); err != nil || len(links) != 1 {
		t.Errorf("silver alone fits: %v", err)
	}
}
