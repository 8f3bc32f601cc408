package detect

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/gitrepo"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

var (
	shaPattern    = lazyregexp.New(`^[0-9a-f]{40}([0-9a-f]{24})?$`)
	versionPrefix = lazyregexp.New(`(?i)^(v|version[-_]?|release[-_]?|rel[-_]?)`)
	versionTag    = lazyregexp.New(`(?i)^(v|version[-_]?|release[-_]?|rel[-_]?)?\d+(\.\d+)*([-+._].*)?$`)
	semverTag     = lazyregexp.New(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
	// calverTag: Calendar Versioning, a year first (2024.1.0, 2023.06,
	// 2024.02.15), or a short year and a two-digit month (24.04).
	calverTag      = lazyregexp.New(`^(?:(\d{4})\.\d{1,2}|(\d{2})\.(0[1-9]|1[0-2]))(\.\d+)*([-+._][0-9A-Za-z.+-]*)?$`)
	committerLine  = lazyregexp.New(`(?m)^committer .* (\d+) [+-]\d{4}$`)
	reflogLine     = lazyregexp.New(`^[0-9a-f]+ ([0-9a-f]+) .*> (\d+) [+-]\d{4}\t(.*)$`)
	commitMessages = lazyregexp.New(`^(commit|merge|pull|rebase|cherry-pick|am|revert)`)
)

var coversGit = []string{"repo_distributed", "repo_track", "repo_public", "repo_interim", "version_tags", "version_unique", "version_semver", "maintained"}

func (s *scanner) scanGit() {
	if s.gitDir == "" {
		s.unchecked("", s.T("ui.detect.reason.no_git"))
		return
	}
	if s.site.Web == "" {
		s.unchecked("", s.T("ui.detect.reason.no_remote"))
	} else if s.site.Forge == evidence.Unknown {
		s.unchecked("", s.T("ui.detect.reason.unknown_forge", "Web", safetext.Line(s.site.Web)))
	}
	s.add("repo_distributed", model.Met, strong, s.T("ui.detect.j.repo_distributed"), s.T("ui.detect.git.repo"))
	s.add("repo_track", model.Met, strong, s.T("ui.detect.j.repo_track"), s.T("ui.detect.git.repo"))
	if s.site.Web != "" && s.site.Forge != evidence.Unknown {
		// Whether the repository is public is the forge's to say.
		web := safetext.Line(s.site.Web)
		s.confirm("repo_public", model.Met, s.T("ui.detect.j.repo_public", "URL", web), s.T("ui.detect.c.repo_public"), s.T("ui.detect.git.remote", "Name", "origin", "URL", web))
	}
	s.scanTags()
	if s.scanLastCommit() {
		s.add("repo_interim", model.Met, fair, s.T("ui.detect.j.repo_interim"), s.T("ui.detect.git.repo"))
	}
}

// tags lists the repository's tags: loose refs and packed-refs.
func (s *scanner) tags() []string {
	common := evidence.CommonDir(s.gitDir)
	seen := map[string]bool{}
	base := filepath.Join(common, "refs", "tags")
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if r, err := filepath.Rel(base, p); err == nil {
				seen[filepath.ToSlash(r)] = true
			}
		}
		return nil
	})
	if fh, err := gitrepo.Open(filepath.Join(common, "packed-refs")); err == nil {
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			_, ref, ok := strings.Cut(sc.Text(), " ")
			if t, isTag := strings.CutPrefix(ref, "refs/tags/"); ok && isTag {
				seen[t] = true
			}
		}
		fh.Close()
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	return out
}

// versionOf strips a tag to its version: a monorepo prefix ("sub/") and a
// "v" or "release-" marker.
func versionOf(tag string) string {
	if i := strings.LastIndex(tag, "/"); i >= 0 {
		tag = tag[i+1:]
	}
	m := versionPrefix.FindString(tag)
	return tag[len(m):]
}

