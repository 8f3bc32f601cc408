package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/i18ntool"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"golang.org/x/text/language"
)

// i18nUpdate brings a translator's file up to date with English.
func i18nUpdate(env *Env, args []string) int {
	fset := env.flagSet("i18n update")
	dryRun := fset.Bool("dry-run", false, "")
	pos, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.update.help")
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.update.need_file"))
		return ExitBadInput
	}
	name := pos[0]
	path := env.localePath(name)
	src, err := i18n.ReadFile(path)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		return ExitBadInput
	}
	if env.unreadable(name, src, "ui.i18ncmd.update.refused") {
		return ExitBadInput
	}
	up, err := i18ntool.Update(name, src, env.Loc.T("ui.i18ncmd.stamp.header"))
	if env.refusedRewrite(name, err) {
		return ExitBadInput
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	env.updateReport(name, up)
	if bytes.Equal(up.Data, src) {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.update.current", "File", name))
		return ExitOK
	}
	if *dryRun {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.update.dry_run", "File", name))
		return ExitOK
	}
	if code, ok := env.writeLocale(name, path, src, up.Data); !ok {
		return code
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.update.done", "File", name))
	return ExitOK
}

// localePath is the file to rewrite: the one a link points to, not the link.
func (env *Env) localePath(name string) string {
	path := env.resolve(name)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	return path
}

// writeLocale replaces a locale file read as src with data, unless it
// changed on disk since it was read (the translator's editor saved it):
// then nothing is written and the user is told to run the command again.
func (env *Env) writeLocale(name, path string, src, data []byte) (int, bool) {
	now, err := i18n.ReadFile(path)
	if err != nil || !bytes.Equal(now, src) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.changed", "File", safetext.Line(name)))
		return ExitBadInput, false
	}
	perm := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	if err := model.WriteAtomic(path, data, perm); err != nil {
		env.writeFailed(name, err)
		return ExitBadInput, false
	}
	return ExitOK, true
}

// updateReport says what i18n update changes, the stale texts with their
// English before and now side by side.
func (env *Env) updateReport(name string, up *i18ntool.Updated) {
	w, t := env.Stdout, env.Loc.T
	if n := len(up.Added); n > 0 {
		fmt.Fprintln(w, t("ui.i18ncmd.update.added", "Count", n))
	}
	for _, k := range sortedKeys(up.Renamed) {
		fmt.Fprintln(w, t("ui.i18ncmd.update.renamed", "Old", safetext.Line(up.Renamed[k]), "New", k))
	}
	if n := len(up.Obsolete); n > 0 {
		fmt.Fprintln(w, t("ui.i18ncmd.update.obsolete", "Count", n))
		for _, k := range up.Obsolete {
			fmt.Fprintln(w, "    "+safetext.Line(k))
		}
	}
	if n := len(up.Stamped); n > 0 {
		fmt.Fprintln(w, t("ui.i18ncmd.update.stamped", "Count", n))
	}
	// A stale text is marked #| only with the English it was made from;
	// when the file does not show that English (its recorded hash matches
	// neither the English now nor the #= comment), the report says so
	// rather than promise a mark that is not written.
	var marked, unknown []i18ntool.StaleText
	for _, s := range up.Stale {
		if s.Before != "" {
			marked = append(marked, s)
		} else {
			unknown = append(unknown, s)
		}
	}
	if len(marked) > 0 {
		fmt.Fprintln(w, t("ui.i18ncmd.update.stale", "Count", len(marked), "File", name))
		env.staleSideBySide(marked)
	}
	if len(unknown) > 0 {
		fmt.Fprintln(w, t("ui.i18ncmd.update.stale_unknown", "Count", len(unknown), "File", name))
		env.staleSideBySide(unknown)
	}
}

// staleSideBySide shows each stale text with the English before and now.
func (env *Env) staleSideBySide(stale []i18ntool.StaleText) {
	w, t := env.Stdout, env.Loc.T
	width := env.columns()
	for _, s := range stale {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+safetext.Key(s.Key))
		before := s.Before
		if before == "" {
			before = t("ui.i18ncmd.update.before_unknown")
		}
		for _, l := range i18ntool.SideBySide(t("ui.i18ncmd.update.before"), safetext.Clean(before), t("ui.i18ncmd.update.now"), s.Now, width-4) {
			fmt.Fprintln(w, "    "+l)
		}
	}
	fmt.Fprintln(w)
}

