package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/internal/site"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
)

// benchModel is the walk over the full catalog at 120x40, with every
// detail already rendered (as the background pre-render leaves it).
func benchModel(b *testing.B) *Model {
	b.Helper()
	f := model.New(filepath.Join(b.TempDir(), model.DefaultName), criteria.Default(), model.Project{Name: "bench"})
	m := New(Options{File: f, Catalog: criteria.Default(), Locale: i18n.English(), GlamourStyle: "dark",
		Carry: func(loc *i18n.Locale, a model.Answers) model.Proposals {
			return carry.Propose(criteria.Default(), a, loc)
		}})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(carryReadyMsg{}) // as once Init's first run of carry is done
	if cmd := m.detail.prerender(); cmd != nil {
		cmd()
	}
	return m
}

// One keystroke moving the cursor: Update and the frame it draws.
func BenchmarkKeystrokeMove(b *testing.B) {
	m := benchModel(b)
	down, up := keyMsg("down"), keyMsg("up")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%120 >= 60 {
			k = up
		}
		m.Update(k)
		_ = m.View()
	}
}

// One keystroke answering a criterion: the answer, rescoring, the save job
// handed to a tea.Cmd (not the disk write, which runs off the UI), the frame.
// m moves the cursor on (the answer counts) and z takes it back, so the
// keys always land on the same criterion.
func BenchmarkKeystrokeSetStatus(b *testing.B) {
	m := benchModel(b)
	keys := []tea.KeyMsg{keyMsg("m"), keyMsg("z"), keyMsg("u"), keyMsg("x")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(keys[i%len(keys)])
		_ = m.View()
		m.save.saving = false // as if the previous save had landed
	}
	b.StopTimer()
	if es, _ := m.list.current(); es.Entry.ID != "description_good" && es.Entry.ID != "interact" || m.form.isOpen() {
		b.Fatalf("the keys wandered to %s", es.Entry.ID)
	}
}

// Time to the first frame: building the model, the first size, the first
// detail render and View.
func BenchmarkFirstFrame(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		f := model.New(filepath.Join(dir, fmt.Sprint(i)), criteria.Default(), model.Project{Name: "bench"})
		m := New(Options{File: f, Catalog: criteria.Default(), Locale: i18n.English(), GlamourStyle: "dark"})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// One keystroke in the import review at 120x40, over a conflict for every
// criterion with long justifications on both sides: the choice, the move
// to the next conflict and the frame.
func BenchmarkReviewKeystroke(b *testing.B) {
	cat := criteria.Default()
	have, theirs := model.Answers{}, model.Answers{}
	long := strings.Repeat("A justification written by a person, with a link https://example.org/docs/page and more words. ", 20)
	for _, id := range cat.IDs() {
		have[id] = model.Answer{Status: model.Met, Justification: "Ours: " + long}
		theirs[id] = model.Answer{Status: model.Unmet, Justification: "Theirs: " + long}
	}
	m := site.MergeAnswers(cat, have, model.Project{Name: "ours"}, &site.Imported{Answers: theirs}, site.MergeOptions{})
	r := newReview(i18n.English(), cat, m, "theirs.json")
	r.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	keys := []tea.KeyMsg{keyMsg("t"), keyMsg("j"), keyMsg("o"), keyMsg("p"), keyMsg("p")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Update(keys[i%len(keys)])
		_ = r.View()
	}
}
