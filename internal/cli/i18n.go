package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/i18ntool"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"golang.org/x/text/language"
)

// runI18n dispatches the translator's commands.
func runI18n(env *Env, args []string) int {
	fset := env.flagSet("i18n")
	if err := parseFlags(fset, args, func() { env.help("ui.i18ncmd.help") }); err != nil {
		return env.flagFailed(err, fset.Usage)
	}
	rest := fset.Args()
	if len(rest) == 0 {
		env.help("ui.i18ncmd.help")
		return ExitBadInput
	}
	if rest[0] == "help" {
		env.help("ui.i18ncmd.help")
		return ExitOK
	}
	if run, ok := i18nCommands()[rest[0]]; ok {
		return run(env, rest[1:])
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.unknown_subcommand", "Name", safetext.Line(rest[0])))
	return ExitBadInput
}

// i18nCommands are the translator's commands by name: the one list the
// dispatch and the tests of the texts naming them (the command list's
// summary, the unknown-command message) read.
func i18nCommands() map[string]func(*Env, []string) int {
	return map[string]func(*Env, []string) int{
		"status":    i18nStatus,
		"check":     i18nCheck,
		"new":       i18nNew,
		"stamp":     i18nStamp,
		"update":    i18nUpdate,
		"export-po": i18nExportPO,
		"import-po": i18nImportPO,
	}
}

func (env *Env) help(key string) {
	fmt.Fprintln(env.Stderr, env.Loc.T(key))
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.global_flags"))
}

// parseArgs is env.parse for commands that take arguments: flags may come
// before, between or after them.
func (env *Env) parseArgs(fset *flag.FlagSet, args []string, helpKey string) ([]string, int, bool) {
	var pos []string
	for {
		if err := parseFlags(fset, args, func() { env.help(helpKey) }); err != nil {
			return nil, env.flagFailed(err, fset.Usage), false
		}
		rest := fset.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...) // after --, everything is an argument
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if code, ok := env.setLocale(); !ok {
		return nil, code, false
	}
	return pos, ExitOK, true
}

// resolve makes a path given on the command line relative to env.Dir.
func (env *Env) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(env.Dir, p)
}

// useLocaleFile applies --locale-file: a file that cannot be used stops
// the command with its problems (file:line); one that can is used, and its
// problems are shown as warnings, a few at most.
func (env *Env) useLocaleFile() (int, bool) {
	name := env.LocaleFile
	f, problems, err := i18ntool.LoadChecked(env.resolve(name), env.glossariesBeside(name))
	if f == nil {
		shown := 0
		for _, p := range problems {
			if p.Severity == i18ntool.Error {
				env.printProblem(env.Stderr, name, p)
				shown++
			}
		}
		if shown == 0 {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		} else {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.locale_file.unusable", "File", name))
		}
		return ExitBadInput, false
	}
	const most = 10
	shown, hidden := 0, 0
	for _, p := range problems {
		if p.Severity == i18ntool.Info {
			continue
		}
		if shown == most {
			hidden++
			continue
		}
		shown++
		p.Severity = i18ntool.Warning // the file works: a draft is worth seeing
		env.printProblem(env.Stderr, name, p)
	}
	if hidden > 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.locale_file.more", "File", name, "Count", hidden))
	}
	env.Loc = i18n.FromFile(f)
	return ExitOK, true
}

// localeReadError says why the locale file name could not be read.
func (env *Env) localeReadError(name string, err error) string {
	if re, ok := i18n.IsReadError(err); ok {
		return env.Loc.T("ui.i18ncmd.read."+re.Kind, "File", safetext.Line(name), "Limit", i18n.MaxFileSize>>20)
	}
	return safetext.Line(err.Error())
}

// glossariesBeside finds a language's glossary beside the locale file
// name (glossary.TAG.yaml), else the built-in one; named as the user
// named the file.
func (env *Env) glossariesBeside(name string) i18ntool.Glossaries {
	return i18ntool.GlossariesBeside(filepath.Dir(env.resolve(name)), filepath.Dir(name))
}

