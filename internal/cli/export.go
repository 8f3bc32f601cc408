package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// exportProject is the project as export writes it: its name only when the
// answers file gives one (a file not written yet holds a guess from the
// directory's name).
func exportProject(f *model.File) model.Project {
	if !f.Exists {
		return model.Project{}
	}
	return f.Project
}

// runExport writes .bestpractices.json, the file the badge site reads.
// Over an existing .bestpractices.json it keeps every field that is not an
// answer; it never replaces the answers file, or a file that is no JSON
// object, unless --force says so.
func runExport(env *Env, args []string) int {
	fs := env.flagSet("export")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	format := fs.String("format", "json", "")
	check := fs.Bool("check", false, "")
	if code, ok := env.parse(fs, args, "ui.site.export.help"); !ok {
		return code
	}
	if !env.knownFormat(*format, "json", "security-insights") {
		return ExitBadInput
	}
	if *format == "security-insights" {
		return runExportInsights(env, *out, *check) // export_secinsights.go
	}
	if *check {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.check_json"))
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	fail := func(err error) int {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, env.DisplayPath(f.Path))))
		return ExitBadInput
	}
	p := exportProject(f)
	if *out == "" || *out == "-" {
		data, err := site.Export(env.Catalog, p, f.Answers)
		if err != nil {
			return fail(err)
		}
		env.Stdout.Write(data)
		return ExitOK
	}
	target := *out
	if !filepath.IsAbs(target) {
		target = filepath.Join(env.Dir, target)
	}
	display := env.DisplayPath(target)
	if err := regfile.CheckReplaceable(target); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.readError(display, err)))
		return ExitBadInput
	}
	if dest, out := leavesRepo(env.RepoRoot(), target); out {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.cli.link_outside", "File", display, "Target", safetext.Line(dest))))
		return ExitBadInput
	}
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved // written through a link, never replacing it
	}
	if err := regfile.CheckReplaceable(target); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.readError(display, err)))
		return ExitBadInput
	}
	if sameFile(target, f.Path) && !*force {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.export.is_answers", "File", display)))
		return ExitBadInput
	}
	old, err := readRegular(target, site.MaxImportSize)
	var data []byte
	var respelled []site.Respelled
	switch {
	case errors.Is(err, os.ErrNotExist):
		data, err = site.Export(env.Catalog, p, f.Answers)
	case err != nil:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.readError(display, err)))
		return ExitBadInput
	default:
		data, respelled, err = site.ExportOnto(env.Catalog, p, f.Answers, old)
		var se *site.Error
		if errors.As(err, &se) && notJSONObject(se.Code) || len(old) > site.MaxImportSize {
			if !*force {
				fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.export.not_json", "File", display)))
				return ExitBadInput
			}
			data, err = site.Export(env.Catalog, p, f.Answers)
		}
	}
	if err != nil {
		return fail(err)
	}
	if err := writeGenerated(target, data); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.export.write_failed", "File", display, "Error", err.Error())))
		return ExitBadInput
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.export.wrote", "File", display, "Count", site.Count(env.Catalog, f.Answers)))
	for _, r := range respelled {
		key := "ui.site.export.respelled"
		if r.Former {
			key = "ui.site.export.respelled_former"
		}
		fmt.Fprintln(env.Stderr, "  "+env.Loc.T(key, "Old", idText(r.From), "New", r.To))
	}
	return ExitOK
}

// notJSONObject reports whether a reading error means the file is no
// .bestpractices.json at all.
func notJSONObject(c site.Code) bool {
	return c == site.CodeSyntax || c == site.CodeNotObject || c == site.CodeNotUTF8 || c == site.CodeTooLarge
}

// sameFile reports whether a and b are one file (a link to the answers
// file included).
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// writeGenerated replaces p (already resolved through links) in one step,
// keeping its permissions.
func writeGenerated(p string, data []byte) error {
	perm := os.FileMode(0o644)
	if info, err := os.Stat(p); err == nil {
		perm = info.Mode().Perm()
	}
	return model.WriteAtomic(p, data, perm)
}
