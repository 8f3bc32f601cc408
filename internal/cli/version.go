package cli

import (
	"runtime"
	"runtime/debug"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Version and Commit are set by the release build (.ci/release):
// -ldflags "-X github.com/bestpractices/bestpractices/internal/cli.Version=v1.2.3
// -X github.com/bestpractices/bestpractices/internal/cli.Commit=<sha>".
// Other builds leave them empty and the build information says the rest.
var (
	Version = ""
	Commit  = ""
)

// BuildVersion is what --version reports about a binary.
type BuildVersion struct {
	Version  string // v1.2.3, a pseudo-version, or "dev"
	Commit   string // the full or short commit id, "" when unknown
	Modified bool   // built from a work tree with uncommitted changes
	Go       string // the toolchain: go1.24.2
	Platform string // linux/amd64
}

// pseudoRev is the commit at the end of a Go pseudo-version
// (v0.0.0-20240102150405-0123456789ab, v1.2.4-0.20240102150405-0123456789ab).
var pseudoRev = lazyregexp.New(`[-.][0-9]{14}-([0-9a-f]{12})(\+incompatible)?$`)

// ReadVersion says which build this is: the release build's -ldflags first,
// then what the go command recorded (`go install module@version` records
// the module version, `go build` in a clone records the commit).
func ReadVersion(ldVersion, ldCommit string, bi *debug.BuildInfo) BuildVersion {
	v := BuildVersion{Version: ldVersion, Commit: ldCommit, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		v.Go = bi.GoVersion
		if v.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v.Version = bi.Main.Version
		}
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if goos, goarch := settings["GOOS"], settings["GOARCH"]; goos != "" && goarch != "" {
			v.Platform = goos + "/" + goarch
		}
		if v.Commit == "" {
			v.Commit = settings["vcs.revision"]
			v.Modified = settings["vcs.modified"] == "true"
		}
		if v.Commit == "" {
			if m := pseudoRev.FindStringSubmatch(bi.Main.Version); m != nil {
				v.Commit = m[1]
			}
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	return v
}

// versionLine is --version's line for this binary.
func versionLine(loc *i18n.Locale) string {
	bi, _ := debug.ReadBuildInfo()
	return ReadVersion(Version, Commit, bi).Line(loc)
}

// Line is the version in words: bestpractices v1.2.3 (commit …; go1.24.2, linux/amd64).
func (v BuildVersion) Line(loc *i18n.Locale) string {
	args := []any{"Version", safetext.Line(v.Version), "Go", safetext.Line(v.Go), "Platform", safetext.Line(v.Platform)}
	if v.Commit == "" {
		return loc.T("ui.version.no_commit", args...)
	}
	key := "ui.version.line"
	if v.Modified {
		key = "ui.version.modified"
	}
	return loc.T(key, append(args, "Commit", safetext.Line(v.Commit))...)
}
