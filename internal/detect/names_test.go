package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// The auditor's findings, each on a tree shaped like the repository it was
// seen in: every proposal names what was found.

// lacks fails when a proposal's justification or evidence names any of
// words: a tool or a file that is not what was found.
func lacks(t *testing.T, rep *Report, id string, words ...string) {
	t.Helper()
	p, ok := rep.Proposals[id]
	if !ok {
		return
	}
	all := p.Justification + " " + strings.Join(p.Evidence, " ")
	for _, w := range words {
		if strings.Contains(all, w) {
			t.Errorf("%s names %q, which was not found: %q %v", id, w, p.Justification, p.Evidence)
		}
	}
}

// Every proposal names the tool actually found: afl-fuzz is not go test
// -fuzz, mix's flag is not the .NET property.
func TestToolsNamedAsFound(t *testing.T) {
	// A C library fuzzed with AFL++ in CI, an Elixir app built strictly.
	rep := scan(t, fixture(t, map[string]string{
		"CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject(w C)\nadd_library(w src/w.c)\n",
		"src/w.c":        "int w(void) { return 0; }\n",
		"mix.exs":        "defmodule W.MixProject do\n  use Mix.Project\n  def project, do: [app: :w, version: \"0.1.0\"]\nend\n",
		".github/workflows/fuzz.yml": "name: fuzz\non: [push, pull_request]\njobs:\n  afl:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
			"      - run: afl-fuzz -i in -o out -- ./t\n      - run: mix compile --warnings-as-errors\n      - run: mix test --cover\n",
	}))
	want(t, rep, "dynamic_analysis", model.Met, "AFL++", "fuzz.yml:8")
	lacks(t, rep, "dynamic_analysis", "go test")
	want(t, rep, "warnings_strict", model.Met, "--warnings-as-errors")
	lacks(t, rep, "warnings_strict", "TreatWarningsAsErrors")
	lacks(t, rep, "test_most", "go test")

	// A .NET library fuzzed with SharpFuzz and afl-fuzz.
	rep = scan(t, fixture(t, map[string]string{
		"src/Widget/Widget.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n",
		".github/workflows/fuzz.yml": "on: [push, pull_request]\njobs:\n  fuzz:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - run: dotnet tool install --global SharpFuzz.CommandLine\n      - run: afl-fuzz -i Testcases -o Findings -t 5000 -m 10000 dotnet bin/Widget.Fuzz.dll\n",
	}))
	p := want(t, rep, "dynamic_analysis", model.Met)
	lacks(t, rep, "dynamic_analysis", "go test")
	if !strings.Contains(p.Justification, "SharpFuzz") && !strings.Contains(p.Justification, "AFL++") {
		t.Errorf("dynamic_analysis should name SharpFuzz or AFL++: %q", p.Justification)
	}

	// Go's own fuzzing is still go test -fuzz; sanitizers are named apart.
	rep = scan(t, fixture(t, map[string]string{
		"go.mod":   "module example.com/w\n\ngo 1.22\n",
		"Makefile": "fuzz:\n\t$(GO) test -fuzz=FuzzParse -fuzztime=30s ./parse\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make fuzz\n" +
			"      - run: CFLAGS=-fsanitize=undefined make -C csrc check\n",
	}))
	want(t, rep, "dynamic_analysis", model.Met, "go test -fuzz", "Makefile:2")

	rep = scan(t, fixture(t, map[string]string{
		"meson.build":              "project('w', 'c')\nexecutable('w', 'w.c')\n",
		"w.c":                      "int main(void) { return 0; }\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: meson setup build -Db_sanitize=undefined\n",
	}))
	want(t, rep, "dynamic_analysis", model.Met, "UndefinedBehaviorSanitizer")
	lacks(t, rep, "dynamic_analysis", "AddressSanitizer")
}

// automake's own -Wall -Werror are not the compiler's warnings; the
// compiler flags of an autotools project still count.
func TestAutomakeWarningsAreNotCompilerWarnings(t *testing.T) {
	files := map[string]string{
		"configure.ac": "AC_INIT([widget], [1.0])\nAM_INIT_AUTOMAKE([-Wall -Werror foreign subdir-objects])\nAC_PROG_CC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n",
		"Makefile.am":  "AUTOMAKE_OPTIONS = -Wall\nbin_PROGRAMS = widget\nwidget_SOURCES = src/widget.c\n",
		"src/widget.c": "int main(void) { return 0; }\n",
		"autogen.sh":   "#!/bin/sh\nautoreconf -fi -Wall -Werror\n",
	}
	rep := scan(t, fixture(t, files))
	none(t, rep, "warnings")
	none(t, rep, "warnings_strict")

	files["configure.ac"] = "AC_INIT([widget], [1.0])\nAM_INIT_AUTOMAKE([-Wall -Werror foreign])\nAC_PROG_CC\nAX_CFLAGS_WARN_ALL\nAC_OUTPUT\n"
	files["Makefile.am"] = "bin_PROGRAMS = widget\nwidget_SOURCES = src/widget.c\nAM_CFLAGS = -Wextra -Werror\n"
	rep = scan(t, fixture(t, files))
	want(t, rep, "warnings", model.Met, "configure.ac:4")
	want(t, rep, "warnings_strict", model.Met, "-Werror", "Makefile.am:3")
}

