package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// runImport merges a badge site project entry or a .bestpractices.json into
// the answers file. Nothing is written unless the whole file was read; an
// answer given is replaced only when asked (--prefer theirs, --take, or a
// review in the walk), or when it is still detect's or carry's guess and
// the file holds a person's answer.
func runImport(env *Env, args []string) int {
	fs := env.flagSet("import")
	overwrite := fs.Bool("overwrite", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	prefer := fs.String("prefer", "", "")
	take := fs.String("take", "", "")
	file, rest := positional(fs, args)
	if code, ok := env.parse(fs, rest, "ui.site.import.help"); !ok {
		return code
	}
	if file == "" {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.import.need_file"))
		return ExitBadInput
	}
	opts := site.MergeOptions{Machine: site.NewMachineText(env.Loc)}
	if *prefer != "" {
		side, ok := site.ParseSide(*prefer)
		if !ok {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.bad_prefer", "Value", safetext.Line(*prefer))))
			return ExitBadInput
		}
		opts.Prefer = side
	}
	if *overwrite { // the older spelling of --prefer theirs
		opts.Prefer = site.Theirs
	}
	if *take != "" {
		ids, ok := env.criterionIDs(*take)
		if !ok {
			return ExitBadInput
		}
		opts.Take = ids
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	in, display, ok := env.readSource(file)
	if !ok {
		return ExitBadInput
	}
	printSource(env, in, display)
	// A file not written yet holds only guesses (the directory's name, the
	// remote): the imported project's fields fill them, and the directory's
	// name is not written as the project's.
	have := f.Project
	if !f.Exists {
		f = model.New(f.Path, env.Catalog, model.Project{URL: f.Project.URL})
		have = f.Project // the remote's address: enough to tell another project's entry
	}
	m := site.MergeAnswers(env.Catalog, f.Answers, have, in, opts)
	if m.Foreign != "" {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.foreign", "File", display, "URL", safetext.Value(m.Foreign)))
	}
	for _, id := range m.UnknownTake {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.import.take_no_conflict", "ID", idText(id)))
	}
	reviewed := false
	if env.IsTerminal && env.ui.ReviewImport != nil && !*dryRun && *prefer == "" && !*overwrite && *take == "" && len(m.Conflicts) > 0 {
		if !env.ui.ReviewImport(env.Env, m, display) {
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.review_cancelled", "File", env.DisplayPath(f.Path)))
			return ExitOK
		}
		reviewed = true
	}
	printMerge(env, m, *dryRun, reviewed)

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
	// The save goes through model, which proves the new text before it
	// replaces the file; a refusal leaves the file as it was.
	if err := f.SaveProject(m.Project, false); err != nil {
		if errors.Is(err, model.ErrChangedOnDisk) {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.changed_on_disk", "File", answersFile)))
			return ExitBadInput
		}
		return env.saveFailed(f, err)
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.import.saved", "File", answersFile))
	return ExitOK
}

// criterionIDs reads a comma-separated list of criteria, as ids or as the
// site's field names (OSPS-AC-01.01, osps_ac_01_01), printing the unknown
// ones.
func (env *Env) criterionIDs(list string) ([]string, bool) {
	byFold := map[string]string{}
	for _, id := range env.Catalog.IDs() {
		byFold[strings.ToLower(site.FieldName(id))] = id
	}
	var ids, unknown []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if id := byFold[strings.ToLower(site.FieldName(s))]; id != "" {
			ids = append(ids, id)
		} else {
			unknown = append(unknown, safetext.Line(s))
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.site.import.take_unknown", "Count", len(unknown), "IDs", strings.Join(unknown, ", "))))
		return nil, false
	}
	return ids, true
}

// readSource reads and parses a site entry or a .bestpractices.json given
// on the command line ("-" for standard input), printing why not when it
// cannot. Only a regular file is opened: a pipe or a device would be
// waited on.
func (env *Env) readSource(file string) (*site.Imported, string, bool) {
	display := env.Loc.T("ui.site.import.stdin")
	var data []byte
	var err error
	if file == "-" {
		data, err = io.ReadAll(io.LimitReader(env.Stdin, site.MaxImportSize+1))
	} else {
		if !filepath.IsAbs(file) {
			file = filepath.Join(env.Dir, file)
		}
		display = env.DisplayPath(file)
		data, err = readRegular(file, site.MaxImportSize)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.readError(display, err)))
		return nil, display, false
	}
	in, err := site.Parse(display, data, env.Catalog)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, display)))
		return nil, display, false
	}
	return in, display, true
}

