package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// siteTestdata reads a fixture of package site: entry-2026.json has every
// column of the site's projects table, as /projects/N.json serves it.
func siteTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "site", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entryProject is a project whose answers file holds what its site entry
// (4242, entry-2026.json) holds, but for one answer changed since.
func entryProject(t *testing.T) string {
	t.Helper()
	dir := writeAnswers(t, "version: 1\nproject:\n  name: widget\n  url: https://github.com/acme/widget\n  badge_id: 4242\nanswers:\n")
	siteWrite(t, filepath.Join(dir, "4242.json"), siteTestdata(t, "entry-2026.json"))
	if _, errOut, code := run(t, dir, "import", "4242.json", "--prefer", "theirs"); code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	f.Set("interact", model.Answer{Status: model.Unmet, Justification: "The mailing list closed in May."})
	if err := f.Save(false); err != nil {
		t.Fatal(err)
	}
	return dir
}

// propose --overrides pushes what differs from the site's own entry; a
// .bestpractices.json says nothing of what the site holds (it would force
// every answer), and another entry's differences are not pushed to ours.
func TestProposeOverridesNeedsTheEntry(t *testing.T) {
	dir := entryProject(t)
	out, errOut, code := run(t, dir, "propose", "--overrides", "4242.json")
	if code != ExitOK {
		t.Fatalf("own entry: %d %s", code, errOut)
	}
	u, err := url.Parse(strings.TrimSpace(out))
	if err != nil || u.Path != "/en/projects/4242/passing/edit" || u.Query().Get("overrides") != "interact_status,interact_justification" {
		t.Errorf("own entry: %q", out)
	}

	// A file shaped like .bestpractices.json: refused, and told what to
	// give instead; nothing on standard output.
	siteWrite(t, filepath.Join(dir, "x.json"), `{"interact_status":"Unmet"}`)
	run(t, dir, "export", "-o", ".bestpractices.json")
	for _, file := range []string{"x.json", ".bestpractices.json"} {
		out, errOut, code := run(t, dir, "propose", "--overrides", file)
		if code != ExitBadInput || out != "" || !strings.Contains(errOut, file+" is not an entry saved from the badge site (it has no id field)") ||
			!strings.Contains(errOut, "save https://www.bestpractices.dev/projects/4242.json to a file and give that file.") {
			t.Errorf("%s: %d %q %q", file, code, out, errOut)
		}
	}
	out, errOut, _ = run(t, dir, "--lang", "fr", "propose", "--overrides", "x.json")
	if out != "" || !strings.Contains(errOut, "x.json n'est pas une fiche enregistrée depuis le site du badge") {
		t.Errorf("fr: %q", errOut)
	}

	// Another entry of the same repository (999): refused, both numbers
	// named, unless --force, which sends the links to the entry compared.
	other := strings.Replace(siteTestdata(t, "entry-2026.json"), `"id": 4242,`, `"id": 999,`, 1)
	if other == siteTestdata(t, "entry-2026.json") {
		t.Fatal("the fixture's id is not written as expected")
	}
	siteWrite(t, filepath.Join(dir, "999.json"), other)
	out, errOut, code = run(t, dir, "propose", "--overrides", "999.json")
	if code != ExitBadInput || out != "" || !strings.Contains(errOut, "999.json is the site's entry 999, but badge_id under project: is 4242") ||
		!strings.Contains(errOut, "Save https://www.bestpractices.dev/projects/4242.json") {
		t.Errorf("entry 999: %d %q %q", code, out, errOut)
	}
	out, errOut, code = run(t, dir, "propose", "--overrides", "999.json", "--force")
	if code != ExitOK || !strings.HasPrefix(out, "https://www.bestpractices.dev/en/projects/999/passing/edit?") || strings.Contains(out, "/4242/") ||
		!strings.Contains(errOut, "--force: the links go to entry 999, the one compared, not to entry 4242") {
		t.Errorf("entry 999, --force: %d %q %q", code, out, errOut)
	}
}
