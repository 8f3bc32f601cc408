package detect

import (
	"path"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// buildSystem is a build tool recognised by a file at the top of the
// repository, and how its tests are run.
type buildSystem struct {
	file string // a name, or a suffix when it starts with "*"
	tool string
	// test is the standard test command; testRe, when set, must match a
	// line of the file for the command to apply.
	test   string
	testRe *lazyregexp.Regexp
}

var buildSystems = []buildSystem{
	{file: "go.mod", tool: "Go", test: "go test ./..."},
	{file: "Cargo.toml", tool: "Cargo", test: "cargo test"},
	{file: "package.json", tool: "npm", test: "npm test", testRe: lazyregexp.New(`^\s*"test"\s*:\s*"(?:[^"\\]|\\.)*"`)},
	{file: "pyproject.toml", tool: "Python (pyproject.toml)", test: "pytest", testRe: lazyregexp.New(`^\s*\[tool\.pytest|^\s*pytest\b|"pytest`)},
	{file: "setup.py", tool: "setuptools"},
	{file: "tox.ini", tool: "tox", test: "tox"},
	{file: "noxfile.py", tool: "nox", test: "nox"},
	{file: "CMakeLists.txt", tool: "CMake", test: "ctest", testRe: lazyregexp.New(`(?i)^\s*(enable_testing|add_test|include\s*\(\s*CTest)`)},
	{file: "meson.build", tool: "Meson", test: "meson test", testRe: lazyregexp.New(`^\s*test\s*\(`)},
	{file: "Makefile", tool: "make", test: "make test", testRe: lazyregexp.New(`^(test|tests)\s*:`)},
	{file: "Makefile", tool: "make", test: "make check", testRe: lazyregexp.New(`^check\s*:`)},
	{file: "GNUmakefile", tool: "make", test: "make test", testRe: lazyregexp.New(`^(test|tests)\s*:`)},
	{file: "makefile", tool: "make", test: "make test", testRe: lazyregexp.New(`^(test|tests)\s*:`)},
	{file: "configure.ac", tool: "Autotools", test: "make check"},
	{file: "pom.xml", tool: "Maven", test: "mvn test"},
	{file: "build.gradle", tool: "Gradle", test: "gradle test"},
	{file: "build.gradle.kts", tool: "Gradle", test: "gradle test"},
	{file: "build.xml", tool: "Ant"},
	{file: "MODULE.bazel", tool: "Bazel", test: "bazel test //..."},
	{file: "WORKSPACE", tool: "Bazel", test: "bazel test //..."},
	{file: "Rakefile", tool: "Rake", test: "rake test", testRe: lazyregexp.New(`(?i)test`)},
	{file: "Gemfile", tool: "Bundler"},
	{file: "composer.json", tool: "Composer", test: "composer test", testRe: lazyregexp.New(`^\s*"test"\s*:`)},
	{file: "mix.exs", tool: "Mix", test: "mix test"},
	{file: "build.sbt", tool: "sbt", test: "sbt test"},
	{file: "Package.swift", tool: "Swift Package Manager", test: "swift test"},
	{file: "build.zig", tool: "Zig", test: "zig build test", testRe: lazyregexp.New(`"test"`)},
	{file: "deno.json", tool: "Deno", test: "deno test"},
	{file: "dune-project", tool: "dune", test: "dune test"},
	{file: "stack.yaml", tool: "Stack", test: "stack test"},
	{file: "cabal.project", tool: "Cabal", test: "cabal test"},
	{file: "*.sln", tool: ".NET", test: "dotnet test"},
	{file: "*.csproj", tool: ".NET", test: "dotnet test"},
}

// npmDefaultTest is what npm init writes: a test script that fails.
const npmDefaultTest = "no test specified"

var (
	testDirs  = map[string]bool{"test": true, "tests": true, "spec": true, "__tests__": true, "testing": true, "t": true}
	codeExts  = map[string]bool{".go": true, ".rs": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".tsx": true, ".jsx": true, ".java": true, ".kt": true, ".c": true, ".cc": true, ".cpp": true, ".h": true, ".rb": true, ".php": true, ".ex": true, ".exs": true, ".scala": true, ".swift": true, ".cs": true, ".sh": true, ".bats": true, ".zig": true, ".hs": true, ".ml": true, ".lua": true, ".pl": true}
	testNames = lazyregexp.New(`(?i)(_test\.(go|py|rb|exs|c|cc|cpp)|^test_.*\.(py|c|cpp)|\.(test|spec)\.(js|mjs|cjs|ts|tsx|jsx)|_spec\.rb|Tests?\.(java|kt|cs)|\.t)$`)
)

// isTestFile reports whether a file holds tests: by its name, or by being
// code in a test directory (fixtures and test data are not tests).
func isTestFile(rel string) bool {
	segs := strings.Split(rel, "/")
	for _, d := range segs[:len(segs)-1] {
		if d == "testdata" || d == "fixtures" || d == "__fixtures__" || d == "__snapshots__" {
			return false
		}
	}
	if testNames.MatchString(segs[len(segs)-1]) {
		return true
	}
	if !codeExts[strings.ToLower(path.Ext(rel))] {
		return false
	}
	for _, d := range segs[:len(segs)-1] {
		if testDirs[d] {
			return true
		}
	}
	return strings.HasPrefix(rel, "src/test/")
}

func (s *scanner) rootFile(name string) string {
	if suffix, ok := strings.CutPrefix(name, "*"); ok {
		for _, n := range s.entries[""] {
			if strings.HasSuffix(n, suffix) {
				return n
			}
		}
		return ""
	}
	for _, n := range s.entries[""] {
		if n == name {
			return n
		}
	}
	return ""
}

func (s *scanner) scanBuildAndTests() {
	var tools []string
	first, firstTool := "", ""
	type invocation struct{ rel, command string }
	var runs []invocation
	var runLines []int
	seenTool := map[string]bool{}
	for _, b := range buildSystems {
		rel := s.rootFile(b.file)
		if rel == "" {
			continue
		}
		if !seenTool[b.tool] {
			seenTool[b.tool] = true
			tools = append(tools, b.tool)
		}
		if first == "" {
			first, firstTool = rel, b.tool
		}
		if b.test == "" {
			continue
		}
		line := 0
		if b.testRe != nil {
			t := s.read(rel)
			if t == nil {
				continue
			}
			if line = t.find(b.testRe); line == 0 || strings.Contains(t.lines[line-1], npmDefaultTest) {
				continue
			}
		}
		runs = append(runs, invocation{rel, b.test})
		runLines = append(runLines, line)
	}
	if first != "" {
		where := s.where(first, 0)
		list := strings.Join(tools, ", ")
		s.add("build", model.Met, 3, s.T("ui.detect.j.build", "Tool", list, "Where", where), at(first, 0))
		s.add("build_common_tools", model.Met, 3, s.T("ui.detect.j.build_common_tools", "Tool", firstTool, "Where", where), at(first, 0))
		s.add("build_floss_tools", model.Met, 2, s.T("ui.detect.j.build_floss_tools", "Tool", list, "Where", where), at(first, 0))
	}

	var tests []string
	for _, f := range s.files {
		if isTestFile(f) {
			tests = append(tests, f)
		}
	}
	if len(tests) == 0 {
		return
	}
	s.add("test", model.Met, 2, s.T("ui.detect.j.test", "Count", len(tests), "Where", s.where(tests[0], 0)), at(tests[0], 0))
	if len(runs) > 0 {
		r := runs[0]
		// go test and cargo test need no line: the manifest is the proof.
		s.add("test_invocation", model.Met, 2, s.T("ui.detect.j.test_invocation", "Command", r.command, "Where", s.where(r.rel, runLines[0])), at(r.rel, runLines[0]))
	}
}

// ciFile reports whether a file configures continuous integration.
func ciFile(rel string) bool {
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	yml := ext == ".yml" || ext == ".yaml"
	switch strings.TrimSuffix(dir, "/") {
	case ".github/workflows", ".forgejo/workflows", ".gitea/workflows", ".woodpecker", ".builds", ".buildkite":
		return yml
	case ".circleci":
		return base == "config.yml"
	case "":
		switch base {
		case ".gitlab-ci.yml", ".travis.yml", "Jenkinsfile", "azure-pipelines.yml", ".woodpecker.yml",
			"bitbucket-pipelines.yml", "appveyor.yml", ".appveyor.yml", ".cirrus.yml", ".drone.yml", ".build.yml":
			return true
		}
	}
	return false
}

var ciTests = lazyregexp.New(`(?i)\b(go test|cargo (test|nextest)|(npm|yarn|pnpm|bun)( run)? test|pytest|tox|nox|make (test|check)|ctest|mvn\b.*\b(test|verify)|gradlew?\b.*\btest|bazel test|mix test|dotnet test|swift test|rspec|rake test|zig build test|deno test|meson test|stack test|cabal test|dune test)\b`)

func (s *scanner) ciFiles() []string {
	var out []string
	for _, f := range s.files {
		if ciFile(f) {
			out = append(out, f)
		}
	}
	return out
}

func (s *scanner) scanCI() {
	files := s.ciFiles()
	if len(files) == 0 {
		return
	}
	for _, f := range files {
		t := s.read(f)
		if t == nil {
			continue
		}
		if line := t.find(ciTests); line > 0 {
			s.add("test_continuous_integration", model.Met, 3, s.T("ui.detect.j.ci_tests", "Where", s.where(f, line)), at(f, line))
			return
		}
	}
	s.add("test_continuous_integration", model.Met, 1, s.T("ui.detect.j.ci", "Where", s.where(files[0], 0)), at(files[0], 0))
}

// tool is something recognised by a phrase in a file.
type tool struct {
	name  string
	re    *lazyregexp.Regexp
	vulns bool // looks for common vulnerabilities
	lint  bool // a general linter: weaker evidence of static analysis
}

var analysisTools = []tool{
	{name: "CodeQL", re: lazyregexp.New(`(?i)codeql`), vulns: true},
	{name: "gosec", re: lazyregexp.New(`(?i)\bgosec\b`), vulns: true},
	{name: "Semgrep", re: lazyregexp.New(`(?i)\bsemgrep\b`), vulns: true},
	{name: "SonarQube", re: lazyregexp.New(`(?i)\bsonar(qube|cloud|source|-scanner)?\b`), vulns: true},
	{name: "Coverity", re: lazyregexp.New(`(?i)\bcoverity\b`), vulns: true},
	{name: "Bandit", re: lazyregexp.New(`(?i)\bbandit\b`), vulns: true},
	{name: "Flawfinder", re: lazyregexp.New(`(?i)\bflawfinder\b`), vulns: true},
	{name: "Brakeman", re: lazyregexp.New(`(?i)\bbrakeman\b`), vulns: true},
	{name: "Snyk Code", re: lazyregexp.New(`(?i)\bsnyk code\b`), vulns: true},
	{name: "staticcheck", re: lazyregexp.New(`(?i)\bstaticcheck\b`)},
	{name: "golangci-lint", re: lazyregexp.New(`(?i)golangci`)},
	{name: "cppcheck", re: lazyregexp.New(`(?i)\bcppcheck\b`)},
	{name: "clang-tidy", re: lazyregexp.New(`(?i)\bclang-tidy\b`)},
	{name: "Clang Static Analyzer", re: lazyregexp.New(`\bscan-build\b`)},
	{name: "SpotBugs", re: lazyregexp.New(`(?i)\bspotbugs\b`)},
	{name: "PMD", re: lazyregexp.New(`\bpmd\b`)},
	{name: "Infer", re: lazyregexp.New(`\bfbinfer\b|\binfer run\b`)},
	{name: "Clippy", re: lazyregexp.New(`(?i)\bclippy\b`)},
	{name: "PHPStan", re: lazyregexp.New(`(?i)\bphpstan\b`)},
	{name: "Psalm", re: lazyregexp.New(`(?i)\bpsalm\b`)},
	{name: "ShellCheck", re: lazyregexp.New(`(?i)\bshellcheck\b`)},
	{name: "go vet", re: lazyregexp.New(`\bgo vet\b`), lint: true},
	{name: "ESLint", re: lazyregexp.New(`(?i)\beslint\b`), lint: true},
	{name: "Pylint", re: lazyregexp.New(`(?i)\bpylint\b`), lint: true},
	{name: "Ruff", re: lazyregexp.New(`(?i)\bruff\b`), lint: true},
	{name: "mypy", re: lazyregexp.New(`(?i)\bmypy\b`), lint: true},
	{name: "RuboCop", re: lazyregexp.New(`(?i)\brubocop\b`), lint: true},
}

// linterConfigs are files whose presence shows warnings are looked at.
var linterConfigs = []struct{ file, tool string }{
	{".golangci.yml", "golangci-lint"}, {".golangci.yaml", "golangci-lint"}, {".golangci.toml", "golangci-lint"}, {".golangci.json", "golangci-lint"},
	{".eslintrc", "ESLint"}, {".eslintrc.js", "ESLint"}, {".eslintrc.cjs", "ESLint"}, {".eslintrc.json", "ESLint"}, {".eslintrc.yml", "ESLint"}, {".eslintrc.yaml", "ESLint"},
	{"eslint.config.js", "ESLint"}, {"eslint.config.mjs", "ESLint"}, {"eslint.config.cjs", "ESLint"}, {"eslint.config.ts", "ESLint"},
	{".pylintrc", "Pylint"}, {"pylintrc", "Pylint"}, {"ruff.toml", "Ruff"}, {".ruff.toml", "Ruff"}, {".flake8", "Flake8"},
	{"mypy.ini", "mypy"}, {".mypy.ini", "mypy"}, {".clang-tidy", "clang-tidy"}, {"clippy.toml", "Clippy"}, {".clippy.toml", "Clippy"},
	{".rubocop.yml", "RuboCop"}, {"biome.json", "Biome"}, {".stylelintrc", "stylelint"}, {".swiftlint.yml", "SwiftLint"},
	{"phpstan.neon", "PHPStan"}, {".shellcheckrc", "ShellCheck"}, {"checkstyle.xml", "Checkstyle"}, {"staticcheck.conf", "staticcheck"},
}

var (
	warningFlags = lazyregexp.New(`(?i)(-Wall\b|-Wextra\b|\[tool\.(ruff|pylint|flake8|mypy)|^\s*\[(flake8|mypy|pylint)\]|\bgo vet\b|\bstaticcheck\b|golangci-lint|cargo clippy|\beslint\b|\bruff\b|\bflake8\b|\bpylint\b|\bmypy\b|\bshellcheck\b|\brubocop\b)`)
	strictFlags  = lazyregexp.New(`(-Werror\b|-D ?warnings\b|--deny[ =]warnings|--max-warnings[ =]0\b|werror\s*=\s*true|warnings-as-errors|TreatWarningsAsErrors>true)`)
	fuzzFiles    = lazyregexp.New(`(?i)(^|/)(fuzz|fuzzing|fuzzers?|fuzz_targets)(/|$)|fuzz[^/]*\.(c|cc|cpp|go|rs|py|java|js|ts)$|(^|/)\.clusterfuzzlite(/|$)`)
	fuzzCode     = lazyregexp.New(`^func Fuzz[A-Z0-9_]\w*\(|LLVMFuzzerTestOneInput|import atheris|@FuzzTest|fuzz_target!`)
	fuzzCI       = lazyregexp.New(`(?i)(cifuzz|clusterfuzzlite|go test .*-fuzz|cargo[ +].*fuzz)`)
)

// configFiles are where analysis is run: CI, then build files and hooks.
func (s *scanner) configFiles() (ci, other []string) {
	ci = s.ciFiles()
	for _, n := range []string{"Makefile", "GNUmakefile", "makefile", ".pre-commit-config.yaml", "CMakeLists.txt", "meson.build", "package.json", "pyproject.toml", "setup.cfg", "tox.ini", "justfile", "Justfile", "Taskfile.yml", "build.sh", "Cargo.toml", ".cargo/config.toml"} {
		if s.rootFile(n) != "" || n == ".cargo/config.toml" && s.find(".cargo", "config.toml") != "" {
			other = append(other, n)
		}
	}
	return ci, other
}

func (s *scanner) scanAnalysis() {
	ci, other := s.configFiles()
	// Warnings: a linter configured, or warning flags in a build or CI file.
	warned := false
	for _, c := range linterConfigs {
		if rel := s.rootFile(c.file); rel != "" {
			s.add("warnings", model.Met, 2, s.T("ui.detect.j.warnings", "Tool", c.tool, "Where", s.where(rel, 0)), at(rel, 0))
			warned = true
			break
		}
	}
	for _, f := range append(append([]string(nil), ci...), other...) {
		t := s.read(f)
		if t == nil {
			continue
		}
		if !warned {
			if line := t.find(warningFlags); line > 0 {
				m := strings.Trim(warningFlags.FindString(t.lines[line-1]), "[] \t")
				s.add("warnings", model.Met, 2, s.T("ui.detect.j.warnings", "Tool", m, "Where", s.where(f, line)), at(f, line))
				warned = true
			}
		}
		if line := t.find(strictFlags); line > 0 {
			m := strictFlags.FindString(t.lines[line-1])
			s.add("warnings_strict", model.Met, 1, s.T("ui.detect.j.warnings_strict", "Flag", m, "Where", s.where(f, line)), at(f, line))
		}
	}

	// Static analysis: the strongest tool found, in CI before elsewhere.
	for pass, files := range [][]string{ci, other} {
		inCI := pass == 0
		for _, f := range files {
			t := s.read(f)
			if t == nil {
				continue
			}
			for _, tl := range analysisTools {
				line := t.find(tl.re)
				if line == 0 {
					continue
				}
				conf := 2
				if tl.lint || !inCI {
					conf = 1
				}
				where := s.where(f, line)
				s.add("static_analysis", model.Met, conf, s.T("ui.detect.j.static_analysis", "Tool", tl.name, "Where", where), at(f, line))
				if tl.vulns {
					s.add("static_analysis_common_vulnerabilities", model.Met, conf, s.T("ui.detect.j.static_analysis_vulns", "Tool", tl.name, "Where", where), at(f, line))
				}
				if inCI {
					s.add("static_analysis_often", model.Met, conf, s.T("ui.detect.j.static_analysis_often", "Tool", tl.name, "Where", where), at(f, line))
				}
			}
		}
	}
	for _, c := range linterConfigs {
		if c.tool != "golangci-lint" && c.tool != "staticcheck" && c.tool != "clang-tidy" && c.tool != "Clippy" {
			continue
		}
		if rel := s.rootFile(c.file); rel != "" {
			s.add("static_analysis", model.Met, 1, s.T("ui.detect.j.static_analysis_config", "Tool", c.tool, "Where", s.where(rel, 0)), at(rel, 0))
		}
	}
	s.scanFuzz(ci)
}

// maxCodeReads bounds how many source files are opened looking for fuzz
// tests in a large repository.
const maxCodeReads = 2000

func (s *scanner) scanFuzz(ci []string) {
	for _, f := range s.files {
		if fuzzFiles.MatchString(f) && (codeExts[strings.ToLower(path.Ext(f))] || strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, "Cargo.toml")) {
			conf := 2
			if strings.Contains(f, ".clusterfuzzlite") {
				conf = 3
			}
			s.add("dynamic_analysis", model.Met, conf, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(f, 0)), at(f, 0))
			return
		}
	}
	reads := 0
	for _, f := range s.files {
		if !strings.HasSuffix(f, "_test.go") && !strings.HasSuffix(f, ".cc") && !strings.HasSuffix(f, ".c") && !strings.HasSuffix(f, ".cpp") && !strings.HasSuffix(f, ".py") && !strings.HasSuffix(f, ".java") && !strings.HasSuffix(f, ".rs") {
			continue
		}
		if reads++; reads > maxCodeReads {
			break
		}
		t := s.skim(f)
		if t == nil {
			continue
		}
		if line := t.find(fuzzCode); line > 0 {
			s.add("dynamic_analysis", model.Met, 2, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(f, line)), at(f, line))
			return
		}
	}
	for _, f := range ci {
		if t := s.read(f); t != nil {
			if line := t.find(fuzzCI); line > 0 {
				s.add("dynamic_analysis", model.Met, 2, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(f, line)), at(f, line))
				return
			}
		}
	}
}

