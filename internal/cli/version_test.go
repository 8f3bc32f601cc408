package cli

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

func TestVersionSaysWhichBuildThisIs(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		name      string
		ldV, ldC  string
		bi        *debug.BuildInfo
		want, not string
	}{
		{"release build (-ldflags)", "v1.2.3", rev, &debug.BuildInfo{GoVersion: "go1.24.2", Main: debug.Module{Version: "(devel)"}, Settings: settings("GOOS", "windows", "GOARCH", "arm64")},
			"bestpractices v1.2.3 (commit " + rev + "; go1.24.2, windows/arm64)", ""},
		{"go install module@v1.2.3", "", "", &debug.BuildInfo{GoVersion: "go1.25.0", Main: debug.Module{Version: "v1.2.3"}, Settings: settings("GOOS", "linux", "GOARCH", "amd64")},
			"bestpractices v1.2.3 (go1.25.0, linux/amd64)", "commit"},
		{"go install module@main (a pseudo-version)", "", "", &debug.BuildInfo{GoVersion: "go1.25.0", Main: debug.Module{Version: "v0.0.0-20260102150405-0123456789ab"}},
			"bestpractices v0.0.0-20260102150405-0123456789ab (commit 0123456789ab;", ""},
		{"pre-release pseudo-version", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.4-0.20260102150405-abcdefabcdef"}},
			"(commit abcdefabcdef;", ""},
		{"go build in a clone with changes", "", "", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20260102150405-0123456789ab+dirty"}, Settings: settings("vcs.revision", rev, "vcs.modified", "true")},
			"(commit " + rev + " with local changes;", ""},
		{"no build information", "", "", nil, "bestpractices dev (", "commit"},
	}
	for _, c := range cases {
		got := ReadVersion(c.ldV, c.ldC, c.bi).Line(i18n.English())
		if !strings.Contains(got, c.want) || (c.not != "" && strings.Contains(got, c.not)) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// A version from the build is data: it cannot put escapes on the terminal.
	got := ReadVersion("v1\x1b[31m", "", nil).Line(i18n.English())
	if strings.Contains(got, "\x1b") {
		t.Errorf("escape printed: %q", got)
	}
}
