package detect

import (
	"net/url"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/gitrepo"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

var (
	// manifestURL finds the project's own addresses in package manifests.
	manifestURL = lazyregexp.New(`(?i)["']?\b(homepage|home-page|repository|documentation|url|bugs|source|changelog|issues|download)["']?\s*[:=]\s*(?:\{\s*"url"\s*:\s*)?["']?(https?://[^\s"'<>,)]+)|<url>\s*(https?://[^\s<]+)\s*</url>`)
	anyURL      = lazyregexp.New(`https?://[^\s"'<>)\]]+`)
)

var manifests = []string{"package.json", "Cargo.toml", "pyproject.toml", "setup.py", "setup.cfg", "pom.xml", "composer.json", "mix.exs", "deno.json"}

// local hosts are not project sites.
func localHost(h string) bool {
	h = strings.ToLower(h)
	return h == "localhost" || strings.HasPrefix(h, "127.") || h == "0.0.0.0" || h == "[::1]" ||
		strings.HasSuffix(h, ".local") || strings.HasSuffix(h, ".test") || strings.HasSuffix(h, ".invalid") ||
		h == "example.com" || h == "example.org" || h == "example.net" || strings.HasSuffix(h, ".example.com")
}

var coversHTTPS = []string{"sites_https", "delivery_mitm"}

// scanHTTPS looks at the project's own addresses: the git remote, the
// answers file's project URL, manifest home pages, and README links to
// those hosts. One plain http:// address is enough to propose Unmet.
func (s *scanner) scanHTTPS() {
	var plain, secure []string
	var ev []string
	hosts := map[string]bool{}
	note := func(raw, evidence string) {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" || localHost(u.Hostname()) {
			return
		}
		hosts[strings.ToLower(u.Hostname())] = true
		if u.Scheme == "http" {
			plain = append(plain, safetext.Line(raw))
			ev = append(ev, evidence)
		} else {
			secure = append(secure, safetext.Line(raw))
		}
	}
	if s.gitDir != "" {
		rs := gitrepo.Remotes(s.real)
		names := make([]string, 0, len(rs))
		for n := range rs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if u := rs[n]; strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
				note(redact(u), s.T("ui.detect.git.remote", "Name", safetext.Line(n), "URL", safetext.Line(redact(u))))
			}
		}
	}
	if s.opts.ProjectURL != "" {
		note(s.opts.ProjectURL, s.T("ui.detect.git.project_url"))
	}
	for _, m := range manifests {
		t := s.read(m)
		if t == nil {
			continue
		}
		for i, l := range t.lines {
			for _, sub := range manifestURL.FindAllStringSubmatch(l, -1) {
				u := sub[2]
				if u == "" {
					u = sub[3]
				}
				note(strings.TrimRight(u, ".;"), at(m, i+1))
			}
		}
	}
	if t := s.readme(); t != nil && len(hosts) > 0 {
		for i, l := range t.lines {
			for _, raw := range anyURL.FindAllString(l, -1) {
				if u, err := url.Parse(raw); err == nil && u.Scheme == "http" && hosts[strings.ToLower(u.Hostname())] {
					plain = append(plain, safetext.Line(strings.TrimRight(raw, ".,;:")))
					ev = append(ev, at(t.rel, i+1))
				}
			}
		}
	}
	switch {
	case len(plain) > 0:
		s.add("sites_https", model.Unmet, fair, s.T("ui.detect.j.sites_http", "URLs", strings.Join(dedupe(plain), ", ")), dedupe(ev)...)
	case len(secure) > 0:
		urls := strings.Join(dedupe(secure), ", ")
		s.confirm("sites_https", model.Met, s.T("ui.detect.j.sites_https", "URLs", urls), s.T("ui.detect.c.sites_https"))
		s.confirm("delivery_mitm", model.Met, s.T("ui.detect.j.delivery_https", "URLs", urls), s.T("ui.detect.c.delivery_mitm"))
	}
}

// redact drops credentials from a remote URL before it is shown.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = nil
	return u.String()
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	if len(out) > 5 {
		out = append(out[:5], "…")
	}
	return out
}
