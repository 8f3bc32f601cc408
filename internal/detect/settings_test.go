package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// Only a rule in force on the default branch protects it: not protection
// removed, not a rule for gh-pages, not a ruleset disabled or evaluated.
func TestBranchProtectionOnlyOnDefaultBranch(t *testing.T) {
	ids := []string{"osps_ac_03_01", "osps_ac_03_02", "osps_qa_07_01", "two_person_review"}
	notProtecting := map[string]map[string]string{
		"protection removed": {".github/settings.yml": "repository:\n  name: widget\n  default_branch: main\nbranches:\n  - name: main\n    protection: null\n"},
		"only gh-pages":      {".github/settings.yml": "branches:\n  - name: gh-pages\n    protection:\n      required_pull_request_reviews:\n        required_approving_review_count: 1\n      enforce_admins: true\n"},
		"ruleset disabled": {".github/rulesets/main.json": "{\n  \"name\": \"main\",\n  \"target\": \"branch\",\n  \"enforcement\": \"disabled\",\n" +
			"  \"conditions\": {\"ref_name\": {\"include\": [\"~DEFAULT_BRANCH\"], \"exclude\": []}},\n" +
			"  \"rules\": [{\"type\": \"deletion\"}, {\"type\": \"pull_request\", \"parameters\": {\"required_approving_review_count\": 1}}]\n}\n"},
		"ruleset evaluated": {".github/rulesets/main.json": "{\"name\": \"main\", \"target\": \"branch\", \"enforcement\": \"evaluate\",\n" +
			"\"conditions\": {\"ref_name\": {\"include\": [\"refs/heads/main\"], \"exclude\": []}},\n\"rules\": [{\"type\": \"pull_request\", \"parameters\": {\"required_approving_review_count\": 2}}]}\n"},
		"default branch excluded": {".github/rulesets/all.json": "{\"target\": \"branch\", \"enforcement\": \"active\",\n" +
			"\"conditions\": {\"ref_name\": {\"include\": [\"~ALL\"], \"exclude\": [\"~DEFAULT_BRANCH\"]}},\n\"rules\": [{\"type\": \"deletion\"}]}\n"},
		"tag ruleset": {".github/rulesets/tags.json": "{\"target\": \"tag\", \"enforcement\": \"active\",\n" +
			"\"conditions\": {\"ref_name\": {\"include\": [\"~ALL\"]}},\n\"rules\": [{\"type\": \"deletion\"}]}\n"},
		"terraform on another branch": {"infra/github.tf": "resource \"github_branch_protection\" \"docs\" {\n  repository_id = github_repository.w.node_id\n  pattern       = \"gh-pages\"\n}\n"},
	}
	for name, files := range notProtecting {
		dir := fixture(t, files)
		fakeGit(t, dir, "https://github.com/acme/widget")
		rep := scan(t, dir)
		for _, id := range ids {
			none(t, rep, id)
		}
		if u := undecidedOf(rep, "osps_ac_03_01"); u.Why != WhyForge || !strings.Contains(u.Note, "main") {
			t.Errorf("%s: %+v, want the forge, saying no rule applies to main", name, u)
		}
	}

	protecting := map[string]struct {
		files   map[string]string
		where   string
		reviews string
	}{
		"ruleset on the default branch": {map[string]string{".github/rulesets/main.json": "{\n  \"name\": \"protect main\",\n  \"target\": \"branch\",\n  \"enforcement\": \"active\",\n" +
			"  \"conditions\": {\"ref_name\": {\"include\": [\"~DEFAULT_BRANCH\"], \"exclude\": []}},\n  \"rules\": [\n    {\"type\": \"deletion\"},\n    {\"type\": \"non_fast_forward\"},\n" +
			"    {\"type\": \"pull_request\", \"parameters\": {\"required_approving_review_count\": 1, \"dismiss_stale_reviews_on_push\": true}}\n  ]\n}\n"}, "main.json:4", "main.json:9"},
		"settings app, main among others": {map[string]string{".github/settings.yml": "branches:\n  - name: gh-pages\n    protection: null\n  - name: main\n    protection:\n" +
			"      required_pull_request_reviews:\n        required_approving_review_count: 2\n      required_status_checks:\n        strict: true\n        contexts: [ci]\n"}, "settings.yml:5", "settings.yml:7"},
		"terraform pattern": {map[string]string{"terraform/repo.tf": "resource \"github_branch_protection\" \"main\" {\n  repository_id = github_repository.w.node_id\n  pattern       = \"ma*\"\n" +
			"  required_pull_request_reviews {\n    required_approving_review_count = 1\n  }\n}\n"}, "repo.tf:1", "repo.tf:5"},
		"terraform ruleset": {map[string]string{"terraform/rules.tf": "resource \"github_repository_ruleset\" \"main\" {\n  name        = \"main\"\n  repository  = github_repository.w.name\n" +
			"  target      = \"branch\"\n  enforcement = \"active\"\n  conditions {\n    ref_name {\n      include = [\"~DEFAULT_BRANCH\"]\n      exclude = []\n    }\n  }\n" +
			"  rules {\n    deletion = true\n    pull_request {\n      required_approving_review_count = 1\n    }\n  }\n}\n"}, "rules.tf:1", "rules.tf:15"},
	}
	for name, c := range protecting {
		dir := fixture(t, c.files)
		fakeGit(t, dir, "https://github.com/acme/widget")
		rep := scan(t, dir)
		t.Run(name, func(t *testing.T) {
			want(t, rep, "osps_ac_03_01", model.Met, c.where)
			want(t, rep, "osps_ac_03_02", model.Met)
			want(t, rep, "osps_qa_07_01", model.Met, c.reviews)
		})
	}
}
