//go:build unix

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/fifotest"
	"github.com/bestpractices/bestpractices/model"
)

// Issue 10: a named pipe is never waited on nor replaced. Where the walk
// keeps its preferences, walk.json as a pipe reads as nothing kept, and
// keeping a level does not replace it.
func TestPrefsFileIsAPipe(t *testing.T) {
	dir := t.TempDir()
	store := newPrefs(dir)
	fifotest.Make(t, store.path)
	fifotest.Within(t, func() {
		if r := store.get("/a/.bestpractices.yaml", criteria.Default(), i18n.Available()); r.Level != "" || r.Lang != "" {
			t.Errorf("a pipe gave %+v", r)
		}
		if err := store.put("/a/.bestpractices.yaml", repoPrefs{Level: "gold"}); err == nil {
			t.Error("keeping a level into a pipe is not an error")
		}
	})
	if fi, err := os.Lstat(store.path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

// The answers file swapped for a pipe after the load: the walk's writable
// check and its watch of the file return at once, the watch asking the
// user what to do.
func TestAnswersFileSwappedForAPipe(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	os.Remove(p)
	fifotest.Make(t, p)
	env := &environ.Env{Loc: i18n.English()}
	fifotest.Within(t, func() {
		if r := readOnlyReason(env, d.m.c.file); !strings.Contains(r, "not writable") {
			t.Errorf("a pipe as the answers file: %q", r)
		}
	})
	var msg fileReadMsg
	fifotest.Within(t, func() { msg = d.m.save.look()().(fileReadMsg) })
	d.send(msg)
	if !d.m.save.conflict {
		t.Error("a pipe in place of the file is not a change")
	}
	// The question says what took the file's place, and does not offer
	// to overwrite what cannot be written.
	d.wantScreen("named pipe", "put it back")
	if strings.Contains(d.screen(), "keep mine") || strings.Contains(d.screen(), "edited elsewhere") {
		t.Errorf("a pipe is shown as an edit that keeping mine would overwrite:\n%s", d.screen())
	}
	fifotest.Within(t, func() { d.keys("k") })
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	// The file put back as it was: nothing left to decide.
	os.Remove(p)
	os.WriteFile(p, []byte(startFile), 0o644)
	d.send(d.m.save.look()().(fileReadMsg))
	if d.m.save.conflict || strings.Contains(d.screen(), "named pipe") {
		t.Errorf("the file put back still asks:\n%s", d.screen())
	}
}

// A file that cannot be opened for writing is read-only for the walk.
func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write to any file")
	}
	p := filepath.Join(t.TempDir(), model.DefaultName)
	os.WriteFile(p, []byte(startFile), 0o444)
	f, err := model.Load(p, criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if r := readOnlyReason(&environ.Env{Loc: i18n.English()}, f); !strings.Contains(r, "answers file is not writable") {
		t.Errorf("read-only file: %q", r)
	}
}

// A save refused by the answers file's rules is told in the user's
// language, as the commands tell it.
func TestSaveErrorInTheUsersLanguage(t *testing.T) {
	fr, err := i18n.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	d, p := newDriverIn(t, fr, startFile, 120, 40)
	os.Remove(p)
	fifotest.Make(t, p)
	fifotest.Within(t, func() { d.keys("m") })
	d.wantScreen("Non enregistré", "est un tube nommé (FIFO)")
	if strings.Contains(d.screen(), "is a named pipe") {
		t.Error("the reason is in English")
	}
}