func (env *Env) printProblem(w io.Writer, file string, p i18ntool.Problem) {
	if p.File != "" {
		file = p.File // in the glossary, not the locale file
	}
	sev := env.Loc.T("ui.i18ncmd.severity." + p.Severity.String())
	if p.Line > 0 {
		fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.at", "File", file, "Line", p.Line, "Severity", sev, "Message", p.Message(env.Loc)))
	} else {
		fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.in", "File", file, "Severity", sev, "Message", p.Message(env.Loc)))
	}
}

// localeStatus is one row of i18n status.
type localeStatus struct {
	Tag        string     `json:"tag"`
	Name       string     `json:"name"`
	File       string     `json:"file"`
	Translated int        `json:"translated"`
	Total      int        `json:"total"`
	Percent    int        `json:"percent"`
	UI         partStatus `json:"ui"`
	Criteria   partStatus `json:"criteria"`
	Missing    []string   `json:"missing"`
	Stale      []string   `json:"stale"`
	Unstamped  []string   `json:"unstamped"`
}

type partStatus struct {
	Translated int `json:"translated"`
	Total      int `json:"total"`
	Percent    int `json:"percent"`
}

func part(c i18ntool.Counts) partStatus {
	return partStatus{Translated: c.Translated, Total: c.Total, Percent: c.Percent()}
}

func i18nStatus(env *Env, args []string) int {
	fset := env.flagSet("i18n status")
	format := fset.String("format", "text", "")
	verbose := fset.Bool("verbose", false, "")
	names, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.status.help")
	if !ok {
		return code
	}
	if !env.knownFormat(*format, "text", "json") {
		return ExitBadInput
	}
	var rows []localeStatus
	add := func(f *i18n.File, src []byte, file string) {
		p := i18ntool.Measure(f, i18ntool.MarkedStale(f, src))
		rows = append(rows, localeStatus{
			Tag: safetext.Line(f.Tag), Name: f.Name, File: file,
			Translated: p.All.Translated, Total: p.All.Total, Percent: p.All.Percent(),
			UI: part(p.UI), Criteria: part(p.Criteria),
			Missing: p.Missing, Stale: p.Stale, Unstamped: p.Unstamped,
		})
	}
	code = ExitOK
	// Files named: those alone (a translator's draft, not built in).
	for _, name := range names {
		src, err := i18n.ReadFile(env.resolve(name))
		if err == nil {
			var f *i18n.File
			if f, err = i18n.Parse(name, src); err == nil {
				if f.Tag == "" {
					f.Tag = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
				}
				add(f, src, name)
				continue
			}
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		code = ExitBadInput
	}
	for _, tag := range i18n.Available() {
		if tag == "en" || len(names) > 0 {
			continue
		}
		f, err := i18n.Embedded(tag)
		if err != nil {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
			code = ExitBadInput
			continue
		}
		src, _ := i18n.Source(tag)
		add(f, src, f.Path)
	}
	if env.LocaleFile != "" && len(names) == 0 {
		src, _ := i18n.ReadFile(env.resolve(env.LocaleFile)) // read once already: a file that changed since is only less marked
		add(env.Loc.File(), src, env.LocaleFile)
	}
	if *format == "json" {
		en := i18ntool.Measure(&i18n.File{}, nil)
		out := struct {
			Source   string         `json:"source"`
			Keys     int            `json:"keys"`
			UI       int            `json:"ui_keys"`
			Criteria int            `json:"criteria_keys"`
			Locales  []localeStatus `json:"locales"`
		}{"en", en.All.Total, en.UI.Total, en.Criteria.Total, rows}
		if out.Locales == nil {
			out.Locales = []localeStatus{}
		}
		safetext.WriteJSON(env.Stdout, out, "  ")
		return code
	}
	w := env.Stdout
	en := i18ntool.Measure(&i18n.File{}, nil)
	fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.source", "Count", en.All.Total, "UI", en.UI.Total, "Criteria", en.Criteria.Total))
	if len(rows) == 0 {
		fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.none"))
	}
	for _, r := range rows {
		fmt.Fprintln(w)
		fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.locale", "Tag", r.Tag, "Name", r.Name, "File", r.File, "Percent", r.Percent, "Translated", r.Translated, "Total", r.Total))
		// The two parts as a table: labels padded to the wider, in cells.
		labels := []string{env.Loc.Label(env.Loc.T("ui.i18ncmd.status.part_ui"), ""), env.Loc.Label(env.Loc.T("ui.i18ncmd.status.part_criteria"), "")}
		labelW := textwidth.MaxWidth(labels...)
		for i, p := range []partStatus{r.UI, r.Criteria} {
			fmt.Fprintln(w, "  "+textwidth.Pad(labels[i], labelW)+env.Loc.T("ui.i18ncmd.status.part", "Percent", p.Percent, "Translated", p.Translated, "Total", p.Total))
		}
		if len(r.Stale) > 0 {
			fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.stale", "Count", len(r.Stale), "File", r.File))
			listKeys(w, r.Stale, len(r.Stale), env)
		}
		if len(r.Unstamped) > 0 {
			fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.unstamped", "Count", len(r.Unstamped), "File", r.File))
			if *verbose {
				listKeys(w, r.Unstamped, len(r.Unstamped), env)
			}
		}
		if len(r.Missing) > 0 {
			fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.missing", "Count", len(r.Missing)))
			n := 10
			if *verbose {
				n = len(r.Missing)
			}
			listKeys(w, r.Missing, n, env)
		}
	}
	return code
}

// listKeys prints the first n keys, and how many more there are.
func listKeys(w io.Writer, keys []string, n int, env *Env) {
	for i, k := range keys {
		if i == n {
			fmt.Fprintln(w, env.Loc.T("ui.i18ncmd.status.more", "Count", len(keys)-n))
			return
		}
		fmt.Fprintln(w, "    "+k)
	}
}

func i18nCheck(env *Env, args []string) int {
	fset := env.flagSet("i18n check")
	verbose := fset.Bool("verbose", false, "")
	names, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.check.help")
	if !ok {
		return code
	}
	if len(names) == 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.check.need_file"))
		return ExitBadInput
	}
	worst := ExitOK
	for _, name := range names {
		src, err := i18n.ReadFile(env.resolve(name))
		if err != nil {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
			worst = ExitBadInput
			continue
		}
		problems := i18ntool.CheckWith(name, src, env.glossariesBeside(name))
		errs, warns, missing := 0, 0, 0
		for _, p := range problems {
			switch {
			case p.Severity == i18ntool.Error:
				errs++
			case p.Severity == i18ntool.Warning:
				warns++
			case p.Kind == "missing":
				missing++
				if !*verbose {
					continue
				}
			}
			env.printProblem(env.Stdout, name, p)
		}
		switch {
		case errs == 0 && warns == 0:
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.check.clean", "File", name))
		default:
			if errs > 0 {
				fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.check.errors", "File", name, "Count", errs))
			}
			if warns > 0 {
				fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.check.warnings", "File", name, "Count", warns))
			}
		}
		if missing > 0 {
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.check.missing", "File", name, "Count", missing))
		} else if i18ntool.Errors(problems) == 0 {
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.check.complete", "File", name))
		}
		if errs > 0 && worst == ExitOK {
			worst = ExitNotMet
		}
	}
	return worst
}

