package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// maxDifferences is how many differences check --json-in-sync lists.
const maxDifferences = 20

// checkJSONInSync is check --json-in-sync, for CI: exit 0 when the
// .bestpractices.json beside the answers file is exactly what export would
// write, 1 when it is missing or stale (saying what differs).
func checkJSONInSync(env *Env, f *model.File) int {
	want, err := site.Export(env.Catalog, f.Project, f.Answers)
	answers := env.DisplayPath(f.Path)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, answers)))
		return ExitBadInput
	}
	p := filepath.Join(filepath.Dir(f.Path), site.FileName)
	name := env.DisplayPath(p)
	got, err := readLimited(p, site.MaxImportSize)
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.missing", "File", name))
		return ExitNotMet
	case err != nil:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return ExitBadInput
	case bytes.Equal(got, want):
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.in_sync", "File", name, "Answers", answers))
		return ExitOK
	}
	diffs, err := site.Diff(want, got)
	switch {
	case err != nil:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.unreadable", "File", name, "Error", safetext.Line(err.Error())))
		return ExitNotMet
	case len(diffs) == 0:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.layout", "File", name, "Answers", answers))
		return ExitNotMet
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.insync.differs", "File", name, "Answers", answers, "Count", len(diffs)))
	for i, d := range diffs {
		if i == maxDifferences {
			fmt.Fprintln(env.Stdout, "  "+env.Loc.T("ui.site.insync.more", "Count", len(diffs)-i))
			break
		}
		key := "ui.site.insync.changed"
		switch {
		case !d.InGot:
			key = "ui.site.insync.only_answers"
		case !d.InWant:
			key = "ui.site.insync.only_file"
		}
		fmt.Fprintln(env.Stdout, "  "+env.Loc.T(key, "Key", safetext.Line(d.Key), "Want", quoteShort(d.Want), "Got", quoteShort(d.Got)))
	}
	return ExitNotMet
}

// quoteShort quotes the start of a value for a one-line message.
func quoteShort(s string) string { return `"` + clip(s, 40) + `"` }

// readLimited reads at most limit+1 bytes of p: enough to see that a file
// is larger than any export, without reading all of a huge one.
func readLimited(p string, limit int) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, int64(limit)+1))
}
