package detect

import (
	"path"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// osiApproved lists SPDX identifiers of licenses the Open Source Initiative
// has approved (including the deprecated short GNU forms, which name the
// same licenses).
var osiApproved = setOf(
	"0BSD", "AAL", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0",
	"APSL-2.0", "Artistic-1.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
	"BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-LBNL", "BSL-1.0", "CAL-1.0", "CDDL-1.0",
	"CECILL-2.1", "CERN-OHL-P-2.0", "CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "CPAL-1.0", "CPL-1.0", "ECL-1.0",
	"ECL-2.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUDatagrid", "EUPL-1.1", "EUPL-1.2", "Fair",
	"GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "HPND",
	"IPA", "IPL-1.0", "ISC", "LGPL-2.0", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only",
	"LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later", "LiLiQ-P-1.1", "LiLiQ-R-1.1",
	"LiLiQ-Rplus-1.1", "LPL-1.0", "LPL-1.02", "LPPL-1.3c", "MirOS", "MIT", "MIT-0", "MIT-Modern-Variant",
	"MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MulanPSL-2.0",
	"NCSA", "NGPL", "Nokia", "NPOSL-3.0", "NTP", "OCLC-2.0", "OFL-1.1", "OGTSL", "OLDAP-2.8", "OSL-1.0",
	"OSL-2.0", "OSL-2.1", "OSL-3.0", "PHP-3.0", "PHP-3.01", "PostgreSQL", "Python-2.0", "QPL-1.0",
	"RPL-1.1", "RPL-1.5", "RPSL-1.0", "RSCPL", "SimPL-2.0", "SISSL", "Sleepycat", "SPL-1.0", "UCL-1.0",
	"Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "VSL-1.0", "W3C", "Watcom-1.0", "Xnet",
	"Zlib", "ZPL-2.0", "ZPL-2.1",
)

// freeNotOSI lists licenses the Free Software Foundation counts as free
// that the OSI has not approved.
var freeNotOSI = setOf("CC0-1.0", "WTFPL", "BSD-4-Clause", "X11", "FTL", "CC-BY-4.0", "CC-BY-SA-4.0")

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// canonical maps an identifier to its spelling in the lists, whatever its
// case; "" when unknown.
func canonical(id string) string {
	id = strings.TrimSuffix(strings.TrimSpace(id), "+")
	for _, m := range []map[string]bool{osiApproved, freeNotOSI} {
		for k := range m {
			if strings.EqualFold(k, id) {
				return k
			}
		}
	}
	return ""
}

// licenseMark identifies a license by phrases of its text (normalized:
// lower case, words separated by one space). The license whose first phrase
// comes first in the text wins: the GPL mentions the AGPL, the LGPL the GPL.
//
// A license that is another minus a clause (MIT-0 is MIT without the
// notice condition, 0BSD is ISC without it, BSD-2-Clause is BSD-3-Clause
// without the name clause) is never named from the clause's absence
// alone: a text cut short lacks it too. Its also phrase spans the place
// where the clause would stand (the grant, then straight away the
// disclaimer), so that only a text complete up to there names it.
type licenseMark struct {
	id      string
	first   string   // the phrase that locates it
	version string   // the version, right after the title
	also    []string // further phrases it must contain
	absent  []string // phrases that would make it another license
}

var licenseMarks = []licenseMark{
	{id: "AGPL-3.0", first: "gnu affero general public license", version: "version 3"},
	{id: "LGPL-3.0", first: "gnu lesser general public license", version: "version 3"},
	{id: "LGPL-2.1", first: "gnu lesser general public license", version: "version 2.1"},
	{id: "LGPL-2.0", first: "gnu library general public license", version: "version 2"},
	{id: "GPL-3.0", first: "gnu general public license", version: "version 3"},
	{id: "GPL-2.0", first: "gnu general public license", version: "version 2"},
	{id: "Apache-2.0", first: "apache license", version: "version 2.0"},
	{id: "MPL-2.0", first: "mozilla public license", version: "version 2.0"},
	{id: "EPL-2.0", first: "eclipse public license", version: "v 2.0"},
	{id: "EPL-1.0", first: "eclipse public license", version: "v 1.0"},
	{id: "EUPL-1.2", first: "european union public licence", version: "1.2"},
	{id: "BSL-1.0", first: "boost software license", version: "version 1.0"},
	{id: "Artistic-2.0", first: "the artistic license 2.0"},
	{id: "Unlicense", first: "this is free and unencumbered software released into the public domain"},
	{id: "CC0-1.0", first: "cc0 1.0 universal"},
	{id: "WTFPL", first: "do what the fuck you want to public license"},
	{id: "NCSA", first: "university of illinois ncsa open source license"},
	{id: "UPL-1.0", first: "the universal permissive license"},
	{id: "PostgreSQL", first: "permission to use copy modify and distribute this software and its documentation for any purpose without fee and without a written agreement is hereby granted"},
	{id: "Zlib", first: "permission is granted to anyone to use this software for any purpose including commercial applications"},
	{id: "ISC", first: "permission to use copy modify and or distribute this software for any purpose with or without fee is hereby granted", also: []string{"provided that the above copyright notice and this permission notice appear in all copies"}},
	{id: "0BSD", first: "permission to use copy modify and or distribute this software for any purpose with or without fee is hereby granted", also: []string{"is hereby granted the software is provided"}, absent: []string{"provided that the above copyright notice"}},
	// The notice clause has variants ("this permission notice (including
	// the next paragraph) shall be included"): its two halves are enough.
	{id: "MIT", first: "permission is hereby granted free of charge to any person obtaining a copy", also: []string{"the above copyright notice and this permission notice", "shall be included in all copies"}},
	{id: "MIT-0", first: "permission is hereby granted free of charge to any person obtaining a copy", also: []string{"is furnished to do so the software is provided"}, absent: []string{"the above copyright notice and this permission notice"}},
	{id: "BSD-4-Clause", first: "redistribution and use in source and binary forms", also: []string{"all advertising materials mentioning features"}},
	{id: "BSD-3-Clause", first: "redistribution and use in source and binary forms", also: []string{"may be used to endorse or promote products derived from this software"}},
	{id: "BSD-2-Clause", first: "redistribution and use in source and binary forms", also: []string{"this software is provided by"}, absent: []string{"may be used to endorse or promote products derived from this software", "all advertising materials mentioning features"}},
}

// locate returns where the license starts in normalized text n, -1 when n
// is not this license.
func (m licenseMark) locate(n string) int {
	for _, a := range m.absent {
		if strings.Contains(n, " "+a+" ") {
			return -1
		}
	}
	for from := 0; ; {
		j := strings.Index(n[from:], " "+m.first+" ")
		if j < 0 {
			return -1
		}
		i := from + j
		from = i + 1
		if m.version != "" && !strings.Contains(n[i:min(len(n), i+len(m.first)+40)], " "+m.version+" ") {
			continue
		}
		ok := true
		for _, a := range m.also {
			if !strings.Contains(n[i:], " "+a+" ") {
				ok = false
			}
		}
		if ok {
			return i
		}
	}
}

// normalize lowers text and keeps only words: letters and digits, with a
// dot only between digits ("2.0").
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(strings.ToLower(s))
	space := true
	for i, r := range rs {
		keep := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '\u00a0'
		if r == '.' && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
			keep = true
		}
		if keep {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

var spdxLine = lazyregexp.New(`(?m)SPDX-License-Identifier:\s*([^\s*/#>-][^*/#>]*?)\s*(\*/|-->|$)`)

// Identify names the license of a license text: its SPDX identifier, or ""
// when the text is not one we know.
func Identify(t string) string {
	if m := spdxLine.FindStringSubmatch(t); m != nil {
		if ids := expressionIDs(m[1]); len(ids) == 1 && canonical(ids[0]) != "" {
			return canonical(ids[0])
		}
	}
	n := " " + normalize(t) + " "
	best, bestAt := "", len(n)+1
	for _, m := range licenseMarks {
		if i := m.locate(n); i >= 0 && i < bestAt {
			best, bestAt = m.id, i
		}
	}
	return best
}

// expressionIDs splits an SPDX expression into its license identifiers,
// dropping operators, parentheses and exceptions.
func expressionIDs(expr string) []string {
	f := strings.FieldsFunc(expr, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == '/' || r == ',' })
	var out []string
	for i := 0; i < len(f); i++ {
		switch strings.ToUpper(f[i]) {
		case "OR", "AND":
			continue
		case "WITH":
			i++ // the exception's name
			continue
		}
		out = append(out, f[i])
	}
	return out
}

// licenseFile is a file holding a license text.
type licenseFile struct {
	rel, id string
	line    int
}

var licenseName = lazyregexp.New(`(?i)^(licen[cs]e|copying|unlicense)([.\-_].*)?$`)

// manifestLicense finds "license" declarations in package manifests.
var manifestLicense = []struct {
	file string // a name, or an ending when it starts with "*"
	re   *lazyregexp.Regexp
	r    bool // R's DESCRIPTION, whose License field has forms of its own
}{
	{"package.json", lazyregexp.New(`^\s*"license"\s*:\s*"([^"]+)"`), false},
	{"composer.json", lazyregexp.New(`^\s*"license"\s*:\s*"([^"]+)"`), false},
	{"Cargo.toml", lazyregexp.New(`^\s*license\s*=\s*"([^"]+)"`), false},
	{"pyproject.toml", lazyregexp.New(`^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?"([^"]+)"`), false},
	{"setup.cfg", lazyregexp.New(`^\s*license\s*=\s*([A-Za-z0-9.+-]+)\s*$`), false},
	{"DESCRIPTION", lazyregexp.New(`^License:\s*(.+?)\s*$`), true},
	{"*.gemspec", lazyregexp.New(`\.licenses?\s*=\s*\[?\s*["']([^"']+)["']`), false},
	{"*.csproj", lazyregexp.New(`<PackageLicenseExpression>\s*([^<]+?)\s*</PackageLicenseExpression>`), false},
	{"Directory.Build.props", lazyregexp.New(`<PackageLicenseExpression>\s*([^<]+?)\s*</PackageLicenseExpression>`), false},
	{"mix.exs", lazyregexp.New(`licenses:\s*\[\s*"([^"]+)"`), false},
	{"*.cabal", lazyregexp.New(`(?i)^license:\s*(\S+)`), false},
	{"deno.json", lazyregexp.New(`^\s*"license"\s*:\s*"([^"]+)"`), false},
}

type licenseManifest struct {
	file string
	re   *lazyregexp.Regexp
	r    bool
}

// licenseManifests are the manifests at the top of the repository that may
// declare its license, in the table's order.
func (s *scanner) licenseManifests() []licenseManifest {
	var out []licenseManifest
	for _, m := range manifestLicense {
		if suffix, ok := strings.CutPrefix(m.file, "*"); ok {
			for _, n := range s.entries[""] {
				if strings.HasSuffix(n, suffix) {
					out = append(out, licenseManifest{n, m.re, m.r})
				}
			}
			continue
		}
		out = append(out, licenseManifest{m.file, m.re, m.r})
	}
	return out
}

// rLicense turns an R package's License field into SPDX identifiers:
// "MIT + file LICENSE" is MIT, "GPL (>= 2)" is GPL-2.0-or-later.
func rLicense(field string) string {
	field = rFileLicense.ReplaceAllString(field, "")
	var ids []string
	for _, alt := range strings.Split(field, "|") {
		alt = strings.TrimSpace(alt)
		if m := rGPLAtLeast.FindStringSubmatch(alt); m != nil && rSPDX[m[1]+"-"+m[2]] != "" {
			ids = append(ids, rSPDX[m[1]+"-"+m[2]]+"-or-later")
			continue
		}
		if id := rSPDX[strings.ReplaceAll(alt, " ", "")]; id != "" {
			ids = append(ids, id)
			continue
		}
		ids = append(ids, strings.ReplaceAll(alt, " ", "-"))
	}
	return strings.Join(ids, " OR ")
}

var (
	rFileLicense = lazyregexp.New(`\s*\+\s*file\s+LICEN[CS]E\b|\s*\|?\s*file\s+LICEN[CS]E\b`)
	rGPLAtLeast  = lazyregexp.New(`^(A?GPL|LGPL)\s*\(\s*>=?\s*([0-9.]+)\s*\)$`)
	rSPDX        = map[string]string{
		"MIT": "MIT", "GPL-2": "GPL-2.0", "GPL-3": "GPL-3.0", "GPL-2.0": "GPL-2.0", "GPL-3.0": "GPL-3.0",
		"LGPL-2": "LGPL-2.0", "LGPL-2.1": "LGPL-2.1", "LGPL-3": "LGPL-3.0", "AGPL-3": "AGPL-3.0",
		"BSD_2_clause": "BSD-2-Clause", "BSD_3_clause": "BSD-3-Clause", "Apache2.0": "Apache-2.0", "ApacheLicense2.0": "Apache-2.0",
		"ApacheLicense(==2.0)": "Apache-2.0", "ApacheLicense(>=2)": "Apache-2.0", "ApacheLicense(>=2.0)": "Apache-2.0",
		"CC0": "CC0-1.0", "MPL-2.0": "MPL-2.0", "Artistic-2.0": "Artistic-2.0", "EUPL-1.2": "EUPL-1.2",
	}
)

var coversLicense = []string{"floss_license", "floss_license_osi", "license_location"}

// licenseTexts reads the license files at the top of the repository, in
// name order, and REUSE's LICENSES/ (one text per license, named by its
// identifier): the licenses found, the files whose text is none we know,
// and how many license files there are (read or not).
func (s *scanner) licenseTexts() (found []licenseFile, unknown []string, present int) {
	names := append([]string(nil), s.entries[""]...)
	sort.Strings(names)
	for _, n := range names {
		if !licenseName.MatchString(n) {
			continue
		}
		present++
		t := s.readFor(n, coversLicense...)
		if t == nil {
			continue
		}
		id := Identify(t.String())
		if id == "" {
			unknown = append(unknown, n)
			continue
		}
		found = append(found, licenseFile{rel: n, id: id, line: firstText(t)})
	}
	for _, n := range s.entries["LICENSES"] {
		if id := canonical(strings.TrimSuffix(n, path.Ext(n))); id != "" {
			found = append(found, licenseFile{rel: "LICENSES/" + n, id: id, line: 1})
		}
	}
	return found, unknown, present
}

// declaredLicense is the first license declaration of a manifest at the
// top of the repository (licenseManifests' order): its expression, R's
// forms read as SPDX, with the manifest and line; "" when none declares
// one.
func (s *scanner) declaredLicense() (expr, file string, line int) {
	for _, m := range s.licenseManifests() {
		t := s.read(m.file)
		if t == nil {
			continue
		}
		line := t.find(m.re)
		if line == 0 {
			continue
		}
		expr := strings.TrimSpace(m.re.FindStringSubmatch(t.lines[line-1])[1])
		if m.r {
			expr = rLicense(expr)
		}
		return expr, m.file, line
	}
	return "", "", 0
}

func (s *scanner) scanLicense() {
	found, unknown, present := s.licenseTexts()
	if len(found) == 0 && len(unknown) > 0 {
		for _, u := range unknown {
			s.unchecked(u, s.T("ui.detect.reason.license_unknown"))
		}
	}
	if len(found)+len(unknown) > 0 {
		rel := ""
		if len(found) > 0 {
			rel = found[0].rel
		} else {
			rel = unknown[0]
		}
		key := "ui.detect.j.license_location"
		if strings.HasPrefix(rel, "LICENSES/") {
			key = "ui.detect.j.license_location_reuse"
		}
		s.add("license_location", model.Met, strong, s.T(key, "Where", s.where(rel, 0)), at(rel, 0))
	} else if present == 0 {
		// A license file that could not be read is reported, not called missing.
		s.licenseMissing()
	}

	var ids []string
	var ev []string
	where, conf := "", strong
	seen := map[string]bool{}
	for _, f := range found {
		if !seen[f.id] {
			seen[f.id] = true
			ids = append(ids, f.id)
		}
		ev = append(ev, at(f.rel, f.line))
		if where == "" {
			where = s.where(f.rel, 0)
		}
	}
	if len(ids) == 0 {
		// No license text we know: a manifest may still declare one.
		conf = fair
		if expr, file, line := s.declaredLicense(); file != "" {
			for _, id := range expressionIDs(expr) {
				c := canonical(id)
				if c == "" {
					s.unchecked(file, s.T("ui.detect.reason.license_not_listed", "License", safeID(id)))
					return
				}
				if !seen[c] {
					seen[c] = true
					ids = append(ids, c)
				}
			}
			ev = append(ev, at(file, line))
			where = s.where(file, line)
		}
	}
	if len(ids) == 0 {
		return
	}
	list := strings.Join(ids, ", ")
	key := "ui.detect.j.floss_license"
	if conf == fair {
		key = "ui.detect.j.floss_license_declared" // a manifest names it; no text
	}
	s.add("floss_license", model.Met, conf, s.T(key, "License", list, "Where", where), ev...)
	var notOSI []string
	for _, id := range ids {
		if !osiApproved[id] {
			notOSI = append(notOSI, id)
		}
	}
	if len(notOSI) == 0 {
		s.add("floss_license_osi", model.Met, conf, s.T("ui.detect.j.floss_license_osi", "License", list, "Where", where), ev...)
	} else {
		s.add("floss_license_osi", model.Unmet, fair, s.T("ui.detect.j.floss_license_not_osi", "License", strings.Join(notOSI, ", "), "Where", where), ev...)
	}
}

// licenseMissing: no license file at all. A manifest declaring a standard
// license leaves it open: CRAN forbids R packages to ship a standard
// license's text (DESCRIPTION's License field is where they state it),
// and elsewhere a maintainer must say whether the declaration is where
// users look.
func (s *scanner) licenseMissing() {
	expr, file, line := s.declaredLicense()
	standard := file != ""
	var ids []string
	for _, id := range expressionIDs(expr) {
		c := canonical(id)
		if c == "" {
			standard = false
			break
		}
		ids = append(ids, c)
	}
	switch {
	case !standard || len(ids) == 0:
		s.add("license_location", model.Unmet, fair, s.T("ui.detect.j.license_missing"))
	case file == "DESCRIPTION":
		s.leave("license_location", WhyPerson, s.T("ui.detect.n.license_r", "File", at(file, line), "License", strings.Join(ids, ", ")))
	default:
		s.confirm("license_location", model.Unmet, s.T("ui.detect.j.license_missing"),
			s.T("ui.detect.c.license_declared", "File", at(file, line), "License", strings.Join(ids, ", ")), at(file, line))
	}
}

func safeID(id string) string {
	if len(id) > 40 {
		id = id[:40]
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, id)
}

// firstText is the first non-blank line, where a license's title is.
func firstText(t *text) int {
	for i, l := range t.lines {
		if strings.TrimSpace(l) != "" {
			return i + 1
		}
	}
	return 1
}
