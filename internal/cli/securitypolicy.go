package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secpolicy"
	"github.com/bestpractices/bestpractices/model"
)

// policyFields are the security criteria a new policy supports.
var policyFields = []string{"vulnerability_report_process", "vulnerability_report_private", "vulnerability_report_response"}

func runSecurityPolicy(env *Env, args []string) int {
	fs := env.flagSet("security-policy")
	a := secpolicy.Answers{}
	fs.StringVar(&a.Channel, "channel", "", "")
	fs.StringVar(&a.Email, "email", "", "")
	fs.StringVar(&a.Link, "link", "", "")
	fs.StringVar(&a.Key, "key", "", "")
	fs.StringVar(&a.Versions, "versions", "", "")
	fs.StringVar(&a.Advisories, "advisories", "", "")
	ack := fs.Int("ack-days", 3, "")
	embargo := fs.Int("embargo-days", 90, "")
	fs.BoolVar(&a.Credit, "credit", true, "")
	force := fs.Bool("force", false, "")
	apply := fs.Bool("apply", false, "")
	update := fs.Bool("update-answers", false, "")
	if code, ok := env.parse(fs, args, "ui.detect.security.help"); !ok {
		return code
	}
	loc := env.Loc
	a.AckDays, a.EmbargoDays = strconv.Itoa(*ack), strconv.Itoa(*embargo)
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	root := env.RepoRoot()
	site := evidence.Locate(root)
	if a.Channel == "" {
		switch {
		case a.Email != "":
			a.Channel = secpolicy.ChannelEmail
		case a.Link != "":
			a.Channel = secpolicy.ChannelLink
		}
	}
	if a.Versions == "" {
		a.Versions = loc.T("ui.detect.security.default_versions")
	}
	if a.Advisories == "" {
		a.Advisories = site.AdvisoriesURL()
	}

	target, existing := policyTarget(root)
	if existing != "" && !*force {
		fmt.Fprintln(env.Stderr, loc.T("ui.detect.security.exists", "File", env.DisplayPath(filepath.Join(root, existing))))
		return ExitBadInput
	}

	// The questions need a terminal (or --accessible) and a UI to ask them.
	interactive := (env.IsTerminal || env.Accessible) && env.ui.SecurityPolicy != nil
	if interactive {
		if err := env.ui.SecurityPolicy(env.Env, &a, site); err != nil {
			if !errors.Is(err, secpolicy.ErrCancelled) {
				fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
			}
			return ExitBadInput
		}
	} else if a.Channel == "" {
		fmt.Fprintln(env.Stderr, loc.T("ui.detect.security.need_channel"))
		return ExitBadInput
	}
	if msg := secpolicy.Validate(loc, a, site); msg != "" {
		fmt.Fprintln(env.Stderr, msg)
		return ExitBadInput
	}

	path := filepath.Join(root, target)
	if msg := policyWritable(env, root, path); msg != "" {
		fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", msg))
		return ExitBadInput
	}
	if err := model.WriteAtomic(path, []byte(secpolicy.Text(loc, a, site, projectName(f), root)), 0o644); err != nil {
		fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.written", "File", env.DisplayPath(path)))
	if existing != "" && existing != target {
		fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.old_remains", "File", env.DisplayPath(filepath.Join(root, existing))))
	}

	rep, err := detect.SecurityProposals(root, env.Catalog, detect.Options{Loc: loc, NoGitCommand: true})
	if err != nil {
		fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	var ps []model.Proposal
	for _, id := range policyFields {
		if p, ok := rep.Proposals[id]; ok {
			ps = append(ps, p)
		}
	}
	fmt.Fprintln(env.Stdout)
	fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.proposals"))
	open := 0
	for _, p := range ps {
		status := loc.Word(p.Status)
		if a := f.Answers[p.ID]; !a.Open() {
			status = loc.Aside(status, loc.T("ui.detect.answered", "Status", a.Status))
		} else if p.InBulk() {
			open++
		}
		fmt.Fprintf(env.Stdout, "  %-32s %s\n    %s\n", idText(p.ID), status, safetext.Line(p.Justification))
	}
	if !*apply && open > 0 {
		fmt.Fprintln(env.Stdout, loc.T("ui.detect.apply_hint", "Count", open))
	}
	if *apply {
		applied, noted, code := applyProposals(env, f, ps, model.AcceptAllMin)
		if code != ExitOK {
			return code
		}
		if noted > 0 {
			fmt.Fprintln(env.Stdout, loc.T("ui.cli.notes_kept", "Count", noted))
		}
		// A weak proposal (a promise of response times is no record of
		// them) is left open for the user to confirm: say so, rather than
		// that every criterion has an answer.
		var weak []string
		for _, p := range ps {
			if f.Answers[p.ID].Open() && !p.InBulk() {
				weak = append(weak, idText(p.ID))
			}
		}
		ids := strings.Join(weak, ", ")
		switch {
		case len(applied) > 0:
			fmt.Fprintln(env.Stdout, loc.T("ui.detect.applied", "Count", len(applied), "File", env.DisplayPath(f.Path)))
			for _, p := range applied {
				fmt.Fprintf(env.Stdout, "  %-32s %s\n", idText(p.ID), loc.Word(p.Status))
			}
			if len(weak) > 0 {
				fmt.Fprintln(env.Stdout, loc.T("ui.secpolicy.weak_left", "Count", len(weak), "IDs", ids))
			}
		case len(weak) > 0:
			fmt.Fprintln(env.Stdout, loc.T("ui.secpolicy.nothing_filled_weak", "Count", len(weak), "IDs", ids))
		case noted == 0:
			fmt.Fprintln(env.Stdout, loc.T("ui.detect.nothing_applied"))
		}
	}
	return replaceContradicted(env, f, secpolicy.Contradicted(f.Answers, rep.Proposals), env.DisplayPath(path), *update, interactive)
}

// replaceContradicted shows the answers the new policy contradicts and
// replaces them when --update-answers says so or the user agrees; a script
// without the flag is told which answers are now untrue and how to fix them.
func replaceContradicted(env *Env, f *model.File, contra []secpolicy.Contradiction, policy string, update, interactive bool) int {
	if len(contra) == 0 {
		return ExitOK
	}
	loc := env.Loc
	fmt.Fprintln(env.Stdout)
	fmt.Fprintln(env.Stdout, loc.T("ui.secpolicy.contradicted", "File", policy, "Count", len(contra)))
	for _, c := range contra {
		fmt.Fprintf(env.Stdout, "  %-32s %s -> %s\n", c.Replacement.ID, loc.Word(c.Given.Status), loc.Word(c.Replacement.Status))
	}
	if !update && interactive && env.ui.Confirm != nil {
		// No is offered: an answer is replaced only on an explicit yes (an
		// --accessible input that ends takes the offer).
		yes, err := env.ui.Confirm(env.Env, loc.T("ui.secpolicy.ask_replace", "Count", len(contra), "File", policy), false)
		if err != nil && !errors.Is(err, secpolicy.ErrCancelled) {
			fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
			return ExitBadInput
		}
		update = yes && err == nil
	}
	if !update {
		fmt.Fprintln(env.Stdout, loc.T("ui.secpolicy.kept", "Count", len(contra)))
		return ExitOK
	}
	for _, c := range contra {
		f.Replace(c.Replacement)
	}
	if err := f.Save(false); err != nil {
		return env.saveFailed(f, err)
	}
	fmt.Fprintln(env.Stdout, loc.T("ui.secpolicy.replaced", "Count", len(contra), "File", env.DisplayPath(f.Path)))
	return ExitOK
}

// policyWritable says why the policy may not be written at path, "" when
// it may. The file is the repository's, found there: a committed symbolic
// link that leads out of the repository (to ~/.bashrc, say) is not written
// through, as detect does not read through it; a pipe or a device is never
// replaced.
func policyWritable(env *Env, root, path string) string {
	loc, shown := env.Loc, env.DisplayPath(path)
	if err := regfile.CheckReplaceable(path); err != nil {
		var nr *regfile.NotRegularError
		if errors.As(err, &nr) {
			return loc.T("ui.detect.security.not_regular", "File", shown, "Kind", loc.T("ui.site.file_kind."+string(nr.Kind)))
		}
	}
	if dest, out := leavesRepo(root, path); out {
		return loc.T("ui.detect.security.outside", "File", shown, "Target", safetext.Line(dest))
	}
	return ""
}

// policyTarget is where the policy is written, and the policy already
// there, if any. A Markdown policy is replaced where it is (forges read
// only one); otherwise the new one goes to the root.
func policyTarget(root string) (target, existing string) {
	existing = detect.SecurityPolicyFile(root)
	if existing != "" && strings.EqualFold(filepath.Ext(existing), ".md") {
		return existing, existing
	}
	return "SECURITY.md", existing
}
