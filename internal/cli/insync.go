package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// maxDifferences is how many differences check --json-in-sync lists.
const maxDifferences = 20

// checkJSONInSync is check --json-in-sync, for CI: exit 0 when the
// .bestpractices.json beside the answers file gives the site exactly the
// answers the answers file holds (statuses and justifications, as the site
// reads them), 1 when it is missing or gives other answers. Its other
// fields (name, description, $schema, notes...) and its layout are the
// maintainer's: the site does not read them, so neither do we.
func checkJSONInSync(env *Env, f *model.File) int {
	answers := env.DisplayPath(f.Path)
	if _, err := site.Export(env.Catalog, exportProject(f), f.Answers); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, answers)))
		return ExitBadInput
	}
	p, data, err := siteFile(filepath.Dir(f.Path))
	name := env.DisplayPath(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.missing", "File", name))
		return ExitNotMet
	case err != nil:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.readError(name, err)))
		return ExitBadInput
	}
	in, err := site.Parse(name, data, env.Catalog)
	if err != nil {
		// The site cannot read it either: it gets no answers from it.
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.unreadable", "File", name, "Error", siteError(env.Loc, err, name)))
		return ExitNotMet
	}
	deltas := site.Compare(env.Catalog, f.Answers, site.SiteReads(in))
	if len(deltas) == 0 {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.in_sync", "File", name, "Answers", answers))
		return ExitOK
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.differs", "File", name, "Answers", answers, "Count", len(deltas)))
	differs := map[string]bool{}
	for i, d := range deltas {
		differs[d.ID] = true
		switch {
		case i < maxDifferences:
			fmt.Fprintf(env.Stdout, "  %-38s %s\n", idText(d.ID), env.Loc.T("ui.site.insync.line_file", "Ours", answerText(env.Loc, d.Ours), "File", name, "Theirs", answerText(env.Loc, d.Theirs)))
		case i == maxDifferences:
			fmt.Fprintln(env.Stdout, "  "+env.Loc.T("ui.site.insync.more", "Count", len(deltas)-i))
		}
	}
	for _, r := range in.Renamed {
		fmt.Fprintln(env.Stdout, "  "+env.Loc.T("ui.site.insync.former_name", "Old", idText(r.From), "New", site.FieldName(r.To)))
	}
	// A field the site does not read under its spelling is why the answer
	// differs: said for the criteria that differ only.
	shown := 0
	for _, sp := range in.Spelled {
		if !differs[sp.ID] {
			continue
		}
		if shown == maxDifferences {
			fmt.Fprintln(env.Stdout, "  "+env.Loc.T("ui.site.insync.more", "Count", countSpelled(in.Spelled, differs)-shown))
			break
		}
		shown++
		fmt.Fprintln(env.Stdout, "  "+env.Loc.T("ui.site.insync.spelling", "Key", idText(sp.Key), "Want", sp.Want))
	}
	return ExitNotMet
}

// countSpelled is how many of the fields spelled otherwise belong to
// criteria that differ.
func countSpelled(sp []site.Spelling, differs map[string]bool) int {
	n := 0
	for _, s := range sp {
		if differs[s.ID] {
			n++
		}
	}
	return n
}

// siteFile reads the .bestpractices.json the site would read in dir: the
// first of its locations that is there and not blank. Missing everywhere,
// it names the first.
func siteFile(dir string) (string, []byte, error) {
	first := filepath.Join(dir, filepath.FromSlash(site.FileLocations[0]))
	for _, loc := range site.FileLocations {
		p := filepath.Join(dir, filepath.FromSlash(loc))
		data, err := readRegular(p, site.MaxImportSize)
		if errors.Is(err, os.ErrNotExist) || err == nil && len(bytes.TrimSpace(data)) == 0 {
			continue
		}
		return p, data, err
	}
	return first, nil, os.ErrNotExist
}