// readError says why a file could not be read.
func (env *Env) readError(display string, err error) string {
	var nr *regfile.NotRegularError
	if errors.As(err, &nr) {
		return env.Loc.T("ui.site.not_regular", "File", display, "Kind", env.Loc.T("ui.site.file_kind."+string(nr.Kind)))
	}
	var pe interface{ Unwrap() error }
	msg := err.Error()
	if errors.As(err, &pe) && pe.Unwrap() != nil {
		msg = pe.Unwrap().Error()
	}
	return env.Loc.T("ui.site.import.read_failed", "File", display, "Error", safetext.Line(msg))
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

// maxUnknownNames is how many unknown field names the summary line shows.
const maxUnknownNames = 5

// printSource says what the file is and what of it was not taken: fields
// under former names (one line each), removed criteria, values that could
// not be read, and one line for the fields nobody here knows.
func printSource(env *Env, in *site.Imported, display string) {
	w, loc := env.Stdout, env.Loc
	if in.Kind == site.KindProject {
		fmt.Fprintln(w, loc.T("ui.site.import.source_project", "File", display, "ID", in.Project.BadgeID, "Count", in.Answered()))
	} else {
		fmt.Fprintln(w, loc.T("ui.site.import.source_file", "File", display, "Count", in.Answered()))
	}
	for _, r := range in.Renamed {
		fmt.Fprintln(w, loc.T("ui.site.import.renamed", "Old", idText(r.From), "New", r.To))
	}
	for _, id := range in.Retired {
		fmt.Fprintln(w, loc.T("ui.site.import.retired", "ID", idText(id)))
	}
	if n := len(in.Unknown); n > 0 {
		names := make([]string, 0, maxUnknownNames)
		for _, k := range in.Unknown[:min(n, maxUnknownNames)] {
			names = append(names, idText(k))
		}
		list := strings.Join(names, ", ")
		if n > maxUnknownNames {
			list += ", …"
		}
		fmt.Fprintln(w, loc.T("ui.site.import.unknown", "Count", n, "Keys", list))
	}
	printSkipped(env, in, display)
}

// printSkipped warns about the values that could not be read: they are
// left out of whatever the command does.
func printSkipped(env *Env, in *site.Imported, display string) {
	for _, e := range in.Skipped {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.import.warning", "Message", siteError(env.Loc, e, display)))
	}
}

// printMerge says what the import does (or would do, in a dry run).
func printMerge(env *Env, m *site.Merge, dryRun, reviewed bool) {
	w, loc := env.Stdout, env.Loc
	list := func(key string, cs []site.Change) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintln(w, loc.T(key, "Count", len(cs)))
		for _, c := range cs {
			fmt.Fprintf(w, "  %-38s %s\n", idText(c.ID), answerText(loc, c.New))
		}
	}
	added := "ui.site.import.added"
	if dryRun {
		added = "ui.site.import.would_add"
	}
	list(added, m.Added)
	if len(m.Conflicts) > 0 {
		fmt.Fprintln(w, loc.T("ui.site.import.conflicts", "Count", len(m.Conflicts)))
		for _, c := range m.Conflicts {
			fmt.Fprintf(w, "  %-38s %s\n", idText(c.ID), loc.T("ui.site.import.ours_theirs", "Ours", answerText(loc, c.Old), "Theirs", answerText(loc, c.New)))
			fmt.Fprintf(w, "  %-38s → %s\n", "", loc.T(decisionKey(c, reviewed), "ID", idText(c.ID)))
		}
	}
	list("ui.site.import.same", m.Same)
	for _, c := range m.ProjectAdded {
		fmt.Fprintln(w, loc.T("ui.site.import.project_added", "Field", c.Field, "New", safetext.Value(c.New)))
	}
	for _, c := range m.ProjectConflict {
		key := "ui.site.import.project_kept"
		if reviewed {
			key = "ui.site.import.project_kept_review"
		}
		if m.ProjectReplaced() {
			key = "ui.site.import.project_replaced"
		}
		fmt.Fprintln(w, loc.T(key, "Field", c.Field, "Old", safetext.Value(c.Old), "New", safetext.Value(c.New)))
	}
}

// decisionKey says which side a conflict keeps, and why. After a review
// the side is the user's, also where left as offered; only a side kept
// because the other is still detect's or carry's text says so instead.
func decisionKey(c *site.Conflict, reviewed bool) string {
	side := c.Take.String()
	switch {
	case c.Why == site.ByMachine:
		return "ui.site.import.decision." + side + "_machine"
	case reviewed:
		return "ui.site.import.decision." + side + "_review"
	case c.Why == site.ByTake:
		return "ui.site.import.decision.theirs_take"
	case c.Why == site.ByPrefer:
		return "ui.site.import.decision.theirs_prefer"
	}
	return "ui.site.import.decision.ours_default"
}

// answerText is an answer for reading: the status as the interface names
// it (« Satisfait », 「満たす」; the file's Met is for JSON and the files),
// with the start of its justification.
func answerText(loc *i18n.Locale, a model.Answer) string {
	j := strings.TrimSpace(a.Justification)
	if a.Status == model.Unknown && j == "" {
		return loc.T("ui.site.nothing")
	}
	s := loc.Word(a.Status)
	if j != "" {
		s = loc.Aside(s, clip(j, 50))
	}
	return s
}