// compareVersions orders versions by their numbers, then by text.
func compareVersions(a, b string) int {
	na, nb := numbers(a), numbers(b)
	for i := 0; i < len(na) && i < len(nb); i++ {
		if na[i] != nb[i] {
			if na[i] < nb[i] {
				return -1
			}
			return 1
		}
	}
	if len(na) != len(nb) {
		if len(na) < len(nb) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

func numbers(v string) []int {
	var out []int
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r < '0' || r > '9' }) {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	return out
}

func (s *scanner) scanTags() {
	all := s.tags()
	var versions, notSemver []string
	calver := 0
	for _, t := range all {
		last := t
		if i := strings.LastIndex(t, "/"); i >= 0 {
			last = t[i+1:]
		}
		if !versionTag.MatchString(last) {
			continue
		}
		versions = append(versions, t)
		v := versionOf(t)
		switch {
		case s.isCalver(v):
			// The criterion takes SemVer or CalVer: 2024.1.0 is both.
			calver++
		case !semverTag.MatchString(v):
			notSemver = append(notSemver, t)
		}
	}
	if len(versions) == 0 {
		key := "ui.detect.j.version_tags_none"
		if len(all) > 0 {
			key = "ui.detect.j.version_tags_unversioned"
		}
		s.confirm("version_tags", model.Unmet, s.T(key, "Count", len(all)), s.T("ui.detect.c.version_tags"), s.T("ui.detect.git.tags", "Count", len(all)))
		return
	}
	sort.Slice(versions, func(i, j int) bool { return compareVersions(versionOf(versions[i]), versionOf(versions[j])) > 0 })
	latest := safetext.Line(versions[0])
	where := s.site.TagURL(versions[0])
	if where == "" {
		where = s.T("ui.detect.git.tag", "Tag", latest)
	}
	ev := []string{s.T("ui.detect.git.tag", "Tag", latest), s.T("ui.detect.git.tags", "Count", len(versions))}
	s.add("version_tags", model.Met, strong, s.T("ui.detect.j.version_tags", "Count", len(versions), "Tag", latest, "Where", where), ev...)
	s.add("version_unique", model.Met, fair, s.T("ui.detect.j.version_unique", "Tag", latest, "Where", where), ev...)
	// One odd tag among many (an early "v1") says less than the rest: the
	// latest tag and most of them decide.
	latestSemver := semverTag.MatchString(versionOf(versions[0])) || s.isCalver(versionOf(versions[0]))
	switch {
	case len(notSemver) == 0 && calver > 0:
		// Which numbers are dates is read off their values: fair.
		s.add("version_semver", model.Met, fair, s.T("ui.detect.j.version_calver", "Tag", latest, "Where", where), ev...)
	case len(notSemver) == 0:
		s.add("version_semver", model.Met, strong, s.T("ui.detect.j.version_semver", "Tag", latest, "Where", where), ev...)
	case latestSemver && len(notSemver)*5 <= len(versions):
		s.add("version_semver", model.Met, fair, s.T("ui.detect.j.version_semver_mostly", "Tag", latest, "Where", where, "Count", len(versions)-len(notSemver), "Total", len(versions), "Tags", safetext.Line(strings.Join(capList(sortedCopy(notSemver)), ", "))), ev...)
	case !latestSemver && len(notSemver)*2 > len(versions):
		s.add("version_semver", model.Unmet, fair, s.T("ui.detect.j.version_not_semver", "Tags", safetext.Line(strings.Join(capList(sortedCopy(notSemver)), ", "))), ev...)
	default:
		s.confirm("version_semver", model.Unmet, s.T("ui.detect.j.version_not_semver", "Tags", safetext.Line(strings.Join(capList(sortedCopy(notSemver)), ", "))), s.T("ui.detect.c.version_semver"), ev...)
	}
}

// isCalver reports whether a version reads as Calendar Versioning: its
// year no later than next year's, and from 2000 on for a short year.
func (s *scanner) isCalver(v string) bool {
	m := calverTag.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	year := s.opts.Now.Year()
	if m[1] != "" {
		y, _ := strconv.Atoi(m[1])
		return y >= 1990 && y <= year+1
	}
	y, _ := strconv.Atoi(m[2])
	return y >= 10 && y <= year%100+1
}

func sortedCopy(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// headCommit is the commit HEAD points to, "" when unknown.
func (s *scanner) headCommit() string {
	b, err := gitrepo.ReadFile(filepath.Join(s.gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	h := strings.TrimSpace(string(b))
	ref, ok := strings.CutPrefix(h, "ref: ")
	if !ok {
		if shaPattern.MatchString(h) {
			return h
		}
		return ""
	}
	if !strings.HasPrefix(ref, "refs/") || strings.Contains(ref, "..") {
		return ""
	}
	for _, d := range []string{s.gitDir, evidence.CommonDir(s.gitDir)} {
		if b, err := gitrepo.ReadFile(filepath.Join(d, filepath.FromSlash(ref))); err == nil {
			if sha := strings.TrimSpace(string(b)); shaPattern.MatchString(sha) {
				return sha
			}
		}
	}
	if b, err := gitrepo.ReadFile(filepath.Join(evidence.CommonDir(s.gitDir), "packed-refs")); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if sha, r, ok := strings.Cut(strings.TrimSpace(l), " "); ok && r == ref && shaPattern.MatchString(sha) {
				return sha
			}
		}
	}
	return ""
}

// looseCommitTime reads the committer date of a commit kept as a loose
// object; packed objects are left to the git command.
func (s *scanner) looseCommitTime(sha string) (time.Time, bool) {
	p := filepath.Join(evidence.CommonDir(s.gitDir), "objects", sha[:2], sha[2:])
	fh, err := gitrepo.Open(p)
	if err != nil {
		return time.Time{}, false
	}
	defer fh.Close()
	zr, err := zlib.NewReader(io.LimitReader(fh, 1<<20))
	if err != nil {
		return time.Time{}, false
	}
	data, _ := io.ReadAll(io.LimitReader(zr, 64<<10))
	hdr, body, ok := bytes.Cut(data, []byte{0})
	if !ok || !bytes.HasPrefix(hdr, []byte("commit ")) {
		return time.Time{}, false
	}
	// The headers end at the first blank line; the message may quote anything.
	if i := bytes.Index(body, []byte("\n\n")); i >= 0 {
		body = body[:i+1]
	}
	m := committerLine.FindSubmatch(body)
	if m == nil {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}

// gitCommitTime asks the git command, when there is one, for HEAD's
// committer date. Settings that could run other programs are turned off.
func (s *scanner) gitCommitTime() (string, time.Time, bool) {
	if s.opts.NoGitCommand {
		return "", time.Time{}, false
	}
	if !s.gitFilesRegular() {
		return "", time.Time{}, false
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return "", time.Time{}, false
	}
	// A log of one commit takes milliseconds; the limit only bounds what
	// gitFilesRegular cannot foresee (a configuration's include of a pipe).
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, git, "-C", s.real, "-c", "log.showSignature=false", "-c", "core.fsmonitor=false",
		"log", "-1", "--no-show-signature", "--format=%H %ct", "HEAD")
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_PAGER=cat", "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		return "", time.Time{}, false
	}
	sha, ts, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil || !shaPattern.MatchString(sha) {
		return "", time.Time{}, false
	}
	return sha, time.Unix(sec, 0).UTC(), true
}

// gitFilesRegular reports whether the files git reads to log HEAD are
// regular files where they exist: git itself opens them blocking, so a
// named pipe or a device put in .git would hold the command (and the scan)
// until the time limit.
func (s *scanner) gitFilesRegular() bool {
	common := evidence.CommonDir(s.gitDir)
	paths := []string{
		filepath.Join(s.gitDir, "HEAD"), filepath.Join(s.gitDir, "commondir"),
		filepath.Join(s.gitDir, "config"), filepath.Join(s.gitDir, "config.worktree"),
		filepath.Join(common, "config"), filepath.Join(common, "packed-refs"), filepath.Join(common, "shallow"),
		filepath.Join(common, "info", "grafts"), filepath.Join(common, "objects", "info", "alternates"),
		filepath.Join(common, "objects", "info", "commit-graph"),
	}
	if b, err := gitrepo.ReadFile(filepath.Join(s.gitDir, "HEAD")); err == nil {
		if ref, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "ref: "); ok && strings.HasPrefix(ref, "refs/") && !strings.Contains(ref, "..") {
			paths = append(paths, filepath.Join(s.gitDir, filepath.FromSlash(ref)), filepath.Join(common, filepath.FromSlash(ref)))
		}
	}
	if sha := s.headCommit(); sha != "" {
		paths = append(paths, filepath.Join(common, "objects", sha[:2], sha[2:]))
	}
	for _, dir := range []string{filepath.Join(common, "objects", "pack"), filepath.Join(common, "objects", "info", "commit-graphs")} {
		if ents, err := os.ReadDir(dir); err == nil {
			for _, e := range ents {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// reflogCommitTime is the time of the last entry of HEAD's reflog that
// recorded commits (not a checkout or a clone): local, so weaker evidence.
func (s *scanner) reflogCommitTime() (time.Time, bool) {
	fh, err := gitrepo.Open(filepath.Join(s.gitDir, "logs", "HEAD"))
	if err != nil {
		return time.Time{}, false
	}
	defer fh.Close()
	const tail = 64 << 10
	if fi, err := fh.Stat(); err == nil && fi.Size() > tail {
		fh.Seek(fi.Size()-tail, io.SeekStart)
	}
	data, _ := io.ReadAll(io.LimitReader(fh, tail))
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		m := reflogLine.FindStringSubmatch(lines[i])
		if m == nil || !commitMessages.MatchString(m[3]) {
			continue
		}
		sec, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil {
			continue
		}
		return time.Unix(sec, 0).UTC(), true
	}
	return time.Time{}, false
}

// scanLastCommit proposes maintained from the last commit's date and
// reports whether it found one.
func (s *scanner) scanLastCommit() bool {
	sha := s.headCommit()
	var when time.Time
	ok, fromLog := false, false
	if sha != "" {
		when, ok = s.looseCommitTime(sha)
	}
	if !ok {
		var gsha string
		if gsha, when, ok = s.gitCommitTime(); ok {
			sha = gsha
		}
	}
	if !ok {
		when, ok = s.reflogCommitTime()
		fromLog = ok
	}
	if !ok {
		s.unchecked("", s.T("ui.detect.reason.no_commit_date"))
		return false
	}
	date := when.Format("2006-01-02")
	age := s.opts.Now.Sub(when)
	var ev, where string
	conf := strong
	if fromLog {
		ev = s.T("ui.detect.git.reflog", "Date", date)
		where = ev
		conf = weak
	} else {
		ev = s.T("ui.detect.git.last_commit", "Commit", sha[:12], "Date", date)
		where = s.site.CommitURL(sha)
		if where == "" {
			where = ev
		}
	}
	const day = 24 * time.Hour
	switch {
	case conf == weak:
		s.confirm("maintained", model.Met, s.T("ui.detect.j.maintained", "Date", date, "Where", where), s.T("ui.detect.c.maintained_reflog"), ev)
	case age <= 90*day:
		s.add("maintained", model.Met, conf, s.T("ui.detect.j.maintained", "Date", date, "Where", where), ev)
	case age <= 365*day:
		s.add("maintained", model.Met, fair, s.T("ui.detect.j.maintained", "Date", date, "Where", where), ev)
	default:
		// Finished software is quiet and may still be maintained.
		s.confirm("maintained", model.Unmet, s.T("ui.detect.j.maintained_old", "Date", date, "Where", where), s.T("ui.detect.c.maintained_old"), ev)
	}
	return true
}
