package detect

import (
	"path"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// Releases: signed or attested, with an SBOM, named after their version,
// and documented so that users can verify them.

var coversReleases = []string{"osps_br_06_01", "signed_releases", "osps_qa_02_02", "osps_br_02_02", "osps_do_03_01", "osps_do_03_02"}

var (
	signing     = lazyregexp.New(`(?i)(cosign\b.*\bsign|sigstore/(cosign-installer|gh-action-sigstore-python)|actions/attest(-build-provenance|-sbom)?@|slsa-framework/slsa-github-generator|gpg\b.*--(detach-sign|clearsign|sign)|\bminisign\b.*-S|\bsignify\b.*-S|--provenance\b|jarsigner|maven-gpg-plugin|signtool\b|rpmsign|debsign|^\s*signs:\s*$)`)
	sbom        = lazyregexp.New(`(?i)(\bsyft\b|anchore/sbom-action|cyclonedx|spdx-sbom-generator|microsoft/sbom-tool|\bsbom-tool\b|^\s*sboms:\s*$|--sbom\b|cargo[- ](sbom|auditable)|trivy\b.*\bsbom|actions/attest-sbom|\bbom\.json\b)`)
	publish     = lazyregexp.New(`(?i)(npm publish|pnpm publish|yarn (npm )?publish|pypa/gh-action-pypi-publish|twine upload|uv publish|poetry publish|cargo publish|gem push|dotnet nuget push|nuget push|mvn\b.*\bdeploy|gradlew?\b.*\bpublish|goreleaser|docker/build-push-action|mix hex\.publish|dart pub publish|swift package-registry publish)`)
	upload      = lazyregexp.New(`(?i)(softprops/action-gh-release|actions/upload-release-asset|gh release (create|upload)|ncipollo/release-action|release-it)`)
	verify      = lazyregexp.New(`(?i)(cosign verify(-blob|-attestation)?|gpg --verify|gpg2 --verify|sha(256|512)sum (-c|--check)|shasum -a (256|512) (-c|--check)|slsa-verifier|gh attestation verify|minisign -V|signify -C|Get-FileHash|npm audit signatures|pypi-attestations verify|--require-hashes)`)
	identity    = lazyregexp.New(`--certificate-identity|--certificate-oidc-issuer|gh attestation verify.*--(owner|repo)\b|--source-uri|--signer-workflow|(?i:fingerprint)|\bKEYS\b|(?i:public key)`)
	signedClaim = lazyregexp.New(`(?i)\b(releases?|binaries|artifacts|assets|packages)\b[^.]{0,60}\b(are|is)\s+(signed|attested)\b|\bsigned with (cosign|sigstore|gpg|minisign)`)
	releaseTool = lazyregexp.New(`(?i)goreleaser|semantic-release|release-please|jreleaser`)
	verifyName  = lazyregexp.New(`(?i)(^|/)(VERIFY(ING)?|verification|release[-_]verification|verify[-_]release[s]?|verifying[-_]releases?)(\.md|\.rst|\.adoc|\.txt)?$`)
)

// releaseConfigs are the release tools' own configurations, which CI runs
// when it runs the tool.
var releaseConfigs = []string{".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml", "goreleaser.yaml", ".releaserc", ".releaserc.json", "release-please-config.json", "jreleaser.yml"}

func (s *scanner) scanReleases() {
	type hit struct {
		rel  string
		line int
		ci   bool
	}
	find := func(re *lazyregexp.Regexp) (hit, bool) {
		s.ciFiles()
		for _, f := range s.memo.ciRun {
			if t := s.read(f); t != nil {
				if line := t.find(re); line > 0 {
					return hit{f, line, true}, true
				}
			}
		}
		for _, f := range releaseConfigs {
			if !s.exists(f) {
				continue
			}
			if t := s.read(f); t != nil {
				if line := t.find(re); line > 0 {
					// goreleaser's configuration runs where goreleaser does.
					_, inCI := s.ciMentions(releaseTool)
					return hit{f, line, inCI}, true
				}
			}
		}
		for _, f := range s.buildConfigs() {
			if t := s.read(f); t != nil {
				if line := t.find(re); line > 0 {
					return hit{f, line, false}, true
				}
			}
		}
		return hit{}, false
	}
	conf := func(h hit) int {
		if h.ci {
			return strong
		}
		return fair
	}
	if h, ok := find(signing); ok {
		where := s.where(h.rel, h.line)
		s.add("osps_br_06_01", model.Met, conf(h), s.T("ui.detect.j.signed", "Where", where), at(h.rel, h.line))
		s.add("signed_releases", model.Met, conf(h), s.T("ui.detect.j.signed", "Where", where), at(h.rel, h.line))
	}
	if _, ok := s.rep.Proposals["osps_br_06_01"]; !ok {
		// The documents say releases are signed, but no signing step was found.
		docs := s.readerDocs()
		if g := s.findIn(policyDirs, "GOVERNANCE", "RELEASING", "RELEASE"); g != "" {
			if t := s.read(g); t != nil {
				docs = append(docs, t)
			}
		}
		if t, line := lineInDocs(docs, signedClaim); t != nil {
			where := s.where(t.rel, line)
			s.confirm("osps_br_06_01", model.Met, s.T("ui.detect.j.signed_docs", "Where", where), s.T("ui.detect.c.signed_docs"), at(t.rel, line))
			s.confirm("signed_releases", model.Met, s.T("ui.detect.j.signed_docs", "Where", where), s.T("ui.detect.c.signed_docs"), at(t.rel, line))
		}
	}
	if h, ok := find(sbom); ok {
		s.add("osps_qa_02_02", model.Met, conf(h), s.T("ui.detect.j.sbom", "Where", s.where(h.rel, h.line)), at(h.rel, h.line))
	}
	if h, ok := find(publish); ok {
		s.add("osps_br_02_02", model.Met, fair, s.T("ui.detect.j.assets_versioned", "Where", s.where(h.rel, h.line)), at(h.rel, h.line))
	} else if h, ok := find(upload); ok {
		s.confirm("osps_br_02_02", model.Met, s.T("ui.detect.j.assets_uploaded", "Where", s.where(h.rel, h.line)), s.T("ui.detect.c.assets_named"), at(h.rel, h.line))
	}
	// Instructions to verify a release: a page of their own, or a line of
	// the documents a reader opens.
	for _, f := range s.files {
		if len(f) < 80 && strings.Contains(strings.ToLower(path.Base(f)), "verif") && verifyName.MatchString(f) && s.read(f) != nil {
			t := s.read(f)
			s.add("osps_do_03_01", model.Met, fair, s.T("ui.detect.j.verify_docs", "Where", s.where(f, 0)), at(f, 0))
			if line := t.find(identity); line > 0 {
				s.add("osps_do_03_02", model.Met, fair, s.T("ui.detect.j.verify_identity", "Where", s.where(f, line)), at(f, line))
			}
			break
		}
	}
	docs := s.readerDocs()
	if sec := s.findIn(policyDirs, "SECURITY"); sec != "" {
		if t := s.read(sec); t != nil {
			docs = append(docs, t)
		}
	}
	if t, line := lineInDocs(docs, verify); t != nil {
		s.add("osps_do_03_01", model.Met, fair, s.T("ui.detect.j.verify_docs", "Where", s.where(t.rel, line)), at(t.rel, line))
		if identity.MatchString(t.lines[line-1]) || (line < len(t.lines) && identity.MatchString(t.lines[line])) {
			s.add("osps_do_03_02", model.Met, fair, s.T("ui.detect.j.verify_identity", "Where", s.where(t.rel, line)), at(t.rel, line))
		}
	}
}

// ciMentions finds re in the files CI runs.
func (s *scanner) ciMentions(re *lazyregexp.Regexp) (string, bool) {
	s.ciFiles()
	for _, f := range s.memo.ciRun {
		if t := s.read(f); t != nil && t.find(re) > 0 {
			return f, true
		}
	}
	return "", false
}
