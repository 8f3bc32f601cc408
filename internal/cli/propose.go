package cli

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// runPropose prints the badge site links that propose the answers. The
// links go to standard output; the advice to standard error. With
// --overrides SOURCE (an entry saved from the site), only the criteria
// whose answer differs from the site's are proposed, and the site is asked
// to replace its answers with them.
func runPropose(env *Env, args []string) int {
	fs := env.flagSet("propose")
	level := fs.String("level", "", "")
	overrides := fs.String("overrides", "", "")
	force := fs.Bool("force", false, "")
	if code, ok := env.parse(fs, args, "ui.site.propose.help"); !ok {
		return code
	}
	if *level != "" && !env.knownLevel(*level) {
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	p := exportProject(f)
	if p.URL == "" {
		p.URL = env.DefaultProject(f.Path).URL
	}
	opts := site.LinkOptions{Level: *level, Locale: site.SiteLocale(env.Loc.Asked()...)}
	if *overrides != "" {
		in, display, ok := env.readSource(*overrides)
		if !ok {
			return ExitBadInput
		}
		printSkipped(env, in, display)
		// Overrides replace what the site holds: only the site's own
		// entry says what that is. A .bestpractices.json says what the
		// repository proposes, and would force every answer.
		if in.Kind != site.KindProject {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.propose.not_entry", "File", display, "URL", site.EntryJSONURL(p.BadgeID))))
			return ExitBadInput
		}
		if !site.SameProject(p, in.Project) {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.propose.foreign", "File", display, "URL", safetext.Value(in.Project.URL))))
			return ExitBadInput
		}
		if p.BadgeID > 0 && in.Project.BadgeID != p.BadgeID {
			// Differences from one entry, pushed to another, would
			// replace answers nobody compared.
			if !*force {
				fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.propose.other_entry", "File", display, "Theirs", in.Project.BadgeID, "Ours", p.BadgeID, "URL", site.EntryJSONURL(p.BadgeID))))
				return ExitBadInput
			}
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.other_entry_forced", "Theirs", in.Project.BadgeID, "Ours", p.BadgeID))
		}
		// The links go to the entry the answers were compared with.
		p.BadgeID = in.Project.BadgeID
		if p.URL == "" {
			p.URL = in.Project.URL
		}
		opts.Override = true
		opts.Only = []string{}
		onlyThere := 0
		for _, d := range site.Compare(env.Catalog, f.Answers, in.Answers) {
			if d.Ours.Status == model.Unknown {
				if d.Theirs.Status != model.Unknown {
					onlyThere++ // a link cannot clear the site's answer ("?" would)
				}
				continue // a note of ours alone: links carry answers only
			}
			opts.Only = append(opts.Only, d.ID)
		}
		if onlyThere > 0 {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.only_there", "Count", onlyThere, "File", display))
		}
		if len(opts.Only) == 0 {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.no_differences", "File", display))
			return ExitOK
		}
	}
	res, err := site.Proposals(env.Catalog, p, f.Answers, opts)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, env.DisplayPath(f.Path))))
		return ExitBadInput
	}
	links := res.Links
	switch {
	case len(links) == 0 && len(res.TooLong) > 0:
	case len(links) == 0 && *level != "":
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.nothing_level", "Level", i18n.Level(*level)))
	case len(links) == 0:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.nothing"))
	case len(links) == 1:
		fmt.Fprintln(env.Stdout, links[0].URL)
	default:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.split", "Count", len(links), "Limit", site.MaxURLLength))
		for i, l := range links {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			name := i18n.Level(l.Level)
			if l.Parts > 1 {
				fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.propose.part_header", "Level", name, "Part", l.Part, "Parts", l.Parts, "Count", len(l.IDs)))
			} else {
				fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.propose.level_header", "Level", name, "Count", len(l.IDs)))
			}
			fmt.Fprintln(env.Stdout, l.URL)
		}
	}
	if len(res.TooLong) > 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.too_long", "Count", len(res.TooLong), "IDs", strings.Join(res.TooLong, ", "), "Limit", site.MaxURLLength))
	}
	if len(links) > 0 {
		key := "ui.site.propose.how"
		if opts.Override {
			key = "ui.site.propose.how_overrides"
		}
		fmt.Fprintln(env.Stderr, env.Loc.T(key))
	}
	return ExitOK
}
