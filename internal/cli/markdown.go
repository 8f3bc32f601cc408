package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

// mdCell escapes text for a Markdown table cell, a heading or a list
// item of a report that is posted as a pull-request comment or a job
// summary. Text from the files (a project name, a justification) must not
// add markup there: HTML (<img src=…> a tracking image, </details>
// unfolding the report), a mention (@org/team pinged by the bot's comment),
// an image, a link or emphasis. HTML's characters and @ become entities,
// Markdown's punctuation is escaped, line breaks become spaces.
func mdCell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\n', '\r':
			b.WriteByte(' ')
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '@':
			b.WriteString("&#64;")
		case '\\', '`', '*', '_', '[', ']', '|', '~', '!', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeStatusMarkdown is a report fit for a pull-request comment: levels,
// what blocks the next one, then every criterion by section, folded.
func writeStatusMarkdown(w io.Writer, loc *i18n.Locale, f *model.File, s *model.Score) {
	fmt.Fprintf(w, "# %s\n\n", mdCell(loc.T("ui.report.title", "Project", projectName(f))))
	fmt.Fprintf(w, "| %s | %s | %s |\n|---|---:|---:|\n", loc.T("ui.report.level"), loc.T("ui.report.percentage"), loc.T("ui.report.satisfied"))
	for _, l := range s.Levels {
		name := loc.Level(l.Level.Name)
		if l.Achieved() {
			name = "**" + name + "** ✓"
		}
		fmt.Fprintf(w, "| %s | %s | %d/%d |\n", name, loc.Percent(l.Percentage), l.Satisfied, l.Total)
	}
	fmt.Fprintf(w, "\n%s\n", loc.T("ui.cli.status.badge_level", "Level", i18n.BadgeLevel(s.BadgeLevel()), "Tiered", s.TieredPercentage()))
	for _, l := range model.NextLevels(s) {
		blockers := model.Blockers(l)
		fmt.Fprintf(w, "\n## %s\n\n", loc.T("ui.cli.status.holding_back", "Level", i18n.Level(l.Level.Name), "Count", len(blockers)))
		for _, b := range blockers {
			title := loc.Aside(mdCell(loc.CriterionTitle(l.Level.Name, b.Entry.ID)), loc.T("ui.category."+string(b.Entry.Category)))
			fmt.Fprintf(w, "- [`%s`](%s) %s\n", b.Entry.ID, b.Entry.URLIn(loc.Asked()...), loc.Label(title, mdCell(model.Reason(loc, b))))
		}
	}
	fmt.Fprintf(w, "\n## %s\n", loc.T("ui.report.all_criteria"))
	for _, l := range s.Levels {
		fmt.Fprintf(w, "\n<details><summary>%s</summary>\n", loc.Label(loc.Level(l.Level.Name), loc.Aside(loc.Percent(l.Percentage), fmt.Sprintf("%d/%d", l.Satisfied, l.Total))))
		section := ""
		for _, e := range l.Entries {
			if sec := e.Entry.Major + " / " + e.Entry.Minor; sec != section {
				section = sec
				fmt.Fprintf(w, "\n### %s / %s\n\n| | %s | %s | %s |\n|---|---|---|---|\n", loc.Section(e.Entry.Major), loc.Section(e.Entry.Minor),
					loc.T("ui.report.criterion"), loc.T("ui.report.status"), loc.T("ui.report.result"))
			}
			status := loc.T(e.Answer.Status.Key())
			result := ""
			if !e.Result.Satisfied() {
				result = mdCell(model.Reason(loc, e))
			}
			fmt.Fprintf(w, "| %s | [`%s`](%s) %s | %s | %s |\n", model.StatusMark(e), e.Entry.ID, e.Entry.URLIn(loc.Asked()...), mdCell(loc.CriterionTitle(l.Level.Name, e.Entry.ID)), status, result)
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
}