// columns is the terminal's width, else 100.
func (env *Env) columns() int {
	if w := env.width(); w > 0 {
		return w
	}
	return 100
}

// width is the terminal's width in cells: the one main measured, else
// COLUMNS; 0 when output goes to a pipe or a file (no limit).
func (env *Env) width() int {
	if env.Columns > 0 {
		return env.Columns
	}
	if n, err := strconv.Atoi(env.Getenv("COLUMNS")); err == nil && n >= 20 && n <= 1000 {
		return n
	}
	return 0
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// i18nExportPO writes a locale file as gettext PO, for Poedit, Weblate or
// Crowdin.
func i18nExportPO(env *Env, args []string) int {
	fset := env.flagSet("i18n export-po")
	out := fset.String("o", "-", "")
	pos, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.po.export_help")
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.po.need_file"))
		return ExitBadInput
	}
	name := pos[0]
	src, err := i18n.ReadFile(env.resolve(name))
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		return ExitBadInput
	}
	if env.unreadable(name, src, "ui.i18ncmd.locale_file.unusable") {
		return ExitBadInput
	}
	data, err := i18ntool.ExportPO(name, src)
	if err != nil {
		msg := safetext.Line(err.Error())
		var pe *i18ntool.POError
		if errors.As(err, &pe) {
			msg = pe.Message(env.Loc)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", msg))
		return ExitBadInput
	}
	if *out == "-" {
		env.Stdout.Write(data)
		return ExitOK
	}
	path := env.localePath(*out)
	perm := os.FileMode(0o644)
	if err := model.WriteAtomic(path, data, perm); err != nil {
		env.writeFailed(*out, err)
		return ExitBadInput
	}
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.i18ncmd.po.exported", "File", *out))
	return ExitOK
}

