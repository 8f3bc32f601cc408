package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

func init() {
	register(&Command{Name: "export", Summary: "ui.site.export.summary", Run: runExport})
}

// runExport writes .bestpractices.json, the file the badge site reads.
func runExport(env *Env, args []string) int {
	fs := env.flagSet("export")
	out := fs.String("o", "", "")
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
	data, err := site.Export(env.Catalog, f.Project, f.Answers)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, env.DisplayPath(f.Path))))
		return ExitBadInput
	}
	if *out == "" || *out == "-" {
		env.Stdout.Write(data)
		return ExitOK
	}
	p := *out
	if !filepath.IsAbs(p) {
		p = filepath.Join(env.Dir, p)
	}
	if err := writeGenerated(p, data); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.export.write_failed", "File", env.DisplayPath(p), "Error", err.Error())))
		return ExitBadInput
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.export.wrote", "File", env.DisplayPath(p), "Count", site.Count(env.Catalog, f.Answers)))
	return ExitOK
}

// writeGenerated replaces p in one step, keeping its permissions and
// writing through a symbolic link rather than replacing the link.
func writeGenerated(p string, data []byte) error {
	if resolved, err := filepath.EvalSymlinks(p); err == nil {
		p = resolved
	}
	perm := os.FileMode(0o644)
	if info, err := os.Stat(p); err == nil {
		perm = info.Mode().Perm()
	}
	return model.WriteAtomic(p, data, perm)
}
