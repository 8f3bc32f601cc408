package secpolicy

import "github.com/bestpractices/bestpractices/model"

// establishes lists the criteria a policy written by Text makes true, each
// with the metal criterion whose proposal (detect's reading of the file
// written) justifies it. The policy says how to report a vulnerability,
// privately, to whom, and what happens then, with response times.
// vulnerability_report_response is not here: it asks for a record of
// responses, and a promise is not one.
var establishes = []struct{ id, by string }{
	{"vulnerability_report_process", "vulnerability_report_process"},
	{"vulnerability_report_private", "vulnerability_report_private"},
	{"osps_vm_01_01", "vulnerability_report_process"}, // a disclosure policy with response times
	{"osps_vm_02_01", "vulnerability_report_process"}, // security contacts named
	{"osps_vm_03_01", "vulnerability_report_private"}, // private reporting
}

// Contradiction is an answer a new policy makes untrue, and what replaces it.
type Contradiction struct {
	Given       model.Answer
	Replacement model.Proposal
}

// Contradicted returns, in a fixed order, the answers given that the policy
// just written makes untrue (Unmet or N/A on a criterion it meets), each
// with its replacement: the proposal found in the policy for that
// criterion, else the one for the metal criterion that justifies it.
// Nothing is proposed for what the policy was not found to show.
func Contradicted(given model.Answers, found model.Proposals) []Contradiction {
	var out []Contradiction
	for _, e := range establishes {
		a := given[e.id]
		if a.Status == model.Unknown || a.Status == model.Met {
			continue
		}
		p, ok := found[e.id]
		if !ok || p.Status != model.Met {
			if p, ok = found[e.by]; !ok || p.Status != model.Met {
				continue
			}
			p.ID = e.id
		}
		out = append(out, Contradiction{Given: a, Replacement: p})
	}
	return out
}
