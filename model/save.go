package model

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/regfile"
)

// Pending is the text of a save to make, and the state it was made from.
type Pending struct {
	Data []byte
	// Reencoded is set when the file could not be changed in place and its
	// text was written out whole: same keys, values and comments, proven,
	// but its layout may differ.
	Reencoded bool
	base      []byte
	gen       int
	next      *state
}

// saving is what a save needs, copied so that it may run on another
// goroutine while the answers change.
type saving struct {
	path    string
	cat     *criteria.Catalog
	base    *state
	answers Answers
	dirty   []string
	project *Project
	want    Project
	gen     int
}

func (f *File) snapshot() *saving {
	s := &saving{path: f.Path, cat: f.cat, base: f.base, gen: f.gen, want: f.Project,
		answers: make(Answers, len(f.Answers)), dirty: orderedIDs(f.dirty, f.cat)}
	for k, v := range f.Answers {
		s.answers[k] = Answer{Status: v.Status, Justification: v.Justification}
	}
	if f.projectGen > 0 {
		p := f.Project
		s.project = &p
	}
	return s
}

// encode builds the new text and proves it: the splice first, the node
// re-encode when the splice cannot be done or fails the proof; an error
// (a *FileError) when neither is proven. Nothing is written here.
func (s *saving) encode() (Pending, error) {
	p := Pending{base: s.base.src, gen: s.gen}
	if len(s.dirty) == 0 && s.project == nil {
		p.Data, p.next = s.base.src, s.base
		return p, nil
	}
	ch := change{answers: s.answers, dirty: s.dirty, project: s.project}
	why := M("proof.no_splice")
	for _, reencoded := range []bool{false, true} {
		var data []byte
		var err error
		if reencoded {
			data, err = reencode(s.base, ch, s.cat)
		} else {
			data, err = splice(s.base, ch, s.cat)
		}
		if err != nil {
			continue
		}
		if len(data) > MaxFileSize {
			return Pending{}, &FileError{Path: s.path, Message: M("save_too_large", "Size", len(data)), Fix: M("fix_save_too_large")}
		}
		nf, bad := prove(s.path, s.base, data, ch, s.want, s.cat)
		if bad != nil {
			why = *bad
			continue
		}
		p.Data, p.next, p.Reencoded = data, nf.base, reencoded
		return p, nil
	}
	return Pending{}, &FileError{Path: s.path, Message: M("not_proven", "Reason", why), Fix: M("fix_not_proven")}
}

// Encode returns the file's new text: the text last read or written with
// only the changed answers (and project fields) rewritten, proven to read
// back as intended. It does not touch the disk, so a caller may write the
// result elsewhere (a tea.Cmd) and then call Saved.
func (f *File) Encode() (Pending, error) { return f.snapshot().encode() }

// Write puts p on disk atomically, refusing when the file on disk is no
// longer the text p was made from (ErrChangedOnDisk), unless force is set.
// Only a regular file (or a symbolic link to one, which is followed) is
// replaced: anything else at the path is refused, never overwritten.
// It only reads f's fixed fields, so it may run outside the UI goroutine.
func (f *File) Write(p Pending, force bool) error {
	return writeFile(f.Path, f.Exists, f.perm, p, force)
}

func writeFile(path string, exists bool, perm os.FileMode, p Pending, force bool) error {
	if len(bytes.TrimSpace(p.Data)) == 0 && len(bytes.TrimSpace(p.base)) > 0 {
		return &FileError{Path: path, Message: M("not_proven", "Reason", M("proof.empty")), Fix: M("fix_not_proven")}
	}
	target, err := resolve(path)
	if err != nil {
		return err
	}
	cur, err := regfile.ReadFile(target, MaxFileSize)
	var nr *regfile.NotRegularError
	switch {
	case err == nil:
		if !force && (!exists || !bytes.Equal(cur, p.base)) {
			return ErrChangedOnDisk
		}
	case errors.Is(err, fs.ErrNotExist):
		if !force && exists {
			return ErrChangedOnDisk
		}
	case errors.As(err, &nr):
		return notRegular(path, nr)
	case errors.Is(err, regfile.ErrTooLarge):
		if !force {
			return ErrChangedOnDisk
		}
	default:
		return err
	}
	return WriteAtomic(target, p.Data, perm)
}

