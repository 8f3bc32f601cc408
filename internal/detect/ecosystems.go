package detect

import (
	"path"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// ecosystem is a build tool and the language it serves, recognised by its
// manifest wherever that usually lives: at the top, or in a subdirectory
// (src/App/App.csproj, python/pyproject.toml, a Go module in cmd/).
type ecosystem struct {
	lang  string   // the language, for test frameworks and justifications
	tool  string   // the build tool, as users call it
	names []string // manifest file names
	exts  []string // or manifest name endings (".csproj")
	depth int      // how many directories down the manifest may be
	// deps: the manifest lists the direct dependencies, which the package
	// manager fetches (a standard tool for ingesting them).
	deps  bool
	locks []string // lock files that pin the dependency tree
	// test is the standard test command; testRe, when set, must match a
	// line of the manifest for it to apply.
	test   string
	testRe *lazyregexp.Regexp
	// must, when set, must match a line of the manifest for it to count
	// (R's DESCRIPTION is a package only with a Package: field).
	must *lazyregexp.Regexp
	// runner: a test runner or a dependency list, not a build system.
	runner bool
}

var ecosystems = []ecosystem{
	{lang: "Go", tool: "Go", names: []string{"go.mod"}, depth: 3, deps: true, locks: []string{"go.sum"}, test: "go test ./..."},
	{lang: "Rust", tool: "Cargo", names: []string{"Cargo.toml"}, depth: 3, deps: true, locks: []string{"Cargo.lock"}, test: "cargo test"},
	{lang: "JavaScript", tool: "npm", names: []string{"package.json"}, depth: 2, deps: true, locks: []string{"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"}, test: "npm test", testRe: lazyregexp.New(`^\s*"test"\s*:\s*"(?:[^"\\]|\\.)*"`)},
	{lang: "JavaScript", tool: "Deno", names: []string{"deno.json", "deno.jsonc"}, depth: 1, deps: true, locks: []string{"deno.lock"}, test: "deno test"},
	{lang: "Python", tool: "pyproject.toml", names: []string{"pyproject.toml"}, depth: 2, deps: true, locks: []string{"poetry.lock", "uv.lock", "pdm.lock", "pylock.toml"}, test: "pytest", testRe: lazyregexp.New(`^\s*\[tool\.pytest|^\s*pytest\b|"pytest|'pytest`)},
	{lang: "Python", tool: "setuptools", names: []string{"setup.py"}, depth: 2, deps: true, test: "pytest", testRe: lazyregexp.New(`pytest`)},
	{lang: "Python", tool: "setuptools", names: []string{"setup.cfg"}, depth: 2, deps: true, test: "pytest", testRe: lazyregexp.New(`^\s*\[tool:pytest\]`), must: lazyregexp.New(`^\s*\[(metadata|options)\]`)},
	{lang: "Python", tool: "pip", names: []string{"requirements.txt", "requirements.in", "requirements-dev.txt", "dev-requirements.txt", "requirements_dev.txt", "requirements-test.txt"}, depth: 2, deps: true, runner: true},
	{lang: "Python", tool: "Pipenv", names: []string{"Pipfile"}, depth: 1, deps: true, locks: []string{"Pipfile.lock"}, runner: true},
	{lang: "Python", tool: "conda", names: []string{"environment.yml", "environment.yaml"}, depth: 1, deps: true, runner: true},
	{lang: "Python", tool: "tox", names: []string{"tox.ini"}, depth: 2, test: "tox", runner: true},
	{lang: "Python", tool: "nox", names: []string{"noxfile.py"}, depth: 1, test: "nox", runner: true},
	{lang: "Python", tool: "pytest", names: []string{"pytest.ini"}, depth: 2, test: "pytest", runner: true},
	{lang: "Java", tool: "Maven", names: []string{"pom.xml"}, depth: 2, deps: true, test: "mvn test"},
	{lang: "Java", tool: "Gradle", names: []string{"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}, depth: 2, deps: true, locks: []string{"gradle.lockfile"}, test: "gradle test"},
	{lang: "Scala", tool: "sbt", names: []string{"build.sbt"}, depth: 1, deps: true, test: "sbt test"},
	{lang: "Clojure", tool: "Leiningen", names: []string{"project.clj"}, depth: 1, deps: true, test: "lein test"},
	{lang: "Clojure", tool: "Clojure CLI", names: []string{"deps.edn"}, depth: 1, deps: true},
	// A solution lists projects, not dependencies: the projects do.
	{lang: ".NET", tool: ".NET", exts: []string{".sln", ".slnx"}, depth: 3, test: "dotnet test"},
	{lang: ".NET", tool: ".NET", exts: []string{".csproj", ".fsproj", ".vbproj"}, depth: 3, deps: true, locks: []string{"packages.lock.json"}, test: "dotnet test"},
	{lang: "Ruby", tool: "Bundler", names: []string{"Gemfile"}, depth: 1, deps: true, locks: []string{"Gemfile.lock"}},
	{lang: "Ruby", tool: "RubyGems", exts: []string{".gemspec"}, depth: 1, deps: true},
	{lang: "Ruby", tool: "Rake", names: []string{"Rakefile"}, depth: 1, test: "rake test", testRe: lazyregexp.New(`(?i)test|spec`)},
	{lang: "PHP", tool: "Composer", names: []string{"composer.json"}, depth: 1, deps: true, locks: []string{"composer.lock"}, test: "composer test", testRe: lazyregexp.New(`^\s*"test"\s*:`)},
	{lang: "PHP", tool: "PHPUnit", names: []string{"phpunit.xml", "phpunit.xml.dist"}, depth: 1, test: "vendor/bin/phpunit", runner: true},
	{lang: "C/C++", tool: "CMake", names: []string{"CMakeLists.txt"}, depth: 1, test: "ctest", testRe: lazyregexp.New(`(?i)^\s*(enable_testing|add_test|include\s*\(\s*CTest|gtest_discover_tests|catch_discover_tests)`)},
	{lang: "C/C++", tool: "Meson", names: []string{"meson.build"}, depth: 1, test: "meson test", testRe: lazyregexp.New(`^\s*test\s*\(`)},
	{lang: "C/C++", tool: "Autotools", names: []string{"configure.ac", "configure.in", "Makefile.am"}, depth: 1, test: "make check"},
	{lang: "", tool: "make", names: []string{"Makefile", "GNUmakefile", "makefile"}, depth: 0, test: "make test", testRe: lazyregexp.New(`^(test|tests)\s*:`)},
	{lang: "", tool: "make", names: []string{"Makefile", "GNUmakefile", "makefile"}, depth: 0, test: "make check", testRe: lazyregexp.New(`^check\s*:`)},
	{lang: "C/C++", tool: "Conan", names: []string{"conanfile.txt", "conanfile.py"}, depth: 1, deps: true, locks: []string{"conan.lock"}},
	{lang: "C/C++", tool: "vcpkg", names: []string{"vcpkg.json"}, depth: 1, deps: true},
	{lang: "", tool: "Bazel", names: []string{"MODULE.bazel", "WORKSPACE", "WORKSPACE.bazel"}, depth: 0, deps: true, locks: []string{"MODULE.bazel.lock"}, test: "bazel test //..."},
	{lang: "", tool: "Ant", names: []string{"build.xml"}, depth: 0},
	{lang: "Swift", tool: "Swift Package Manager", names: []string{"Package.swift"}, depth: 1, deps: true, locks: []string{"Package.resolved"}, test: "swift test"},
	{lang: "Swift", tool: "CocoaPods", names: []string{"Podfile"}, depth: 1, deps: true, locks: []string{"Podfile.lock"}},
	{lang: "R", tool: "R", names: []string{"DESCRIPTION"}, depth: 1, deps: true, locks: []string{"renv.lock"}, test: "R CMD check", must: lazyregexp.New(`^Package:\s*\S`)},
	{lang: "Elixir", tool: "Mix", names: []string{"mix.exs"}, depth: 1, deps: true, locks: []string{"mix.lock"}, test: "mix test"},
	{lang: "Erlang", tool: "rebar3", names: []string{"rebar.config"}, depth: 1, deps: true, locks: []string{"rebar.lock"}, test: "rebar3 eunit"},
	{lang: "Haskell", tool: "Cabal", exts: []string{".cabal"}, depth: 2, deps: true, locks: []string{"cabal.project.freeze"}, test: "cabal test"},
	{lang: "Haskell", tool: "Cabal", names: []string{"cabal.project"}, depth: 1, locks: []string{"cabal.project.freeze"}, test: "cabal test"},
	{lang: "Haskell", tool: "Stack", names: []string{"stack.yaml", "package.yaml"}, depth: 1, deps: true, locks: []string{"stack.yaml.lock"}, test: "stack test"},
	{lang: "Dart", tool: "pub", names: []string{"pubspec.yaml"}, depth: 1, deps: true, locks: []string{"pubspec.lock"}, test: "dart test"},
	{lang: "Zig", tool: "Zig", names: []string{"build.zig"}, depth: 1, test: "zig build test", testRe: lazyregexp.New(`"test"`)},
	{lang: "OCaml", tool: "dune", names: []string{"dune-project"}, exts: []string{".opam"}, depth: 1, deps: true, test: "dune test"},
	{lang: "Julia", tool: "Pkg", names: []string{"Project.toml"}, depth: 1, deps: true, locks: []string{"Manifest.toml"}, test: `julia -e "using Pkg; Pkg.test()"`},
	{lang: "Perl", tool: "ExtUtils::MakeMaker", names: []string{"Makefile.PL", "Build.PL", "dist.ini", "cpanfile"}, depth: 1, deps: true, test: "prove -l t"},
	{lang: "Lua", tool: "LuaRocks", exts: []string{".rockspec"}, depth: 1, deps: true},
	{lang: "Nim", tool: "Nimble", exts: []string{".nimble"}, depth: 1, deps: true, test: "nimble test"},
	{lang: "Crystal", tool: "Shards", names: []string{"shard.yml"}, depth: 1, deps: true, locks: []string{"shard.lock"}, test: "crystal spec"},
}

// notProject are directories whose manifests belong to examples, test data
// or other people's code, not to the project's own build.
var notProject = map[string]bool{
	"example": true, "examples": true, "sample": true, "samples": true, "testdata": true, "fixtures": true,
	"test": true, "tests": true, "third_party": true, "third-party": true, "thirdparty": true, "external": true,
	"extern": true, "deps": true, "docs": true, "doc": true, "demo": true, "demos": true, "benchmarks": true,
}

// manifest is a build file found in the repository.
type manifest struct {
	eco  *ecosystem
	idx  int // the ecosystem's place in the table: the order tools are named
	rel  string
	line int // the test script's line, when testRe matched
	test bool
}

// manifests finds every ecosystem's build files, shallowest first.
func (s *scanner) manifests() []manifest {
	if s.memo.manifestsDone {
		return s.memo.manifests
	}
	s.memo.manifestsDone = true
	byName := map[string][]int{}
	for i, e := range ecosystems {
		for _, n := range e.names {
			byName[n] = append(byName[n], i)
		}
	}
	var out []manifest
	for _, f := range s.files {
		depth := strings.Count(f, "/")
		if depth > 3 {
			continue
		}
		dir, base := path.Split(f)
		if depth > 0 && !projectDir(dir) {
			continue
		}
		idx := byName[base]
		for i, e := range ecosystems {
			for _, x := range e.exts {
				if strings.HasSuffix(base, x) && len(base) > len(x) {
					idx = append(idx, i)
				}
			}
		}
		for _, i := range idx {
			e := &ecosystems[i]
			if depth > e.depth {
				continue
			}
			m := manifest{eco: e, idx: i, rel: f}
			if e.must != nil {
				t := s.read(f)
				if t == nil || t.find(e.must) == 0 {
					continue
				}
			}
			if e.test != "" {
				m.test = true
				if e.testRe != nil {
					m.test = false
					if t := s.read(f); t != nil {
						if line := t.find(e.testRe); line > 0 && !strings.Contains(t.lines[line-1], npmDefaultTest) {
							m.test, m.line = true, line
						}
					}
				}
			}
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := strings.Count(out[i].rel, "/"), strings.Count(out[j].rel, "/")
		if di != dj {
			return di < dj
		}
		return out[i].idx < out[j].idx
	})
	s.memo.manifests = out
	return out
}

// inProject reports whether a file belongs to the project's own code.
func inProject(rel string) bool {
	d := path.Dir(rel)
	return d == "." || projectDir(d)
}

// projectDir reports whether a manifest in dir belongs to the project.
func projectDir(dir string) bool {
	for _, seg := range strings.Split(strings.Trim(dir, "/"), "/") {
		if notProject[strings.ToLower(seg)] || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// npmDefaultTest is what npm init writes: a test script that fails.
const npmDefaultTest = "no test specified"

var (
	testDirs = map[string]bool{"test": true, "tests": true, "spec": true, "specs": true, "__tests__": true, "testing": true, "t": true,
		"testthat": true, "unittests": true, "unit_tests": true, "integrationtests": true, "test-suite": true, "testsuite": true, "e2e": true}
	codeExts = map[string]bool{".go": true, ".rs": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".tsx": true,
		".jsx": true, ".mts": true, ".cts": true, ".java": true, ".kt": true, ".kts": true, ".c": true, ".cc": true, ".cpp": true, ".cxx": true,
		".h": true, ".hpp": true, ".rb": true, ".php": true, ".ex": true, ".exs": true, ".scala": true, ".swift": true, ".cs": true, ".fs": true,
		".vb": true, ".sh": true, ".bats": true, ".zig": true, ".hs": true, ".ml": true, ".lua": true, ".pl": true, ".pm": true, ".r": true,
		".jl": true, ".dart": true, ".erl": true, ".clj": true, ".cljs": true, ".groovy": true, ".m": true, ".mm": true, ".nim": true, ".cr": true}
	testNames = lazyregexp.New(`(?i)(_test\.(go|py|rb|exs|c|cc|cpp|dart|clj|lua|erl)|^test_.*\.(py|c|cc|cpp|ml)|\.(test|spec)\.(js|mjs|cjs|ts|tsx|jsx|mts|cts)|_spec\.(rb|lua|cr)|(Tests?|Spec|IT)\.(java|kt|cs|fs|scala|groovy|swift|php)|^test[-_].*\.r|\.t|_SUITE\.erl|Spec\.hs|^runtests\.jl)$`)
	// dotnetTestDir: a .NET test project's directory (App.Tests, App.UnitTests).
	dotnetTestDir = lazyregexp.New(`(?i)\.(unit|integration|functional)?tests?$`)
)

// testName reports whether a file's name marks it as tests. Most names do
// not hold "test", "spec" or the few other marks: those are settled without
// the pattern.
func testName(base string) bool {
	l := strings.ToLower(base)
	if !strings.Contains(l, "test") && !strings.Contains(l, "spec") && !strings.HasSuffix(l, ".t") &&
		!strings.Contains(l, "it.") && !strings.HasSuffix(l, "_suite.erl") {
		return false
	}
	return testNames.MatchString(base)
}

// isTestFile reports whether a file holds tests: by its name, or by being
// code in a test directory (fixtures and test data are not tests).
func isTestFile(rel string) bool {
	segs := strings.Split(rel, "/")
	for _, d := range segs[:len(segs)-1] {
		if d == "testdata" || d == "fixtures" || d == "__fixtures__" || d == "__snapshots__" || d == "node_modules" {
			return false
		}
	}
	if testName(segs[len(segs)-1]) {
		return true
	}
	if !codeExts[strings.ToLower(path.Ext(rel))] {
		return false
	}
	for _, d := range segs[:len(segs)-1] {
		if testDirs[strings.ToLower(d)] || dotnetTestDir.MatchString(d) {
			return true
		}
	}
	return strings.HasPrefix(rel, "src/test/") || strings.Contains(rel, "/src/test/")
}

// framework is a test framework, recognised by a file of its own or a
// phrase in a manifest or configuration.
type framework struct {
	name  string
	files []string           // configuration files, at the top or one level down
	re    *lazyregexp.Regexp // a phrase in the manifests
	dir   string             // a directory only it uses
}

var frameworks = []framework{
	{name: "pytest", files: []string{"pytest.ini", "conftest.py"}, re: lazyregexp.New(`^\s*\[(tool\.pytest\.ini_options|tool:pytest|pytest)\]`)},
	{name: "Jest", files: []string{"jest.config.js", "jest.config.ts", "jest.config.cjs", "jest.config.mjs", "jest.config.json"}, re: lazyregexp.New(`"jest"\s*:`)},
	{name: "Vitest", files: []string{"vitest.config.ts", "vitest.config.js", "vitest.config.mts", "vitest.workspace.ts"}, re: lazyregexp.New(`"vitest"\s*:`)},
	{name: "Mocha", files: []string{".mocharc.yml", ".mocharc.yaml", ".mocharc.json", ".mocharc.js", ".mocharc.cjs"}, re: lazyregexp.New(`"mocha"\s*:`)},
	{name: "Playwright", files: []string{"playwright.config.ts", "playwright.config.js"}},
	{name: "Cypress", files: []string{"cypress.config.ts", "cypress.config.js", "cypress.json"}},
	{name: "Karma", files: []string{"karma.conf.js"}},
	{name: "JUnit", re: lazyregexp.New(`(?i)junit`)},
	{name: "xUnit.net", re: lazyregexp.New(`Include="xunit`)},
	{name: "NUnit", re: lazyregexp.New(`Include="NUnit`)},
	{name: "MSTest", re: lazyregexp.New(`Include="MSTest`)},
	{name: "RSpec", files: []string{".rspec"}, dir: "spec"},
	{name: "PHPUnit", files: []string{"phpunit.xml", "phpunit.xml.dist"}},
	{name: "Pest", files: []string{"tests/Pest.php"}},
	{name: "testthat", dir: "tests/testthat"},
	{name: "tinytest", dir: "inst/tinytest"},
	{name: "GoogleTest", re: lazyregexp.New(`(?i)\b(gtest|googletest|GTest::)`)},
	{name: "Catch2", re: lazyregexp.New(`\bCatch2\b`)},
	{name: "CTest", re: lazyregexp.New(`(?i)^\s*(enable_testing|include\s*\(\s*CTest)`)},
	{name: "ExUnit", files: []string{"test/test_helper.exs"}},
	{name: "Hspec", re: lazyregexp.New(`\bhspec\b`)},
	{name: "tasty", re: lazyregexp.New(`\btasty\b`)},
	{name: "XCTest", dir: "Tests"},
	{name: "Test::More", dir: "t"},
	{name: "Bats", re: lazyregexp.New(`\bbats\b`)},
}

var coversEcosystems = []string{"build", "build_common_tools", "build_floss_tools", "test", "test_invocation",
	"osps_qa_02_01", "external_dependencies", "osps_br_05_01", "updateable_reused_components"}

// scanEcosystems: the build (build tools, their being common and free),
// the test suite and its standard command, the dependency lists.
func (s *scanner) scanEcosystems() {
	ms := s.manifests()
	var tools []string
	var builds []manifest
	seenTool := map[string]bool{}
	for _, m := range ms {
		if m.eco.runner {
			continue
		}
		builds = append(builds, m)
		if name := s.toolName(m); !seenTool[name] {
			seenTool[name] = true
			tools = append(tools, name)
		}
	}
	if len(tools) > 0 {
		first := builds[0]
		where := s.where(first.rel, 0)
		list := strings.Join(tools, ", ")
		s.add("build", model.Met, fair, s.T("ui.detect.j.build", "Tool", list, "Where", where), at(first.rel, 0))
		s.add("build_common_tools", model.Met, fair, s.T("ui.detect.j.build_common_tools", "Tool", s.toolName(first), "Where", where), at(first.rel, 0))
		s.add("build_floss_tools", model.Met, fair, s.T("ui.detect.j.build_floss_tools", "Tool", list, "Where", where), at(first.rel, 0))
	}
	s.scanDependencyLists(ms)
	s.scanTests(ms)
}

var buildBackend = lazyregexp.New(`^\s*build-backend\s*=\s*["']([\w.]+)`)

// toolName is the build tool a manifest stands for: a pyproject.toml
// names its build backend.
func (s *scanner) toolName(m manifest) string {
	if m.eco.tool != "pyproject.toml" {
		return m.eco.tool
	}
	if t := s.read(m.rel); t != nil {
		if line := t.find(buildBackend); line > 0 {
			switch b := buildBackend.FindStringSubmatch(t.lines[line-1])[1]; {
			case strings.HasPrefix(b, "hatchling"):
				return "Hatch"
			case strings.HasPrefix(b, "poetry"):
				return "Poetry"
			case strings.HasPrefix(b, "setuptools"):
				return "setuptools"
			case strings.HasPrefix(b, "flit"):
				return "Flit"
			case strings.HasPrefix(b, "pdm"):
				return "PDM"
			case strings.HasPrefix(b, "maturin"):
				return "maturin"
			case strings.HasPrefix(b, "uv"):
				return "uv"
			}
		}
	}
	return "pip (pyproject.toml)"
}

// scanDependencyLists: the manifests that list direct dependencies and the
// lock files that pin them (OSPS-QA-02.01, OSPS-BR-05.01; silver's
// external_dependencies and updateable_reused_components).
func (s *scanner) scanDependencyLists(ms []manifest) {
	var lists []manifest
	seen := map[string]bool{}
	for _, m := range ms {
		if m.eco.deps && !seen[m.rel] {
			seen[m.rel] = true
			lists = append(lists, m)
		}
	}
	if len(lists) == 0 {
		s.note("osps_qa_02_01", s.T("ui.detect.n.no_manifest"))
		return
	}
	first := lists[0]
	where := s.where(first.rel, 0)
	var names []string
	for i, m := range lists {
		if i == 4 {
			names = append(names, "…")
			break
		}
		names = append(names, safeID(m.rel))
	}
	list := strings.Join(names, ", ")
	s.add("osps_qa_02_01", model.Met, strong, s.T("ui.detect.j.dependency_list", "Files", list, "Where", where), at(first.rel, 0))
	s.add("external_dependencies", model.Met, strong, s.T("ui.detect.j.dependency_list", "Files", list, "Where", where), at(first.rel, 0))
	tool, _ := s.packageManager(first)
	s.add("osps_br_05_01", model.Met, fair, s.T("ui.detect.j.standard_deps", "Tool", tool, "Where", where), at(first.rel, 0))
	s.add("updateable_reused_components", model.Met, fair, s.T("ui.detect.j.updateable", "Tool", tool, "Where", where), at(first.rel, 0))
	// A lock file beside a manifest: the build takes exactly what was reviewed.
	for _, m := range lists {
		if tool, lock := s.packageManager(m); lock != "" {
			s.add("osps_br_05_01", model.Met, strong, s.T("ui.detect.j.standard_deps_lock", "Tool", tool, "Lock", s.where(lock, 0)), at(m.rel, 0), at(lock, 0))
			return
		}
	}
}

// lockTools name the package manager a lock file belongs to, where the
// manifest is shared (package.json serves npm, Yarn, pnpm and Bun).
var lockTools = map[string]string{
	"package-lock.json": "npm", "npm-shrinkwrap.json": "npm", "yarn.lock": "Yarn", "pnpm-lock.yaml": "pnpm",
	"bun.lockb": "Bun", "bun.lock": "Bun", "poetry.lock": "Poetry", "uv.lock": "uv", "pdm.lock": "PDM",
}

// packageManager is the tool that fetches a manifest's dependencies, and
// the lock file beside it ("" when none): yarn.lock makes it Yarn.
func (s *scanner) packageManager(m manifest) (tool, lock string) {
	dir := path.Dir(m.rel)
	if dir == "." {
		dir = ""
	}
	for _, l := range m.eco.locks {
		if rel := path.Join(dir, l); s.exists(rel) {
			if t := lockTools[l]; t != "" {
				return t, rel
			}
			return m.eco.tool, rel
		}
	}
	return m.eco.tool, ""
}

// scanTests: the test files, their frameworks and the standard command.
func (s *scanner) scanTests(ms []manifest) {
	var tests []string
	for _, f := range s.files {
		if isTestFile(f) {
			tests = append(tests, f)
		}
	}
	// A file named as a test is a better example than a helper beside it.
	for i, f := range tests {
		if testName(path.Base(f)) {
			tests[0], tests[i] = tests[i], tests[0]
			break
		}
	}
	s.memo.tests = tests
	if len(tests) == 0 {
		return
	}
	names := s.frameworks(ms)
	where := s.where(tests[0], 0)
	if len(names) > 0 {
		s.add("test", model.Met, fair, s.T("ui.detect.j.test_framework", "Framework", strings.Join(names, ", "), "Count", len(tests), "Where", where), at(tests[0], 0))
	} else {
		s.add("test", model.Met, fair, s.T("ui.detect.j.test", "Count", len(tests), "Where", where), at(tests[0], 0))
	}
	for _, m := range ms {
		if m.test {
			s.add("test_invocation", model.Met, fair, s.T("ui.detect.j.test_invocation", "Command", testCommand(s, m), "Where", s.where(m.rel, m.line)), at(m.rel, m.line))
			return
		}
	}
}

// testCommand is a manifest's test command, as this repository runs it.
func testCommand(s *scanner, m manifest) string {
	if m.eco.tool == "Gradle" {
		dir := path.Dir(m.rel)
		if dir == "." {
			dir = ""
		}
		if s.exists(path.Join(dir, "gradlew")) {
			return "./gradlew test"
		}
	}
	if m.eco.tool == "npm" {
		switch tool, _ := s.packageManager(m); tool {
		case "pnpm":
			return "pnpm test"
		case "Yarn":
			return "yarn test"
		case "Bun":
			return "bun test"
		}
	}
	return m.eco.test
}

// frameworks names the test frameworks the repository uses.
func (s *scanner) frameworks(ms []manifest) []string {
	var out []string
	for _, fw := range frameworks {
		found := false
		for _, f := range fw.files {
			if s.exists(f) {
				found = true
			}
		}
		if fw.dir != "" && s.hasDir(fw.dir) {
			found = true
		}
		if !found && fw.re != nil {
			for _, m := range ms {
				if t := s.read(m.rel); t != nil && t.find(fw.re) > 0 {
					found = true
					break
				}
			}
		}
		if found {
			out = append(out, fw.name)
		}
	}
	return out
}

// isRPackage reports whether the repository is an R package.
func (s *scanner) isRPackage() bool {
	for _, m := range s.manifests() {
		if m.eco.lang == "R" {
			return true
		}
	}
	return false
}

// langs counts the repository's source files by language family: what
// decides whether memory-unsafe code is there.
func (s *scanner) unsafeCode() (count int, example string) {
	for _, f := range s.files {
		switch strings.ToLower(path.Ext(f)) {
		case ".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".hh", ".m", ".mm", ".s", ".asm":
			if inProject(f) {
				if count == 0 {
					example = f
				}
				count++
			}
		}
	}
	return count, example
}