func i18nNew(env *Env, args []string) int {
	fset := env.flagSet("i18n new")
	out := fset.String("o", "", "")
	pos, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.new.help")
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.need_tag"))
		return ExitBadInput
	case len(pos) > 1:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.extra_args", "Args", safetext.Line(strings.Join(pos[1:], " "))))
		return ExitBadInput
	}
	t, err := language.Parse(pos[0])
	if err != nil || t == language.Und {
		detail := "und"
		if err != nil {
			detail = err.Error()
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.bad_tag", "Tag", safetext.Line(pos[0]), "Detail", detail))
		return ExitBadInput
	}
	tag := t.String()
	if t == language.English {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.english"))
		return ExitBadInput
	}
	for _, a := range i18n.Available() {
		if a == tag {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.builtin", "Tag", tag))
		}
	}
	data := i18ntool.Starter(t, env.Loc.T("ui.i18ncmd.new.header", "Tag", tag, "Placeholder", "{{.Name}}"))
	count := len(i18ntool.EnglishKeys())
	name := *out
	if name == "" {
		name = tag + ".yaml"
	}
	if name == "-" {
		env.Stdout.Write(data)
		return ExitOK
	}
	err = createNew(env.resolve(name), data)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.exists", "File", name))
		return ExitBadInput
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return ExitBadInput
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.new.written", "File", name, "Count", count))
	return env.newGlossary(t, filepath.Join(filepath.Dir(name), "glossary."+tag+".yaml"))
}

