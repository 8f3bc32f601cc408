package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// runImport merges a badge site project entry or a .bestpractices.json into
// the answers file. Nothing is written unless the whole file was read, and
// an answer given is replaced only with --overwrite.
func runImport(env *Env, args []string) int {
	fs := env.flagSet("import")
	overwrite := fs.Bool("overwrite", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	file, rest := positional(fs, args)
	if code, ok := env.parse(fs, rest, "ui.site.import.help"); !ok {
		return code
	}
	if file == "" {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.import.need_file"))
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	display := env.Loc.T("ui.site.import.stdin")
	if file != "-" {
		if !filepath.IsAbs(file) {
			file = filepath.Join(env.Dir, file)
		}
		display = env.DisplayPath(file)
	}
	data, err := readImport(env, file, display)
	if err != nil {
		var se *site.Error
		if errors.As(err, &se) {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, display)))
		} else {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.read_failed", "File", display, "Error", err.Error())))
		}
		return ExitBadInput
	}
	in, err := site.Parse(display, data, env.Catalog)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, display)))
		return ExitBadInput
	}
	// A file not written yet holds only guesses (the directory's name, the
	// remote): the imported project's fields fill them.
	have := f.Project
	if !f.Exists {
		have = model.Project{}
	}
	m := site.MergeAnswers(env.Catalog, f.Answers, have, in, *overwrite)
	printMerge(env, in, m, display, *dryRun)

	answersFile := env.DisplayPath(f.Path)
	switch {
	case *dryRun:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.dry_run", "File", answersFile))
		return ExitOK
	case !m.Changed():
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.nothing", "File", answersFile))
		return ExitOK
	}
	for _, c := range m.Apply() {
		f.Set(c.ID, c.New)
		if pr := f.Answers[c.ID].Problem; pr != nil {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.import.warning", "Message", safetext.Line(pr.In(env.Loc))))
		}
	}
	if err := f.SaveProject(m.Project, false); err != nil {
		if errors.Is(err, model.ErrChangedOnDisk) {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.changed_on_disk", "File", answersFile)))
		} else {
			msg := err.Error()
			var fe *model.FileError
			if errors.As(err, &fe) {
				msg = fe.In(env.Loc)
			}
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.not_saved", "File", answersFile, "Error", msg)))
		}
		return ExitBadInput
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.saved", "File", answersFile))
	return ExitOK
}

// positional takes the command's one argument out of args, wherever it
// stands among the flags (the flag package stops at the first non-flag).
func positional(fs *flag.FlagSet, args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				return args[i+1], append(append([]string(nil), args[:i]...), args[i+2:]...)
			}
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			return a, append(append([]string(nil), args[:i]...), args[i+1:]...)
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if fl := fs.Lookup(name); fl != nil {
			if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				i++ // its value follows
			}
		}
	}
	return "", args
}

// readImport reads the file (or standard input for "-"), refusing one far
// larger than a project's entry before reading it all.
func readImport(env *Env, path, display string) ([]byte, error) {
	var r io.Reader = env.Stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		if info, err := fh.Stat(); err == nil && info.Size() > site.MaxImportSize {
			return nil, &site.Error{Code: site.CodeTooLarge, Path: display, Size: int(info.Size()), Limit: site.MaxImportSize}
		}
		r = fh
	}
	return io.ReadAll(io.LimitReader(r, site.MaxImportSize+1))
}

// printMerge says what the import does (or would do, in a dry run).
func printMerge(env *Env, in *site.Imported, m *site.Merge, display string, dryRun bool) {
	w, loc := env.Stdout, env.Loc
	if in.Kind == site.KindProject {
		fmt.Fprintln(w, loc.T("ui.site.import.source_project", "File", display, "ID", in.Project.BadgeID, "Count", len(in.Answers)))
	} else {
		fmt.Fprintln(w, loc.T("ui.site.import.source_file", "File", display, "Count", len(in.Answers)))
	}
	for _, id := range in.Retired {
		fmt.Fprintln(w, loc.T("ui.site.import.retired", "ID", id))
	}
	list := func(key string, cs []site.Change, detail bool) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintln(w, loc.T(key, "Count", len(cs)))
		for _, c := range cs {
			if detail {
				fmt.Fprintf(w, "  %-38s %s\n", c.ID, loc.T("ui.site.import.here_file", "Here", answerText(c.Old), "File", answerText(c.New)))
			} else {
				fmt.Fprintf(w, "  %-38s %s\n", c.ID, answerText(c.New))
			}
		}
	}
	added, replaced := "ui.site.import.added", "ui.site.import.replaced"
	if dryRun {
		added, replaced = "ui.site.import.would_add", "ui.site.import.would_replace"
	}
	if !m.Overwrite {
		replaced = "ui.site.import.kept"
	}
	list(added, m.Added, false)
	list(replaced, m.Conflicts, true)
	list("ui.site.import.same", m.Same, false)
	for _, c := range m.ProjectAdded {
		fmt.Fprintln(w, loc.T("ui.site.import.project_added", "Field", c.Field, "New", safetext.Line(c.New)))
	}
	for _, c := range m.ProjectConflict {
		key := "ui.site.import.project_kept"
		if m.Overwrite {
			key = "ui.site.import.project_replaced"
		}
		fmt.Fprintln(w, loc.T(key, "Field", c.Field, "Old", safetext.Line(c.Old), "New", safetext.Line(c.New)))
	}
}

// answerText is a status with the start of its justification.
func answerText(a model.Answer) string {
	s := a.Status.String()
	if j := strings.TrimSpace(a.Justification); j != "" {
		s += " (" + clip(j, 50) + ")"
	}
	return s
}
