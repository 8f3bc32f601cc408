package cli

import (
	"fmt"
	"io"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
)

// runDiff compares the answers file with a site entry or a
// .bestpractices.json, criterion by criterion: exit 0 when they agree, 1
// when they differ.
func runDiff(env *Env, args []string) int {
	fs := env.flagSet("diff")
	format := fs.String("format", "text", "")
	file, rest := positional(fs, args)
	if code, ok := env.parse(fs, rest, "ui.site.diff.help"); !ok {
		return code
	}
	if !env.knownFormat(*format, "text", "json", "markdown") {
		return ExitBadInput
	}
	if file == "" {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.diff.need_file"))
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	in, display, ok := env.readSource(file)
	if !ok {
		return ExitBadInput
	}
	printSkipped(env, in, display)
	deltas := site.Compare(env.Catalog, f.Answers, in.Answers)
	answers := env.DisplayPath(f.Path)
	switch *format {
	case "json":
		writeDiffJSON(env.Stdout, answers, display, in, deltas)
	case "markdown":
		writeDiffMarkdown(env, answers, display, deltas)
	default:
		writeDiffText(env, answers, display, deltas)
	}
	if len(deltas) > 0 {
		return ExitNotMet
	}
	return ExitOK
}

func writeDiffText(env *Env, answers, source string, deltas []site.Delta) {
	w, loc := env.Stdout, env.Loc
	if len(deltas) == 0 {
		fmt.Fprintln(w, loc.T("ui.site.diff.same", "Answers", answers, "File", source))
		return
	}
	fmt.Fprintln(w, loc.T("ui.site.diff.differ", "Answers", answers, "File", source, "Count", len(deltas)))
	for _, d := range deltas {
		fmt.Fprintf(w, "  %-38s %s\n", d.ID, loc.T("ui.site.import.ours_theirs", "Ours", answerText(loc, d.Ours), "Theirs", answerText(loc, d.Theirs)))
	}
}

type diffAnswerJSON struct {
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

type diffDeltaJSON struct {
	ID string `json:"id"`
	// Ours and Theirs are null on the side that says nothing.
	Ours   *diffAnswerJSON `json:"ours"`
	Theirs *diffAnswerJSON `json:"theirs"`
}

type diffJSON struct {
	Answers     string          `json:"answers"`
	Source      string          `json:"source"`
	Kind        string          `json:"kind"`
	Differences []diffDeltaJSON `json:"differences"`
}

func answerJSON(a model.Answer) *diffAnswerJSON {
	if a.Status == model.Unknown && a.Justification == "" {
		return nil // says nothing
	}
	return &diffAnswerJSON{Status: a.Status.String(), Justification: a.Justification}
}

func writeDiffJSON(w io.Writer, answers, source string, in *site.Imported, deltas []site.Delta) {
	out := diffJSON{Answers: answers, Source: source, Kind: in.Kind}
	out.Differences = []diffDeltaJSON{}
	for _, d := range deltas {
		out.Differences = append(out.Differences, diffDeltaJSON{ID: d.ID, Ours: answerJSON(d.Ours), Theirs: answerJSON(d.Theirs)})
	}
	safetext.WriteJSON(w, out, "  ")
}

// writeDiffMarkdown is a table fit for a pull-request comment.
func writeDiffMarkdown(env *Env, answers, source string, deltas []site.Delta) {
	w, loc := env.Stdout, env.Loc
	cell := func(a model.Answer) string {
		if a.Status == model.Unknown && a.Justification == "" {
			return loc.T("ui.site.nothing")
		}
		s := "**" + loc.Word(a.Status) + "**"
		if a.Justification != "" {
			s += " " + mdCell(safetext.Line(a.Justification))
		}
		return s
	}
	if len(deltas) == 0 {
		fmt.Fprintf(w, "%s\n", mdCell(loc.T("ui.site.diff.same", "Answers", answers, "File", source)))
		return
	}
	fmt.Fprintf(w, "## %s\n\n", mdCell(loc.T("ui.site.diff.differ", "Answers", answers, "File", source, "Count", len(deltas))))
	fmt.Fprintf(w, "| %s | %s | %s |\n|---|---|---|\n", loc.T("ui.report.criterion"), loc.T("ui.site.diff.ours"), loc.T("ui.site.diff.theirs"))
	for _, d := range deltas {
		fmt.Fprintf(w, "| `%s` | %s | %s |\n", d.ID, cell(d.Ours), cell(d.Theirs))
	}
}
