package model

import (
	"errors"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// The Security Insights keys of the project block load, each with its line.
func TestInsightsKeys(t *testing.T) {
	src := `version: 1
project:
  name: demo
  maintainers:
    - name: Jo Lee          # lead
      email: jo@example.org
      admin: true
    - name: Sam Roe
      social: https://github.com/samroe
  bug_bounty: https://hackerone.com/demo
  status: active
  accepts_change_requests: true
  accepts_automated_change_requests: false
  license: MIT OR Apache-2.0
  homepage: https://demo.example.org
answers:
`
	f, err := Parse("x.yaml", []byte(src), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	in := f.Insights
	if len(in.Maintainers) != 2 || in.Maintainers[0].Name != "Jo Lee" || !in.Maintainers[0].Admin || in.Maintainers[0].Line != 5 ||
		in.Maintainers[1].Admin || in.Maintainers[1].Social != "https://github.com/samroe" {
		t.Errorf("maintainers: %+v", in.Maintainers)
	}
	if in.BugBounty != "https://hackerone.com/demo" || in.Status != "active" || in.License != "MIT OR Apache-2.0" || in.Homepage != "https://demo.example.org" ||
		in.AcceptsChangeRequests == nil || !*in.AcceptsChangeRequests || in.AcceptsAutomatedChangeRequests == nil || *in.AcceptsAutomatedChangeRequests {
		t.Errorf("keys: %+v", in)
	}
	if in.Lines["status"] != 11 || in.Lines["bug_bounty"] != 10 {
		t.Errorf("lines: %v", in.Lines)
	}
	// bug_bounty: false is a boolean.
	f, _ = Parse("x.yaml", []byte("version: 1\nproject:\n  bug_bounty: false\n"), criteria.Default())
	if f.Insights.BugBounty != "false" {
		t.Errorf("bug_bounty false: %q", f.Insights.BugBounty)
	}
}

// Wrong shapes are refused at their line, with what to write instead.
func TestInsightsKeysRefused(t *testing.T) {
	cases := map[string]struct {
		body string
		line int
		key  string
	}{
		"maintainers not a list":    {"  maintainers: Jo Lee\n", 3, "ui.secins.key.bad_maintainers"},
		"a maintainer without name": {"  maintainers:\n    - email: jo@example.org\n", 4, "ui.secins.key.no_name"},
		"admin as text":             {"  maintainers:\n    - name: Jo\n      admin: \"yes\"\n", 5, "ui.secins.key.not_bool"},
		"a flag as text":            {"  accepts_change_requests: yes\n", 3, "ui.secins.key.not_bool"},
		"status as a list":          {"  status: [active]\n", 3, "ui.secins.key.not_text"},
		"bug_bounty as a number":    {"  bug_bounty: 100\n", 3, "ui.secins.key.bad_bug_bounty"},
	}
	for name, c := range cases {
		_, err := Parse("x.yaml", []byte("version: 1\nproject:\n"+c.body), criteria.Default())
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line != c.line || fe.Message.Key != c.key {
			t.Errorf("%s: %v", name, err)
		}
	}
}
