package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secinsights"
	"github.com/bestpractices/bestpractices/model"
)

// insightsExport is export --format security-insights: out is -o ("" or
// "-" for standard output), check is --check.
type insightsExport struct {
	env   *Env
	f     *model.File
	root  string
	out   string
	check bool
	now   time.Time
}

func runExportInsights(env *Env, out string, check bool) int {
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	x := &insightsExport{env: env, f: f, root: env.RepoRoot(), out: out, check: check, now: time.Now()}
	return x.run()
}

func (x *insightsExport) errorf(key string, args ...any) int {
	fmt.Fprintln(x.env.Stderr, x.env.Loc.T("ui.cli.error", "Message", x.env.Loc.T(key, args...)))
	return ExitBadInput
}

func (x *insightsExport) run() int {
	env := x.env
	// Where the file is: -o, else (for --check) the one the repository has.
	target := ""
	switch {
	case x.out != "" && x.out != "-":
		target = x.out
		if !filepath.IsAbs(target) {
			target = filepath.Join(env.Dir, target)
		}
	case x.check || x.out == "" || x.out == "-":
		if rel := secinsights.Find(x.root); rel != "" {
			target = filepath.Join(x.root, filepath.FromSlash(rel))
		}
	}
	if x.out != "" && x.out != "-" && sameFile(target, x.f.Path) {
		return x.errorf("ui.secins.export.is_answers", "File", env.DisplayPath(target))
	}
	if x.out != "" && x.out != "-" {
		if dest, out := leavesRepo(x.root, target); out {
			return x.errorf("ui.cli.link_outside", "File", env.DisplayPath(target), "Target", safetext.Line(dest))
		}
	}
	if x.check && target == "" {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.secins.export.check_missing", "File", secinsights.FileName))
		return ExitNotMet
	}
	rel := secinsights.FileName
	if target != "" {
		if r, err := filepath.Rel(x.root, target); err == nil && !strings.HasPrefix(r, "..") {
			rel = filepath.ToSlash(r)
		}
	}
	// Standard output gets a file of its own; -o and --check merge into
	// the existing one.
	var old []byte
	resolved, perm := target, os.FileMode(0o644)
	name := secinsights.FileName
	if target != "" {
		name = env.DisplayPath(target)
	}
	if target != "" && (x.check || x.out != "") {
		var err error
		old, resolved, perm, err = secinsights.ReadFile(target)
		switch {
		case secinsights.IsNotExist(err):
			if x.check {
				fmt.Fprintln(env.Stdout, env.Loc.T("ui.secins.export.check_missing", "File", name))
				return ExitNotMet
			}
			perm = 0o644
		case errors.Is(err, secinsights.ErrNotRegular):
			return x.errorf("ui.secins.export.not_regular", "File", name)
		case err != nil:
			return x.errorf("ui.secins.export.read_failed", "File", name, "Error", x.errText(err))
		}
		if old != nil {
			doc, err := secinsights.Parse(old)
			if err != nil {
				where, text := name, x.errText(err)
				var pe *secinsights.ParseError
				if errors.As(err, &pe) && pe.Line > 0 {
					where, text = fmt.Sprintf("%s:%d", name, pe.Line), pe.Msg.In(env.Loc)
				}
				return x.errorf("ui.secins.export.bad_file", "Where", where, "Error", text)
			}
			if doc.IsV1() {
				return x.errorf("ui.secins.export.v1", "File", name, "Version", safetext.Line(doc.Version()))
			}
		}
	}

	facts, err := detect.InsightsFacts(x.root, env.Catalog, detect.Options{Loc: env.Loc})
	if err != nil {
		return x.errorf("ui.secins.export.scan_failed", "Error", safetext.Line(err.Error()))
	}
	as, bad := secinsights.Build(secinsights.Input{
		Project: x.f.Project, Insights: x.f.Insights, Answers: x.f.Answers, Facts: facts, Path: rel, Now: x.now,
	})
	answers := env.DisplayPath(x.f.Path)
	if len(bad) > 0 {
		for _, b := range bad {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", fmt.Sprintf("%s:%d: %s", answers, b.Line, b.Msg.In(env.Loc))))
		}
		return ExitBadInput
	}
	data, changes, err := secinsights.Merge(old, as)
	if err != nil {
		return x.mergeError(name, err)
	}
	doc, err := secinsights.Parse(data)
	if err != nil {
		return x.errorf("ui.secins.export.not_written", "File", name, "Error", x.errText(err))
	}
	if problems := secinsights.Validate(doc); len(problems) > 0 {
		return x.invalid(name, answers, old, problems)
	}

	if x.check {
		return x.report(name, answers, changes)
	}
	if x.out == "" || x.out == "-" {
		env.Stdout.Write(data)
		return ExitOK
	}
	if old != nil && bytes.Equal(old, data) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.up_to_date", "File", name, "Answers", answers))
		return ExitOK
	}
	// The file must still be what we read: someone may be editing it.
	if cur, _, _, err := secinsights.ReadFile(target); (err == nil) != (old != nil) || !bytes.Equal(cur, old) {
		return x.errorf("ui.secins.export.changed_on_disk", "File", name)
	}
	if err := model.WriteAtomic(resolved, data, perm); err != nil {
		return x.errorf("ui.secins.export.write_failed", "File", name, "Error", safetext.Line(err.Error()))
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.wrote", "File", name, "Count", len(changes)))
	x.listChanges(env.Stderr, changes)
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.by_hand"))
	return ExitOK
}

