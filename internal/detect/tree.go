package detect

import (
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/model"
)

// The tree itself: binaries committed (OSPS-QA-05.01 and 05.02), and
// license and copyright notices in every source file (gold).

var coversTree = []string{"osps_qa_05_01", "osps_qa_05_02", "copyright_per_file", "license_per_file"}

var (
	// executableExts are compiled programs and libraries: generated, and
	// unreviewable.
	executableExts = map[string]bool{".exe": true, ".dll": true, ".so": true, ".dylib": true, ".a": true, ".o": true, ".obj": true,
		".lib": true, ".class": true, ".jar": true, ".war": true, ".ear": true, ".pyc": true, ".pyo": true, ".whl": true, ".egg": true,
		".apk": true, ".aab": true, ".ipa": true, ".deb": true, ".rpm": true, ".msi": true, ".dmg": true, ".elf": true, ".wasm": true,
		".node": true, ".nupkg": true, ".gem": true, ".pdb": true}
	// archiveExts hide their content from review.
	archiveExts = map[string]bool{".zip": true, ".tar": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true,
		".rar": true, ".zst": true, ".bin": true}
	// executableMagic are the first bytes of ELF, PE and Mach-O files.
	executableMagic = [][]byte{{0x7f, 'E', 'L', 'F'}, {'M', 'Z'}, {0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf}, {0xcf, 0xfa, 0xed, 0xfe}, {0xce, 0xfa, 0xed, 0xfe}, {0xca, 0xfe, 0xba, 0xbe}}
)

// maxMagicReads bounds how many files without an extension are opened to
// see whether they are programs.
const maxMagicReads = 500

// testPath reports whether a file is test data: binaries there feed tests.
func testPath(rel string) bool {
	for _, seg := range strings.Split(path.Dir(rel), "/") {
		l := strings.ToLower(seg)
		if testDirs[l] || l == "testdata" || l == "fixtures" || l == "corpus" || strings.HasSuffix(l, "_corpus") || l == "test-data" || l == "test_data" {
			return true
		}
	}
	return false
}

func (s *scanner) scanTree() {
	var programs, opaque []string
	reads := 0
	for _, f := range s.files {
		ext := strings.ToLower(path.Ext(f))
		isProgram := executableExts[ext]
		if !isProgram && ext == "" && reads < maxMagicReads && !strings.HasPrefix(path.Base(f), ".") {
			reads++
			isProgram = s.isExecutable(f)
		}
		switch {
		case isProgram:
			programs = append(programs, f)
		case archiveExts[ext] && !testPath(f):
			opaque = append(opaque, f)
		}
	}
	n := len(s.files)
	if len(programs) > 0 {
		s.add("osps_qa_05_01", model.Unmet, fair, s.T("ui.detect.j.binaries", "Count", len(programs), "Files", strings.Join(capList(programs), ", ")), capList(programs)...)
	} else if n > 0 {
		s.add("osps_qa_05_01", model.Met, fair, s.T("ui.detect.j.no_binaries", "Count", n), s.T("ui.detect.ev.files", "Count", n))
	}
	var outside []string
	for _, p := range programs {
		if !testPath(p) {
			outside = append(outside, p)
		}
	}
	unreviewable := append(outside, opaque...)
	if len(unreviewable) > 0 {
		s.confirm("osps_qa_05_02", model.Unmet, s.T("ui.detect.j.opaque", "Count", len(unreviewable), "Files", strings.Join(capList(unreviewable), ", ")), s.T("ui.detect.c.opaque"), capList(unreviewable)...)
	} else if n > 0 {
		s.add("osps_qa_05_02", model.Met, fair, s.T("ui.detect.j.no_opaque", "Count", n), s.T("ui.detect.ev.files", "Count", n))
	}
	s.scanHeaders()
}

// isExecutable reads the first bytes of a file, quietly: a program is
// evidence, not something to report as unreadable.
func (s *scanner) isExecutable(rel string) bool {
	full := filepath.Join(s.real, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() < 4 {
		return false
	}
	fh, _, err := regfile.Open(full)
	if err != nil {
		return false
	}
	defer fh.Close()
	buf := make([]byte, 4)
	if _, err := io.ReadFull(fh, buf); err != nil {
		return false
	}
	for _, m := range executableMagic {
		if bytes.HasPrefix(buf, m) {
			return true
		}
	}
	return false
}

var (
	spdxHeader    = lazyregexp.New(`SPDX-License-Identifier:`)
	copyrightLine = lazyregexp.New(`(?i)(copyright|\(c\)|©|SPDX-FileCopyrightText)`)
)

// maxHeaderReads bounds how many source files are opened for their notices.
const maxHeaderReads = 200

// scanHeaders: a license and a copyright notice at the top of every source
// file, or REUSE's record of both.
func (s *scanner) scanHeaders() {
	for _, f := range []string{"REUSE.toml", ".reuse/dep5"} {
		if s.exists(f) && s.read(f) != nil {
			s.add("license_per_file", model.Met, fair, s.T("ui.detect.j.reuse", "Where", s.where(f, 0)), at(f, 0))
			s.add("copyright_per_file", model.Met, fair, s.T("ui.detect.j.reuse", "Where", s.where(f, 0)), at(f, 0))
			return
		}
	}
	var sources []string
	for _, f := range s.files {
		ext := strings.ToLower(path.Ext(f))
		if codeExts[ext] && ext != ".sh" && !testPath(f) && inProject(f) {
			sources = append(sources, f)
			if len(sources) == maxHeaderReads {
				break
			}
		}
	}
	if len(sources) < 3 {
		return
	}
	lic, cp := 0, 0
	for _, f := range sources {
		t := s.skim(f)
		if t == nil {
			continue
		}
		top := t
		if len(t.lines) > 25 {
			top = &text{rel: t.rel, lines: t.lines[:25]}
		}
		if top.find(spdxHeader) > 0 {
			lic++
		}
		if top.find(copyrightLine) > 0 {
			cp++
		}
	}
	if lic == len(sources) {
		s.add("license_per_file", model.Met, fair, s.T("ui.detect.j.license_headers", "Count", lic), s.T("ui.detect.ev.files", "Count", lic))
	}
	if cp == len(sources) {
		s.add("copyright_per_file", model.Met, fair, s.T("ui.detect.j.copyright_headers", "Count", cp), s.T("ui.detect.ev.files", "Count", cp))
	}
}