var dependencyTools = []tool{
	{name: "govulncheck", re: lazyregexp.New(`\bgovulncheck\b`)},
	{name: "cargo audit", re: lazyregexp.New(`cargo[- ]audit|rustsec/audit-check`)},
	{name: "cargo deny", re: lazyregexp.New(`cargo[- ]deny`)},
	{name: "npm audit", re: lazyregexp.New(`\b(npm|yarn|pnpm) audit\b`)},
	{name: "pip-audit", re: lazyregexp.New(`\bpip-audit\b`)},
	{name: "OSV-Scanner", re: lazyregexp.New(`(?i)osv-scanner`)},
	{name: "Dependency Review", re: lazyregexp.New(`dependency-review-action`)},
	{name: "Snyk", re: lazyregexp.New(`(?i)\bsnyk (test|monitor)\b|snyk/actions`)},
	{name: "Trivy", re: lazyregexp.New(`(?i)\btrivy\b`)},
	{name: "bundler-audit", re: lazyregexp.New(`bundle(r-)? audit`)},
	{name: "OWASP Dependency-Check", re: lazyregexp.New(`(?i)dependency-check`)},
}

func (s *scanner) scanDependencies() {
	for _, c := range []struct{ dir, name, tool string }{
		{".github", "dependabot.yml", "Dependabot"}, {".github", "dependabot.yaml", "Dependabot"},
		{"", "renovate.json", "Renovate"}, {"", "renovate.json5", "Renovate"}, {"", ".renovaterc", "Renovate"}, {"", ".renovaterc.json", "Renovate"},
		{".github", "renovate.json", "Renovate"}, {".github", "renovate.json5", "Renovate"}, {".gitlab", "renovate.json", "Renovate"},
		{"", "deny.toml", "cargo deny"},
	} {
		if rel := s.find(c.dir, c.name); rel != "" {
			s.add("dependency_monitoring", model.Met, 3, s.T("ui.detect.j.dependency_monitoring", "Tool", c.tool, "Where", s.where(rel, 0)), at(rel, 0))
			return
		}
	}
	ci, other := s.configFiles()
	for _, f := range append(ci, other...) {
		t := s.read(f)
		if t == nil {
			continue
		}
		for _, tl := range dependencyTools {
			if line := t.find(tl.re); line > 0 {
				s.add("dependency_monitoring", model.Met, 2, s.T("ui.detect.j.dependency_monitoring", "Tool", tl.name, "Where", s.where(f, line)), at(f, line))
				return
			}
		}
	}
}