// i18nImportPO takes a PO file's translations into a locale file.
func i18nImportPO(env *Env, args []string) int {
	fset := env.flagSet("i18n import-po")
	dryRun := fset.Bool("dry-run", false, "")
	pos, code, ok := env.parseArgs(fset, args, "ui.i18ncmd.po.import_help")
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.po.need_files"))
		return ExitBadInput
	}
	poName, name := pos[0], pos[1]
	po, err := i18n.ReadFile(env.resolve(poName))
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(poName, err)))
		return ExitBadInput
	}
	path := env.localePath(name)
	src, err := i18n.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.localeReadError(name, err)))
		return ExitBadInput
	}
	if len(src) > 0 && env.unreadable(name, src, "ui.i18ncmd.update.refused") {
		return ExitBadInput
	}
	tag := language.Und
	if t, err := language.Parse(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))); err == nil {
		tag = t
	}
	res, err := i18ntool.ImportPO(name, src, poName, po, tag, env.Loc.T("ui.i18ncmd.stamp.header"))
	if env.refusedRewrite(name, err) {
		return ExitBadInput
	}
	if err != nil {
		msg := safetext.Line(err.Error())
		var pe *i18ntool.POError
		if errors.As(err, &pe) {
			msg = pe.Message(env.Loc)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", msg))
		return ExitBadInput
	}
	t := env.Loc.T
	if res.Charset != "" {
		fmt.Fprintln(env.Stdout, t("ui.i18ncmd.po.charset_read", "File", safetext.Line(poName), "Charset", safetext.Key(res.Charset)))
	}
	fmt.Fprintln(env.Stdout, t("ui.i18ncmd.po.imported", "Count", len(res.Changed), "File", name))
	if n := len(res.Stamped); n > 0 {
		fmt.Fprintln(env.Stdout, t("ui.i18ncmd.update.stamped", "Count", n))
	}
	if n := len(res.Fuzzy); n > 0 {
		fmt.Fprintln(env.Stdout, t("ui.i18ncmd.po.fuzzy", "Count", n))
	}
	if n := len(res.Older); n > 0 {
		fmt.Fprintln(env.Stdout, t("ui.i18ncmd.po.older", "Count", n))
	}
	if res.NoContext > 0 {
		fmt.Fprintln(env.Stderr, t("ui.i18ncmd.po.no_context", "File", safetext.Line(poName), "Count", res.NoContext))
	}
	const listed = 20 // a PO file of another program would list every one of its entries
	for i, k := range res.Unknown {
		if i == listed {
			fmt.Fprintln(env.Stderr, t("ui.i18ncmd.po.unknown_more", "Count", len(res.Unknown)-listed))
			break
		}
		fmt.Fprintln(env.Stderr, t("ui.i18ncmd.po.unknown", "Key", safetext.Key(k)))
	}
	// A text taken that the check refuses (a template, a control
	// character, a line break in a one-line label) is kept in the file,
	// the translator's work, but never shown: say so now, not at the
	// next i18n check.
	changed := map[string]bool{}
	for _, k := range res.Changed {
		changed[k] = true
	}
	refused := map[string]bool{}
	for _, p := range i18ntool.Check(name, res.Data) {
		if p.Severity == i18ntool.Error && changed[p.Key] {
			env.printProblem(env.Stderr, name, p)
			refused[p.Key] = true
		}
	}
	unusable := len(refused)
	code = ExitOK
	if unusable > 0 {
		fmt.Fprintln(env.Stderr, t("ui.i18ncmd.po.unusable", "File", name, "Count", unusable))
		code = ExitNotMet
	}
	// An entry whose text the locale file cannot carry was left out, the
	// others taken: each is named at its line of the PO file.
	for _, pe := range res.Refused {
		fmt.Fprintln(env.Stderr, t("ui.cli.error", "Message", pe.Message(env.Loc)))
		code = ExitNotMet
	}
	if *dryRun || bytes.Equal(res.Data, src) {
		return code
	}
	if src == nil {
		if err := model.WriteAtomic(path, res.Data, 0o644); err != nil {
			env.writeFailed(name, err)
			return ExitBadInput
		}
		return code
	}
	if c, ok := env.writeLocale(name, path, src, res.Data); !ok {
		return c
	}
	return code
}

// writeFailed says that name could not be written, in the user's words
// around the system's reason ("permission denied").
func (env *Env) writeFailed(name string, err error) {
	msg := env.Loc.T("ui.i18ncmd.rewrite.write_failed", "File", safetext.Line(name), "Error", safetext.Line(err.Error()))
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", msg))
}

// unreadable reports, and says, a locale file that does not read (a YAML
// alias where a text goes, a broken line): each error at its line in
// i18n check's words and the user's language, then the line closing
// says (the file was not changed, or cannot be used). The reader's own
// error is English and names one problem only.
func (env *Env) unreadable(name string, src []byte, closing string) bool {
	_, err := i18n.Parse(name, src)
	if err == nil {
		return false
	}
	shown := 0
	for _, p := range i18ntool.CheckWith(name, src, env.glossariesBeside(name)) {
		if p.Severity == i18ntool.Error {
			env.printProblem(env.Stderr, name, p)
			shown++
		}
	}
	if shown == 0 { // check finds nothing the reader refuses: its own words, at least
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
	}
	fmt.Fprintln(env.Stderr, env.Loc.T(closing, "File", name))
	return true
}

// refusedRewrite reports, and says, a locale file that a rewrite would
// lose words of: each problem at its line, then that nothing changed.
func (env *Env) refusedRewrite(name string, err error) bool {
	var proof *i18ntool.ProofError
	if errors.As(err, &proof) {
		// The rewrite did not read back: its own words, in the user's
		// language, naming the file (no line: the bytes were never written).
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", proof.Message(env.Loc)))
		return true
	}
	var pe *i18ntool.ProblemsError
	if !errors.As(err, &pe) {
		return false
	}
	for _, p := range pe.Problems {
		env.printProblem(env.Stderr, name, p)
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.i18ncmd.update.refused", "File", name))
	return true
}