// newGlossary writes the glossary a new language starts from beside its
// file, unless it has one: a built-in language's words, or a file the
// translator began.
func (env *Env) newGlossary(t language.Tag, name string) int {
	if g, err := i18ntool.BuiltinGlossary(t); err == nil && g != nil {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.new.glossary_builtin", "File", g.File))
		return ExitOK
	}
	data, count, err := i18ntool.GlossaryStarter(name, env.Loc.T("ui.i18ncmd.new.glossary_header", "Tag", t.String()))
	if err == nil {
		err = createNew(env.resolve(name), data)
	}
	switch {
	case errors.Is(err, fs.ErrExist) && !isRegular(env.resolve(name)):
		// Nothing went through it (O_EXCL); but there are no words to
		// translate with either, so the user must not be told there are.
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.new.glossary_not_regular", "File", safetext.Line(name), "Tag", t.String()))
	case errors.Is(err, fs.ErrExist):
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.new.glossary_kept", "File", name))
	case err != nil:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return ExitBadInput
	default:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.new.glossary_written", "File", name, "Count", count))
	}
	return ExitOK
}

// isRegular reports whether path leads to a regular file, through a
// symbolic link if it is one: a dangling link, a named pipe, a device or
// a directory is not.
func isRegular(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// createNew writes a file that must not exist yet: O_EXCL never replaces
// one, even one created a moment ago (fs.ErrExist then). A file half
// written is removed.
func createNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name()) // ours, half written
	}
	return err
}

func i18nStamp(env *Env, args []string) int {
	fset := env.flagSet("i18n stamp")
	pos, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.stamp.help")
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.stamp.need_file"))
		return ExitBadInput
	}
	name, keys := pos[0], pos[1:]
	path := env.localePath(name)
	src, err := i18n.ReadFile(path)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		return ExitBadInput
	}
	if env.unreadable(name, src, "ui.i18ncmd.update.refused") {
		return ExitBadInput
	}
	f, err := i18n.Parse(name, src)
	if err != nil {
		return ExitBadInput // said above
	}
	all := i18ntool.EnglishKeys()
	var chosen []string
	if len(keys) == 0 {
		// Every translation without a record, but those update marked
		// stale (#|): recording them would call them current unrevised.
		// Naming a key is the translator saying it is revised.
		marked := i18ntool.MarkedStale(f, src)
		var held []string
		for _, k := range all {
			if _, has := f.Sources[k]; !has && f.Translated(k) {
				if marked[k] {
					held = append(held, k)
				} else {
					chosen = append(chosen, k)
				}
			}
		}
		if len(held) > 0 {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.stamp.held_stale", "Count", len(held), "File", name))
			listKeys(env.Stderr, held, len(held), env)
		}
	}
	for _, want := range keys {
		var group []string
		for _, k := range all {
			if k == want {
				group = []string{k}
				break
			}
			if strings.HasPrefix(k, want+".") && f.Translated(k) {
				group = append(group, k)
			}
		}
		if len(group) == 0 {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.stamp.unknown_key", "Key", safetext.Line(want)))
			return ExitBadInput
		}
		if len(group) == 1 && group[0] == want && !f.Translated(want) {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.stamp.untranslated", "Key", want, "File", name))
		}
		chosen = append(chosen, group...)
	}
	hashes := map[string]string{}
	for _, k := range chosen {
		if h := i18ntool.SourceHash(k); f.Sources[k] != h {
			hashes[k] = h
		}
	}
	if len(hashes) == 0 {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.stamp.nothing", "File", name))
		return ExitOK
	}
	data, err := i18ntool.Stamp(name, src, hashes, env.Loc.T("ui.i18ncmd.stamp.header"))
	if env.refusedRewrite(name, err) {
		return ExitBadInput
	}
	if err != nil {
		msg := safetext.Line(err.Error())
		var se *i18ntool.StampError
		if errors.As(err, &se) {
			msg = se.Message(env.Loc)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", msg))
		return ExitBadInput
	}
	if code, ok := env.writeLocale(name, path, src, data); !ok {
		return code
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.stamp.done", "File", name, "Count", len(hashes)))
	return ExitOK
}
