package detect

import (
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// Calendar Versioning answers version_semver as SemVer does: the
// criterion takes either.
func TestCalVerTags(t *testing.T) {
	for _, tags := range [][]string{
		{"2023.01", "2023.06", "2024.01"},
		{"v2023.01", "v2023.06", "v2024.01", "24.04", "2024.1.0"},
		{"2024.02.02", "2024.07.04", "2025.01.31"}, // certifi's: zero-padded, not SemVer
	} {
		dir := fixture(t, map[string]string{"README.md": "# w\n"})
		fakeGit(t, dir, "https://github.com/acme/w")
		for _, v := range tags {
			writeRef(t, dir, "refs/tags/"+v, sha1+"\n")
		}
		p := want(t, scan(t, dir), "version_semver", model.Met, "Calendar Versioning")
		if p.Confidence != fair {
			t.Errorf("%v: CalVer read off the numbers is fair: %d", tags, p.Confidence)
		}
	}
	// A year from the future, or a short year without a month, is not a date.
	dir := fixture(t, map[string]string{"README.md": "# w\n"})
	fakeGit(t, dir, "https://github.com/acme/w")
	for _, v := range []string{"3024.1", "3025.2", "24.4"} {
		writeRef(t, dir, "refs/tags/"+v, sha1+"\n")
	}
	want(t, scan(t, dir), "version_semver", model.Unmet)
}
