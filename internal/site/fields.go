package site

import "strings"

// What the badge site has called its fields over the years. Entries saved
// before a rename, and .bestpractices.json files copied from them, still
// use the old names; the site's own migrations list every rename and
// removal (../shared/upstream/site/projects-column-renames.tsv), and
// upstream_test.go checks these tables against that list.

// renamed maps a criterion's former field name (without _status or
// _justification) to today's criterion id, chains of renames resolved.
var renamed = map[string]string{
	"project_url_https":      "sites_https",
	"project_homepage_https": "sites_https",
	"project_sites":          "sites_https",
	"project_sites_https":    "sites_https",
	"changelog":              "release_notes",
	"changelog_vulns":        "release_notes_vulns",
	"oss_license":            "floss_license",
	"oss_license_osi":        "floss_license_osi",
	"build_oss_tools":        "build_floss_tools",
	"crypto_oss":             "crypto_floss",
	"repo_url":               "repo_public",
	"contribution_criteria":  "contribution_requirements",
	"description_sufficient": "description_good",
}

// removed are criteria the badge has dropped: metal criteria removed by a
// migration and OSPS Baseline controls the site has retired. An entry saved
// before then still carries their fields; they are skipped, and said so.
var removed = map[string]bool{
	"crypto_alternatives": true,
	"osps_br_01_02":       true,
}

// legacyAnswers are _status/_justification columns that are no criteria
// (any more): every entry the site serves still holds some of them. They
// are skipped without a word.
var legacyAnswers = map[string]bool{
	"homepage_url":         true,
	"report_url":           true,
	"project_url":          true,
	"project_homepage_url": true,
	"badge":                true, // badge_status, before it became badge_percentage
}

// siteColumns are the entry's fields that are no answers: the projects
// table's other columns (today's and removed ones), and what the site adds
// when it serves an entry. Import reads name, repo_url, homepage_url and id
// among them and skips the rest without a word.
var siteColumns = setOf(
	// the projects table
	"id", "name", "description", "homepage_url", "repo_url", "license", "implementation_languages",
	"cpe", "general_comments", "user_id", "created_at", "updated_at", "lock_version", "entry_locale",
	"disabled_reminders", "repo_url_updated_at", "tiered_percentage", "baseline_tiered_percentage",
	"badge_percentage_0", "badge_percentage_1", "badge_percentage_2",
	"badge_percentage_baseline_1", "badge_percentage_baseline_2", "badge_percentage_baseline_3",
	"badge_warning_effective_date", "last_reminder_at", "last_loss_sent_at", "last_warning_sent_at",
	"unreported_badge_loss", "unreported_badge_warning", "unreported_baseline_badge_loss", "unreported_baseline_badge_warning",
	"passing_saved", "silver_saved", "gold_saved", "baseline_1_saved", "baseline_2_saved", "baseline_3_saved",
	"achieved_passing_at", "achieved_silver_at", "achieved_gold_at",
	"achieved_baseline_1_at", "achieved_baseline_2_at", "achieved_baseline_3_at",
	"first_achieved_passing_at", "first_achieved_silver_at", "first_achieved_gold_at",
	"first_achieved_baseline_1_at", "first_achieved_baseline_2_at", "first_achieved_baseline_3_at",
	"lost_passing_at", "lost_silver_at", "lost_gold_at",
	"lost_baseline_1_at", "lost_baseline_2_at", "lost_baseline_3_at",
	// removed or renamed columns of the table
	"project_url", "project_homepage_url", "badge_percentage",
	// added when the site serves an entry
	"badge_level", "additional_rights", "project_entry_attribution", "project_entry_license",
)

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// metaKey reports whether a key is by convention a note to readers, not
// data: "$schema", "_comment", "_notes". JSON has no comments, so files
// kept by hand use such keys; they are skipped without a word.
func metaKey(k string) bool {
	return strings.HasPrefix(k, "$") || strings.HasPrefix(k, "_")
}