// resolve follows a symbolic link at path to the file it names, which must
// be a regular file (or not exist yet, when path is not a link).
func resolve(path string) (string, error) {
	li, err := os.Lstat(path)
	if err != nil || li.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", notRegular(path, &regfile.NotRegularError{Path: path, Kind: regfile.Dangling})
	}
	return target, nil
}

// Saved records that p is now on disk.
func (f *File) Saved(p Pending) {
	f.base = p.next
	f.Exists = true
	for id, g := range f.dirty {
		if g <= p.gen {
			delete(f.dirty, id)
		}
	}
	if f.projectGen <= p.gen {
		f.projectGen = 0
	}
}

// Save encodes and writes the changes (see Encode and Write).
func (f *File) Save(force bool) error {
	p, err := f.Encode()
	if err != nil {
		return err
	}
	if err := f.Write(p, force); err != nil {
		return err
	}
	f.Saved(p)
	return nil
}

// SaveProject is SetProject then Save: the project's name, url and
// badge_id become p's where p has one, in the same save as the answers.
func (f *File) SaveProject(p Project, force bool) error {
	f.SetProject(p)
	return f.Save(force)
}

// ChangedOnDisk reports whether the file on disk differs from the text last
// read or written.
func (f *File) ChangedOnDisk() bool {
	return !f.Holds(regfile.ReadFile(f.Path, MaxFileSize))
}

// Holds reports whether what a read of the file's path gave now
// (regfile.ReadFile's result, with MaxFileSize) is the text last read or
// written: a missing file holds nothing; a pipe, a device, a file over the
// limit or one that does not read is not what we wrote. A caller may read
// the file off the UI goroutine and compare on it.
func (f *File) Holds(data []byte, readErr error) bool {
	switch {
	case errors.Is(readErr, fs.ErrNotExist):
		return !f.Exists
	case readErr != nil:
		return false
	}
	return f.Exists && bytes.Equal(data, f.base.src)
}

// tempPrefix is the start of the name of WriteAtomic's temporary file for
// path; a random number ends it.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// staleTemp is how old a temporary file of ours must be before a save
// removes it: a save takes milliseconds, so one that old was interrupted
// (killed, power cut) and will never be renamed.
const staleTemp = time.Minute

// WriteAtomic replaces path with data so that a reader sees the old file or
// the new one, never half of it: a temporary file in the same directory,
// synced, then renamed over the old one. A symbolic link is followed to the
// file it names; a path that is not a regular file (a pipe, a device, a
// socket, a directory, a dangling link) is refused, never replaced.
// Temporary files that an interrupted save of the same file left are
// removed.
func WriteAtomic(path string, data []byte, perm os.FileMode) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	if err := regfile.CheckReplaceable(target); err != nil {
		return err
	}
	dir := filepath.Dir(target)
	removeStaleTemps(target)
	tmp, err := os.CreateTemp(dir, tempPrefix(target)+"*")
	if err != nil {
		return bare(err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return bare(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return bare(err)
	}
	if err := tmp.Sync(); err != nil {
		return bare(err)
	}
	if err := tmp.Close(); err != nil {
		return bare(err)
	}
	if err := os.Rename(name, target); err != nil {
		return bare(err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; some filesystems refuse, harmlessly
		d.Close()
	}
	return nil
}

// removeStaleTemps removes the temporary files of WriteAtomic for path
// that an interrupted save left: our name pattern exactly, regular files
// only, untouched for staleTemp.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if len(name) <= len(prefix) || name[:len(prefix)] != prefix || !allDigits(name[len(prefix):]) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) >= staleTemp {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// SaveJob is a save prepared on the UI goroutine and run on another: it
// holds copies of everything it needs, so answers may change meanwhile. Run
// one job at a time; a change made during it is written by the next.
type SaveJob struct {
	s      *saving
	exists bool
	perm   os.FileMode
}

// NewSaveJob snapshots the unsaved changes.
func (f *File) NewSaveJob() *SaveJob {
	return &SaveJob{s: f.snapshot(), exists: f.Exists, perm: f.perm}
}

// Run encodes, proves and writes the snapshot (see File.Write for force).
// Call File.Saved with the result on the UI goroutine.
func (j *SaveJob) Run(force bool) (Pending, error) {
	p, err := j.s.encode()
	if err != nil {
		return Pending{}, err
	}
	return p, writeFile(j.s.path, j.exists, j.perm, p, force)
}

// bare is err without the temporary file's name: the user gave the
// target's, and the message names that ("could not write x.json: no such
// file or directory", not the name of a file that no longer exists).
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