// gosec enabled in golangci-lint's configuration, which CI runs, looks for
// common vulnerabilities; the standard set does not.
func TestGolangciLintGosec(t *testing.T) {
	base := map[string]string{
		"go.mod":  "module example.com/w\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() {}\n",
		".github/workflows/lint.yml": "name: lint\non: [push, pull_request]\njobs:\n  golangci:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - uses: actions/checkout@v4\n      - uses: golangci/golangci-lint-action@v6\n        with:\n          version: latest\n",
	}
	configs := map[string]string{
		".golangci.yml":  "run:\n  timeout: 5m\nlinters:\n  enable:\n    - errcheck\n    - gosec\n    - revive\nlinters-settings:\n  gosec:\n    excludes: [G104]\n",
		".golangci.yaml": "version: \"2\"\nlinters:\n  default: standard\n  enable:\n    - gosec\n    - misspell\nformatters:\n  enable:\n    - gofumpt\n",
		".golangci.toml": "[run]\ntimeout = \"5m\"\n\n[linters]\nenable = [\n  \"govet\",\n  \"gosec\",\n]\n",
		".golangci.json": "{\"linters\": {\"enable-all\": true, \"disable\": [\"lll\"]}}\n",
	}
	for name, cfg := range configs {
		files := map[string]string{name: cfg}
		for k, v := range base {
			files[k] = v
		}
		rep := scan(t, fixture(t, files))
		p := want(t, rep, "static_analysis_common_vulnerabilities", model.Met, "golangci-lint (gosec)", "lint.yml:", name)
		if p.Confidence != fair {
			t.Errorf("%s: gosec read off the configuration CI uses is fair: %d", name, p.Confidence)
		}
	}
	rep := scan(t, fixture(t, map[string]string{".golangci.yml": configs[".golangci.yml"], "go.mod": base["go.mod"],
		"Makefile": "lint:\n\tgolangci-lint run ./...\n"}))
	if p := want(t, rep, "static_analysis_common_vulnerabilities", model.Met, "(gosec)"); p.Confidence != weak {
		t.Errorf("gosec configured but not run in CI is weak: %d", p.Confidence)
	}
	want(t, rep, "coding_standards_enforced", model.Met, "golangci-lint (revive)")

	// The standard set, gosec disabled: no vulnerability check.
	for _, cfg := range []string{"version: \"2\"\nlinters:\n  default: standard\n", "linters:\n  enable-all: true\n  disable:\n    - gosec\n"} {
		files := map[string]string{".golangci.yml": cfg}
		for k, v := range base {
			files[k] = v
		}
		rep := scan(t, fixture(t, files))
		none(t, rep, "static_analysis_common_vulnerabilities")
	}
}

// Warnings made errors in Gradle builds (Kotlin and Java); bug finders
// are not style checkers; a yarn lock is Yarn's; a solution is not a
// dependency list.
func TestJVMAndJavaScriptAndDotNetNames(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"settings.gradle.kts": "rootProject.name = \"widget\"\ninclude(\"app\", \"lib\")\n",
		"gradlew":             "#!/bin/sh\n",
		"app/build.gradle.kts": "plugins {\n    kotlin(\"jvm\")\n    id(\"com.github.spotbugs\") version \"6.0.0\"\n}\n" +
			"kotlin {\n    compilerOptions {\n        allWarningsAsErrors = true\n    }\n}\n",
		"app/src/main/kotlin/App.kt": "fun main() {}\n",
	}))
	want(t, rep, "warnings_strict", model.Met, "allWarningsAsErrors", "app/build.gradle.kts:7")
	none(t, rep, "coding_standards_enforced") // SpotBugs finds bugs, not style

	rep = scan(t, fixture(t, map[string]string{
		"build.gradle":             "plugins { id 'java' }\n\ntasks.withType(JavaCompile).configureEach {\n    options.compilerArgs << \"-Xlint:all\" << \"-Werror\"\n}\n",
		"src/main/java/w/App.java": "package w;\nclass App {}\n",
	}))
	want(t, rep, "warnings_strict", model.Met, "-Werror", "build.gradle:4")

	rep = scan(t, fixture(t, map[string]string{
		"composer.json":     "{\n  \"name\": \"acme/widget\",\n  \"license\": \"MIT\",\n  \"require-dev\": {\"phpstan/phpstan\": \"^1.10\"}\n}\n",
		"composer.lock":     "{}\n",
		"phpstan.neon.dist": "parameters:\n  level: 8\n  paths: [src]\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - run: composer install\n      - run: vendor/bin/phpstan analyse\n",
	}))
	want(t, rep, "static_analysis", model.Met, "PHPStan")
	none(t, rep, "coding_standards_enforced")

	rep = scan(t, fixture(t, map[string]string{
		"package.json":      "{\n  \"name\": \"widget\",\n  \"scripts\": {\n    \"test\": \"jest\"\n  },\n  \"devDependencies\": {\n    \"jest\": \"^29.0.0\"\n  }\n}\n",
		"yarn.lock":         "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n",
		"src/index.js":      "module.exports = {}\n",
		"src/index.test.js": "test(\"w\", () => {})\n",
	}))
	want(t, rep, "osps_br_05_01", model.Met, "Yarn", "yarn.lock")
	lacks(t, rep, "osps_br_05_01", "npm")
	want(t, rep, "test_invocation", model.Met, "yarn test")

	rep = scan(t, fixture(t, map[string]string{
		"Widget.sln":               "Microsoft Visual Studio Solution File, Format Version 12.00\n",
		"src/Widget/Widget.csproj": "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.1.1\" />\n  </ItemGroup>\n</Project>\n",
	}))
	want(t, rep, "osps_qa_02_01", model.Met, "src/Widget/Widget.csproj")
	lacks(t, rep, "osps_qa_02_01", "Widget.sln")
}
