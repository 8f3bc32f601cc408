package model

import (
	"strconv"

	"gopkg.in/yaml.v3"
)

// Insights holds the project block's keys that only the Security Insights
// export reads (see .bestpractices.yaml.example): what a security-insights.yml
// must say and no badge answer tells. Every key is optional here; the export
// names the ones it needs.
type Insights struct {
	// Maintainers is the repository's core team; those with Admin set are
	// the project's administrators. The first is the primary contact.
	Maintainers []Person
	// BugBounty is "" when not given, "false", "true", or the program's URL.
	BugBounty string
	// Status is a repostatus.org word (active, inactive, ...).
	Status                         string
	AcceptsChangeRequests          *bool
	AcceptsAutomatedChangeRequests *bool
	// License is an SPDX expression, for when the license file does not say.
	License  string
	Homepage string
	// Lines is where each key is in the answers file, for messages.
	Lines map[string]int
}

// Person is one entry of project.maintainers.
type Person struct {
	Name, Email, Affiliation, Social string
	Admin                            bool
	Line                             int
}

// InsightsKeys are the project block's Security Insights keys, in the
// order the example file documents them.
var InsightsKeys = []string{"maintainers", "bug_bounty", "status", "accepts_change_requests", "accepts_automated_change_requests", "license", "homepage"}

// readInsightsKey reads one Security Insights key of the project block into
// f.Insights; other keys are not its business.
func (f *File) readInsightsKey(k, v *yaml.Node, fail failFunc) error {
	in := &f.Insights
	if isNull(v) {
		return nil
	}
	text := func() (string, error) {
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			return "", fail(v, Msg{Key: "ui.secins.key.not_text", Args: []any{"Key", "project." + k.Value}}, Msg{Key: "ui.secins.key.fix_example"})
		}
		return v.Value, nil
	}
	flag := func() (*bool, error) {
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return nil, fail(v, Msg{Key: "ui.secins.key.not_bool", Args: []any{"Key", "project." + k.Value}}, Msg{Key: "ui.secins.key.fix_bool"})
		}
		b, _ := strconv.ParseBool(v.Value)
		return &b, nil
	}
	var err error
	switch k.Value {
	case "maintainers":
		in.Maintainers, err = readPeople(v, fail)
	case "bug_bounty":
		if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
			b, _ := flag()
			in.BugBounty = strconv.FormatBool(*b)
		} else if in.BugBounty, err = text(); err != nil {
			err = fail(v, Msg{Key: "ui.secins.key.bad_bug_bounty"}, Msg{Key: "ui.secins.key.fix_bug_bounty"})
		}
	case "status":
		in.Status, err = text()
	case "accepts_change_requests":
		in.AcceptsChangeRequests, err = flag()
	case "accepts_automated_change_requests":
		in.AcceptsAutomatedChangeRequests, err = flag()
	case "license":
		in.License, err = text()
	case "homepage":
		in.Homepage, err = text()
	default:
		return nil
	}
	if err != nil {
		return err
	}
	if in.Lines == nil {
		in.Lines = map[string]int{}
	}
	in.Lines[k.Value] = k.Line
	return nil
}

func readPeople(v *yaml.Node, fail failFunc) ([]Person, error) {
	bad := func(n *yaml.Node) error {
		return fail(n, Msg{Key: "ui.secins.key.bad_maintainers"}, Msg{Key: "ui.secins.key.fix_maintainers"})
	}
	if v.Kind != yaml.SequenceNode {
		return nil, bad(v)
	}
	var out []Person
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return nil, bad(item)
		}
		p := Person{Line: item.Line}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, val := item.Content[i], item.Content[i+1]
			if isNull(val) {
				continue
			}
			if k.Value == "admin" {
				if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
					return nil, fail(val, Msg{Key: "ui.secins.key.not_bool", Args: []any{"Key", "admin"}}, Msg{Key: "ui.secins.key.fix_bool"})
				}
				p.Admin, _ = strconv.ParseBool(val.Value)
				continue
			}
			var dst *string
			switch k.Value {
			case "name":
				dst = &p.Name
			case "email":
				dst = &p.Email
			case "affiliation":
				dst = &p.Affiliation
			case "social":
				dst = &p.Social
			default:
				continue
			}
			if val.Kind != yaml.ScalarNode || val.Tag != "!!str" {
				return nil, fail(val, Msg{Key: "ui.secins.key.not_text", Args: []any{"Key", k.Value}}, Msg{Key: "ui.secins.key.fix_example"})
			}
			*dst = val.Value
		}
		if p.Name == "" {
			return nil, fail(item, Msg{Key: "ui.secins.key.no_name"}, Msg{Key: "ui.secins.key.fix_maintainers"})
		}
		out = append(out, p)
	}
	return out, nil
}