func (x *insightsExport) errText(err error) string {
	var pe *secinsights.ParseError
	if errors.As(err, &pe) {
		return pe.In(x.env.Loc)
	}
	var perr *os.PathError
	if errors.As(err, &perr) {
		return safetext.Line(perr.Err.Error())
	}
	return safetext.Line(err.Error())
}

func (x *insightsExport) mergeError(name string, err error) int {
	var ce *secinsights.ConflictError
	var pe *secinsights.ProofError
	switch {
	case errors.As(err, &ce):
		field := ce.Path
		if field == "" {
			return x.errorf("ui.secins.export.flow_document", "File", name, "Line", ce.Line)
		}
		return x.errorf("ui.secins.export.conflict", "File", name, "Line", ce.Line, "Field", field)
	case errors.As(err, &pe):
		return x.errorf("ui.secins.export.not_written", "File", name, "Error", pe.Msg.In(x.env.Loc))
	}
	return x.errorf("ui.secins.export.not_written", "File", name, "Error", safetext.Line(err.Error()))
}

// invalid explains why the result would not follow the schema: values the
// answers file must give, or fields of the existing file to correct.
func (x *insightsExport) invalid(name, answers string, old []byte, problems []secinsights.Problem) int {
	env := x.env
	needs := secinsights.Needs(problems)
	keys := false
	if len(needs) > 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.Loc.T("ui.secins.export.needs", "File", name, "Answers", answers)))
		for _, n := range needs {
			var how []string
			if len(n.Keys) > 0 {
				how = append(how, env.Loc.T("ui.secins.export.need_keys", "Keys", "project."+strings.Join(n.Keys, ", project.")))
			}
			if len(n.IDs) > 0 {
				how = append(how, env.Loc.T("ui.secins.export.need_ids", "IDs", strings.Join(n.IDs, env.Loc.T("ui.secins.export.or"))))
			}
			fmt.Fprintln(env.Stderr, "  "+env.Loc.T("ui.secins.export.need", "Field", n.Field, "How", strings.Join(how, env.Loc.T("ui.secins.export.or"))))
			keys = keys || len(n.Keys) > 0
		}
		if keys {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.needs_example"))
		}
	}
	// Problems of the existing file are shown at its own lines.
	lines := map[string]int{}
	if old != nil {
		if d, err := secinsights.Parse(old); err == nil {
			for _, p := range secinsights.Validate(d) {
				lines[p.Path] = p.Line
			}
		}
	}
	for _, p := range problems {
		if p.Missing && len(needs) > 0 && isNeed(p.Path, needs) {
			continue
		}
		where := name
		if l, ok := lines[p.Path]; ok {
			where = fmt.Sprintf("%s:%d", name, l)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", where+": "+safetext.Line(p.Msg.In(env.Loc))))
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.secins.export.nothing_written", "File", name))
	return ExitBadInput
}

func isNeed(path string, needs []secinsights.Need) bool {
	for _, n := range needs {
		if n.Field == path || strings.HasPrefix(n.Field, path+".") {
			return true
		}
	}
	return false
}

// report is --check: 0 when the file says what the answers say, 1 when an
// export would change it (the date of the last update aside).
func (x *insightsExport) report(name, answers string, changes []secinsights.Change) int {
	var real []secinsights.Change
	for _, c := range changes {
		if c.Path != "header.last-updated" {
			real = append(real, c)
		}
	}
	if len(real) == 0 {
		fmt.Fprintln(x.env.Stdout, x.env.Loc.T("ui.secins.export.in_sync", "File", name, "Answers", answers))
		return ExitOK
	}
	fmt.Fprintln(x.env.Stdout, x.env.Loc.T("ui.secins.export.out_of_sync", "File", name, "Answers", answers, "Count", len(real)))
	x.listChanges(x.env.Stdout, real)
	return ExitNotMet
}

func (x *insightsExport) listChanges(w interface{ Write([]byte) (int, error) }, changes []secinsights.Change) {
	loc := x.env.Loc
	for _, c := range changes {
		var s string
		switch {
		case strings.HasSuffix(c.Path, "[+]"):
			s = loc.T("ui.secins.export.change_entry", "Field", strings.TrimSuffix(c.Path, "[+]"), "New", short(c.New))
		case c.Old == "":
			s = loc.T("ui.secins.export.change_added", "Field", c.Path, "New", short(c.New))
		default:
			s = loc.T("ui.secins.export.change_set", "Field", c.Path, "Old", short(c.Old), "New", short(c.New))
		}
		fmt.Fprintf(w, "  %s\n", s)
	}
}

// short is a value as one line of at most 80 characters.
func short(s string) string {
	s = safetext.Line(strings.Join(strings.Fields(s), " "))
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}
