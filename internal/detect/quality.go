package detect

import (
	"path"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// memo keeps what several sources look at, found once.
type memo struct {
	docs          []*text
	docsDone      bool
	manifests     []manifest
	manifestsDone bool
	tests         []string
	ci            []string
	ciDone        bool
	ciRun         []string // files continuous integration runs: its own and those it invokes
	workflows     []*workflow
	workflowsDone bool
	usesFound     map[toolKind][]use // tools found, by kind
	usesDone      bool
}

// ciFile reports whether a file configures continuous integration.
func ciFile(rel string) bool {
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	yml := ext == ".yml" || ext == ".yaml"
	switch strings.TrimSuffix(dir, "/") {
	case ".github/workflows", ".forgejo/workflows", ".gitea/workflows", ".woodpecker", ".builds", ".buildkite", ".gitlab/ci", ".azure-pipelines", ".tekton":
		return yml
	case ".circleci":
		return base == "config.yml"
	case ".semaphore":
		return base == "semaphore.yml"
	case "":
		switch base {
		case ".gitlab-ci.yml", ".travis.yml", "Jenkinsfile", "azure-pipelines.yml", ".woodpecker.yml",
			"bitbucket-pipelines.yml", "appveyor.yml", ".appveyor.yml", ".cirrus.yml", ".drone.yml", ".build.yml",
			"cloudbuild.yaml", "cloudbuild.yml", "codefresh.yml":
			return true
		}
	}
	// A composite action of the repository runs inside its workflows.
	return strings.HasPrefix(rel, ".github/actions/") && (base == "action.yml" || base == "action.yaml")
}

func (s *scanner) ciFiles() []string {
	if s.memo.ciDone {
		return s.memo.ci
	}
	s.memo.ciDone = true
	for _, f := range s.files {
		if ciFile(f) {
			s.memo.ci = append(s.memo.ci, f)
		}
	}
	s.memo.ciRun = append([]string(nil), s.memo.ci...)
	// What CI invokes runs in CI too: the Makefile behind "make lint", the
	// scripts it calls, the pre-commit hooks, tox's environments.
	invoked := map[string]bool{}
	for _, f := range s.memo.ci {
		t := s.read(f)
		if t == nil {
			continue
		}
		for _, l := range t.lines {
			for _, c := range ciInvokes {
				if c.re.MatchString(l) {
					for _, n := range c.files {
						if s.exists(n) {
							invoked[n] = true
						}
					}
				}
			}
			for _, sm := range scriptPath.FindAllStringSubmatch(l, -1) {
				m := strings.TrimPrefix(sm[1], "./")
				if s.exists(m) && !ciFile(m) {
					invoked[m] = true
				}
			}
		}
	}
	names := make([]string, 0, len(invoked))
	for n := range invoked {
		names = append(names, n)
	}
	sort.Strings(names)
	s.memo.ciRun = append(s.memo.ciRun, names...)
	return s.memo.ci
}

// ranInCI reports whether a file is run by continuous integration.
func (s *scanner) ranInCI(rel string) bool {
	s.ciFiles()
	for _, f := range s.memo.ciRun {
		if f == rel {
			return true
		}
	}
	return false
}

var (
	ciInvokes = []struct {
		re    *lazyregexp.Regexp
		files []string
	}{
		{lazyregexp.New(`\bmake\b`), []string{"Makefile", "GNUmakefile", "makefile"}},
		{lazyregexp.New(`\b(npm|yarn|pnpm|bun)\b`), []string{"package.json"}},
		{lazyregexp.New(`\btox\b`), []string{"tox.ini"}},
		{lazyregexp.New(`\bnox\b`), []string{"noxfile.py"}},
		{lazyregexp.New(`pre-commit`), []string{".pre-commit-config.yaml"}},
		{lazyregexp.New(`\bjust\b`), []string{"justfile", "Justfile"}},
		{lazyregexp.New(`\btask\b`), []string{"Taskfile.yml", "Taskfile.yaml"}},
		{lazyregexp.New(`\bcomposer\b`), []string{"composer.json"}},
		{lazyregexp.New(`\b(rake|bundle exec)\b`), []string{"Rakefile"}},
		{lazyregexp.New(`\bhatch\b`), []string{"pyproject.toml"}},
		{lazyregexp.New(`\bmage\b`), []string{"magefile.go"}},
	}
	scriptPath = lazyregexp.New(`(?:^|[\s"'=])(\.?/?[\w.-]+(?:/[\w.-]+)*\.(?:sh|bash|py|R|ps1|pl|rb|js|mjs|ts))\b`)
)

// buildConfigs are where tools are configured outside CI: build files,
// hooks and task runners at the top of the repository.
func (s *scanner) buildConfigs() []string {
	var out []string
	for _, n := range []string{"Makefile", "GNUmakefile", "makefile", ".pre-commit-config.yaml", "CMakeLists.txt", "meson.build", "package.json",
		"pyproject.toml", "setup.cfg", "tox.ini", "noxfile.py", "justfile", "Justfile", "Taskfile.yml", "build.sh", "Cargo.toml", ".cargo/config.toml",
		"Directory.Build.props", "pom.xml", "build.gradle", "build.gradle.kts", "composer.json", "Rakefile", "mix.exs", ".lefthook.yml", "lefthook.yml",
		".husky/pre-commit", "DESCRIPTION", "configure.ac", "Makefile.am"} {
		if s.exists(n) && !s.ranInCI(n) {
			out = append(out, n)
		}
	}
	// The build files of manifests below the top (src/Directory.Build.props,
	// a package's pyproject.toml).
	seen := map[string]bool{}
	for _, n := range out {
		seen[n] = true
	}
	for _, m := range s.manifests() {
		if !seen[m.rel] && !s.ranInCI(m.rel) && strings.Contains(m.rel, "/") {
			seen[m.rel] = true
			out = append(out, m.rel)
		}
	}
	for _, f := range s.files {
		if path.Base(f) == "Directory.Build.props" && strings.Count(f, "/") <= 2 && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

var ciTests = lazyregexp.New(`(?i)\b(go test|gotestsum|cargo (test|nextest|llvm-cov)|(npm|yarn|pnpm|bun)( run)? test|npx (jest|vitest|mocha|playwright)|vitest|jest\b|mocha\b|playwright test|cypress run|pytest|python -m (pytest|unittest)|tox|nox|hatch (run )?test|make (test|check|unittest)|ctest|meson test|mvnw?\b.*\b(test|verify|install|package)|gradlew?\b.*\b(test|check|build)|bazel test|mix test|dotnet test|swift test|xcodebuild\b.*\btest|rspec|rake (test|spec)?|bundle exec rake|phpunit|composer (run )?test|vendor/bin/pest|zig build test|deno test|stack (test|build --test)|cabal test|dune (test|runtest)|dart test|flutter test|prove\b|crystal spec|nimble test|sbt\b.*\btest|lein test|R CMD check|rcmdcheck|check-r-package|devtools::(test|check)|testthat::|julia-runtest|Pkg\.test|rebar3 (eunit|ct)|bats\b)`)

var coversCI = []string{"test_continuous_integration", "automated_integration_testing", "osps_qa_06_01"}

func (s *scanner) scanCI() {
	files := s.ciFiles()
	if len(files) == 0 {
		return
	}
	for _, f := range files {
		t := s.readFor(f, coversCI...)
		if t == nil {
			continue
		}
		line := t.find(ciTests)
		if line == 0 {
			continue
		}
		where := s.where(f, line)
		s.add("test_continuous_integration", model.Met, strong, s.T("ui.detect.j.ci_tests", "Where", where), at(f, line))
		// Tests that run before a change is merged: pull requests.
		if w := s.workflowOf(f); w != nil {
			if w.onChanges() {
				s.add("automated_integration_testing", model.Met, strong, s.T("ui.detect.j.ci_tests_pr", "Where", where), at(f, line))
				s.add("osps_qa_06_01", model.Met, strong, s.T("ui.detect.j.ci_tests_pr", "Where", where), at(f, line))
			}
			continue
		}
		// Other CI systems build pull requests by default, not always.
		s.confirm("automated_integration_testing", model.Met, s.T("ui.detect.j.ci_tests", "Where", where), s.T("ui.detect.c.ci_on_changes"), at(f, line))
		s.confirm("osps_qa_06_01", model.Met, s.T("ui.detect.j.ci_tests", "Where", where), s.T("ui.detect.c.ci_on_changes"), at(f, line))
	}
	if _, ok := s.rep.Proposals["test_continuous_integration"]; !ok {
		for _, f := range files {
			if s.read(f) != nil {
				s.confirm("test_continuous_integration", model.Met, s.T("ui.detect.j.ci", "Where", s.where(f, 0)), s.T("ui.detect.c.ci"), at(f, 0))
				break
			}
		}
	}
}

// toolKind says what a tool does, as the criteria ask for it.
type toolKind int

const (
	kindLint      toolKind = 1 << iota // warnings about code: a linter, a compiler's warnings
	kindSAST                           // static analysis beyond warnings
	kindVulns                          // looks for common vulnerabilities
	kindFormat                         // checks the coding style (a formatter, a style linter)
	kindSecrets                        // finds committed credentials
	kindDeps                           // finds vulnerable dependencies
	kindFuzz                           // a fuzzer
	kindSanitizer                      // a dynamic checker of memory and undefined behaviour
	kindRace                           // another dynamic checker (race detector)
	kindStrict                         // warnings made errors
	kindCoverage                       // measures test coverage
)

// tool is something recognised by a phrase in CI or build files, or by a
// configuration file of its own. Its name is what justifications call it:
// each phrase of re must be that tool's (a flag shared by several tools
// is an entry of its own, named after the flag).
type tool struct {
	name    string
	kind    toolKind
	re      *lazyregexp.Regexp
	configs []string // its configuration files, at the top of the repository
	// skip: a line matching it is not this tool's, though re matches it
	// (automake's own -Wall -Werror are not the compiler's).
	skip *lazyregexp.Regexp
}

// find is the first line of t where the tool is found, 0 when none.
func (tl *tool) find(t *text) int {
	for i, l := range t.lines {
		if tl.re.MatchString(l) && (tl.skip == nil || !tl.skip.MatchString(l)) {
			return i + 1
		}
	}
	return 0
}

// autotoolsLine is a line about autotools' own warnings: automake's options
// (AM_INIT_AUTOMAKE([-Wall -Werror foreign]), AUTOMAKE_OPTIONS) and the
// autotools commands, whose -Wall and -Werror are not the compiler's.
var autotoolsLine = lazyregexp.New(`AM_INIT_AUTOMAKE|AUTOMAKE_OPTIONS|\b(autoreconf|automake|aclocal|autoconf|autoheader|libtoolize)\b`)

var tools = []tool{
	// Security-focused static analysis.
	{name: "CodeQL", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)codeql-action/(init|analyze|autobuild)|codeql (database|analyze)|\bcodeql-config`)},
	{name: "gosec", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bgosec\b`)},
	{name: "Semgrep", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bsemgrep\b`), configs: []string{".semgrep.yml", ".semgrep.yaml", "semgrep.yml"}},
	{name: "SonarQube", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bsonar(qube|cloud|source|-scanner|scanner)?\b`), configs: []string{"sonar-project.properties"}},
	{name: "Coverity", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bcoverity\b`)},
	{name: "Bandit", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bbandit\b`), configs: []string{".bandit"}},
	{name: "Flawfinder", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bflawfinder\b`)},
	{name: "Brakeman", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bbrakeman\b`)},
	{name: "Sobelow", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bsobelow\b`)},
	{name: "Snyk Code", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bsnyk code\b`)},
	{name: "Security Code Scan", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)SecurityCodeScan`)},
	{name: "DevSkim", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bdevskim\b`)},
	{name: "njsscan", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bnjsscan\b`)},
	{name: "FindSecBugs", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)findsecbugs`)},
	{name: "zizmor", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bzizmor\b`)},
	{name: "Psalm", kind: kindSAST | kindVulns, re: lazyregexp.New(`(?i)\bpsalm\b`), configs: []string{"psalm.xml", "psalm.xml.dist"}},
	// Static analysis.
	{name: "staticcheck", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bstaticcheck\b`), configs: []string{"staticcheck.conf"}},
	{name: "golangci-lint", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)golangci`), configs: []string{".golangci.yml", ".golangci.yaml", ".golangci.toml", ".golangci.json"}},
	{name: "cppcheck", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bcppcheck\b`)},
	{name: "clang-tidy", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bclang-tidy\b`), configs: []string{".clang-tidy"}},
	{name: "Clang Static Analyzer", kind: kindSAST, re: lazyregexp.New(`\bscan-build\b|\bclang(\+\+)?\b.*\s--analyze\b`)},
	{name: "SpotBugs", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bspotbugs\b`)},
	{name: "PMD", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`\bpmd\b`)},
	{name: "Error Prone", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)errorprone|error_prone`)},
	{name: "Infer", kind: kindSAST, re: lazyregexp.New(`\bfbinfer\b|\binfer run\b`)},
	{name: "Clippy", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\bclippy\b`), configs: []string{"clippy.toml", ".clippy.toml"}},
	{name: "PHPStan", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bphpstan\b`), configs: []string{"phpstan.neon", "phpstan.neon.dist", "phpstan.dist.neon"}},
	{name: "ShellCheck", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bshellcheck\b`), configs: []string{".shellcheckrc"}},
	{name: "mypy", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bmypy\b`), configs: []string{"mypy.ini", ".mypy.ini"}},
	{name: "Pyright", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bpyright\b`), configs: []string{"pyrightconfig.json"}},
	{name: "Dialyzer", kind: kindSAST, re: lazyregexp.New(`(?i)\bdialyzer\b|dialyxir`)},
	{name: "Credo", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\bcredo\b`), configs: []string{".credo.exs"}},
	{name: "HLint", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\bhlint\b`), configs: []string{".hlint.yaml"}},
	{name: "SwiftLint", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\bswiftlint\b`), configs: []string{".swiftlint.yml", ".swiftlint.yaml"}},
	{name: "detekt", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\bdetekt\b`), configs: []string{"detekt.yml", "config/detekt/detekt.yml"}},
	{name: "lintr", kind: kindSAST | kindLint | kindFormat, re: lazyregexp.New(`(?i)\blintr\b`), configs: []string{".lintr"}},
	{name: "Checkstyle", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bcheckstyle\b`), configs: []string{"checkstyle.xml", "config/checkstyle/checkstyle.xml"}},
	{name: "actionlint", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bactionlint\b`)},
	{name: "hadolint", kind: kindLint, re: lazyregexp.New(`(?i)\bhadolint\b`), configs: []string{".hadolint.yaml", ".hadolint.yml"}},
	{name: ".NET analyzers", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)<(EnableNETAnalyzers|AnalysisLevel|AnalysisMode)>`)},
	{name: "Roslynator", kind: kindSAST | kindLint, re: lazyregexp.New(`(?i)\bRoslynator\b`)},
	{name: "StyleCop", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)StyleCop\.Analyzers`)},
	// Linters: warnings about the language's pitfalls.
	{name: "go vet", kind: kindLint, re: lazyregexp.New(`\bgo vet\b`)},
	{name: "ESLint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\beslint\b`), configs: []string{".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json", ".eslintrc.yml", ".eslintrc.yaml", "eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts"}},
	{name: "Biome", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bbiome\b`), configs: []string{"biome.json", "biome.jsonc"}},
	{name: "oxlint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\boxlint\b`), configs: []string{".oxlintrc.json"}},
	{name: "TSLint", kind: kindLint | kindFormat, configs: []string{"tslint.json"}},
	{name: "Pylint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bpylint\b`), configs: []string{".pylintrc", "pylintrc"}},
	{name: "Ruff", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bruff\b`), configs: []string{"ruff.toml", ".ruff.toml"}},
	{name: "Flake8", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bflake8\b`), configs: []string{".flake8"}},
	{name: "RuboCop", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\brubocop\b`), configs: []string{".rubocop.yml"}},
	{name: "Standard", kind: kindLint | kindFormat, configs: []string{".standard.yml"}},
	{name: "PHP_CodeSniffer", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bphpcs\b`), configs: []string{"phpcs.xml", "phpcs.xml.dist", ".phpcs.xml", ".phpcs.xml.dist"}},
	{name: "stylelint", kind: kindLint | kindFormat, configs: []string{".stylelintrc", ".stylelintrc.json", "stylelint.config.js"}},
	{name: "ktlint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\bktlint\b`)},
	{name: "yamllint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)\byamllint\b`), configs: []string{".yamllint", ".yamllint.yml", ".yamllint.yaml"}},
	{name: "markdownlint", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)markdownlint`)},
	{name: "MegaLinter", kind: kindLint | kindSAST | kindFormat, re: lazyregexp.New(`(?i)mega-?linter`), configs: []string{".mega-linter.yml"}},
	{name: "Super-Linter", kind: kindLint | kindFormat, re: lazyregexp.New(`(?i)super-linter`)},
	{name: "compiler warnings", kind: kindLint, re: lazyregexp.New(`(-Wall\b|-Wextra\b|-Wpedantic\b|<WarningLevel>|ghc-options:.*-Wall|AX_(C|CXX)FLAGS_WARN_ALL|AX_COMPILER_FLAGS\b|/W4\b|-Xlint\b)`), skip: autotoolsLine},
	{name: "R CMD check", kind: kindLint, re: lazyregexp.New(`R CMD check|rcmdcheck|check-r-package`)},
	// Style enforcement.
	{name: "gofmt", kind: kindFormat, re: lazyregexp.New(`\bgofmt\b|\bgofumpt\b|\bgoimports\b`)},
	{name: "rustfmt", kind: kindFormat, re: lazyregexp.New(`cargo fmt|rustfmt`), configs: []string{"rustfmt.toml", ".rustfmt.toml"}},
	{name: "Prettier", kind: kindFormat, re: lazyregexp.New(`(?i)\bprettier\b`), configs: []string{".prettierrc", ".prettierrc.json", ".prettierrc.yml", ".prettierrc.yaml", ".prettierrc.js", "prettier.config.js"}},
	{name: "Black", kind: kindFormat, re: lazyregexp.New(`\bblack\b`)},
	{name: "clang-format", kind: kindFormat, re: lazyregexp.New(`(?i)clang-format`), configs: []string{".clang-format"}},
	{name: "dotnet format", kind: kindFormat, re: lazyregexp.New(`dotnet format`)},
	{name: "styler", kind: kindFormat, re: lazyregexp.New(`\bstyler\b`)},
	{name: "mix format", kind: kindFormat, re: lazyregexp.New(`mix format`)},
	{name: "swift-format", kind: kindFormat, re: lazyregexp.New(`swift-format|swiftformat`)},
	{name: "Spotless", kind: kindFormat, re: lazyregexp.New(`(?i)\bspotless\b`)},
	{name: "ormolu", kind: kindFormat, re: lazyregexp.New(`(?i)\b(ormolu|fourmolu|stylish-haskell)\b`)},
	// Warnings as errors.
	{name: "-Werror", kind: kindStrict, re: lazyregexp.New(`-Werror\b`), skip: autotoolsLine},
	{name: "-D warnings", kind: kindStrict, re: lazyregexp.New(`-D ?warnings\b|RUSTFLAGS.*-D(eny)? ?warnings|-Dwarnings\b`)},
	{name: "--deny warnings", kind: kindStrict, re: lazyregexp.New(`--deny[ =]warnings`)},
	{name: "--max-warnings 0", kind: kindStrict, re: lazyregexp.New(`--max-warnings[ =]0\b`)},
	{name: "werror=true", kind: kindStrict, re: lazyregexp.New(`werror\s*=\s*true`)},
	{name: "--werror", kind: kindStrict, re: lazyregexp.New(`--werror\b`)},
	{name: "TreatWarningsAsErrors", kind: kindStrict, re: lazyregexp.New(`(?i)TreatWarningsAsErrors>\s*true|TreatWarningsAsErrors=true`)},
	{name: "-warnaserror", kind: kindStrict, re: lazyregexp.New(`(?i)(^|\s)[-/]warnaserror\b`)},
	{name: "/WX", kind: kindStrict, re: lazyregexp.New(`(^|\s|")/WX\b`)},
	{name: "--warnings-as-errors", kind: kindStrict, re: lazyregexp.New(`--warnings-as-errors\b`)},
	{name: "allWarningsAsErrors", kind: kindStrict, re: lazyregexp.New(`allWarningsAsErrors\s*(=|\.set\()\s*true`)},
	{name: "error_on = \"warning\"", kind: kindStrict, re: lazyregexp.New(`error[-_]on\s*[:=]\s*['"]*warning|error_on_warning\s*[:=]\s*"?(true|TRUE)`)},
	{name: "LINTR_ERROR_ON_LINT", kind: kindStrict, re: lazyregexp.New(`LINTR_ERROR_ON_LINT\s*[:=]\s*"?(true|TRUE)`)},
	{name: "--fail-on-warning", kind: kindStrict, re: lazyregexp.New(`--fail-on-warning\b`)},
	{name: "--strict-warnings", kind: kindStrict, re: lazyregexp.New(`--strict-warnings\b`)},
	{name: "fail_on_warning", kind: kindStrict, re: lazyregexp.New(`fail_on_warning\s*:\s*true`)},
	// Committed secrets.
	{name: "Gitleaks", kind: kindSecrets, re: lazyregexp.New(`(?i)gitleaks`), configs: []string{".gitleaks.toml", ".gitleaksignore"}},
	{name: "TruffleHog", kind: kindSecrets, re: lazyregexp.New(`(?i)trufflehog`)},
	{name: "detect-secrets", kind: kindSecrets, re: lazyregexp.New(`(?i)detect-secrets`), configs: []string{".secrets.baseline"}},
	{name: "ggshield", kind: kindSecrets, re: lazyregexp.New(`(?i)ggshield|gitguardian`)},
	{name: "secretlint", kind: kindSecrets, re: lazyregexp.New(`(?i)secretlint`), configs: []string{".secretlintrc.json"}},
	// Vulnerable dependencies.
	{name: "govulncheck", kind: kindDeps, re: lazyregexp.New(`\bgovulncheck\b`)},
	{name: "cargo audit", kind: kindDeps, re: lazyregexp.New(`cargo[- ]audit|rustsec/audit-check`)},
	{name: "cargo deny", kind: kindDeps, re: lazyregexp.New(`cargo[- ]deny`), configs: []string{"deny.toml"}},
	{name: "npm audit", kind: kindDeps, re: lazyregexp.New(`\b(npm|yarn|pnpm) audit\b`)},
	{name: "pip-audit", kind: kindDeps, re: lazyregexp.New(`\bpip-audit\b`)},
	{name: "Safety", kind: kindDeps, re: lazyregexp.New(`\bsafety (check|scan)\b`)},
	{name: "OSV-Scanner", kind: kindDeps, re: lazyregexp.New(`(?i)osv-scanner|google/osv`)},
	{name: "Dependency Review", kind: kindDeps, re: lazyregexp.New(`dependency-review-action`)},
	{name: "Snyk", kind: kindDeps, re: lazyregexp.New(`(?i)\bsnyk (test|monitor)\b|snyk/actions`)},
	{name: "Trivy", kind: kindDeps, re: lazyregexp.New(`(?i)\btrivy\b`)},
	{name: "Grype", kind: kindDeps, re: lazyregexp.New(`(?i)\bgrype\b`)},
	{name: "bundler-audit", kind: kindDeps, re: lazyregexp.New(`bundle(r-)? audit`)},
	{name: "OWASP Dependency-Check", kind: kindDeps, re: lazyregexp.New(`(?i)dependency-check`)},
	{name: "dotnet list package --vulnerable", kind: kindDeps, re: lazyregexp.New(`--vulnerable`)},
	{name: "mix_audit", kind: kindDeps, re: lazyregexp.New(`mix (deps\.)?audit|mix_audit`)},
	{name: "composer audit", kind: kindDeps, re: lazyregexp.New(`composer audit`)},
	{name: "oss-review-toolkit", kind: kindDeps, re: lazyregexp.New(`(?i)oss-review-toolkit`)},
	{name: "FOSSA", kind: kindDeps, re: lazyregexp.New(`(?i)\bfossa\b`), configs: []string{".fossa.yml"}},
	{name: "Socket", kind: kindDeps, re: lazyregexp.New(`(?i)socket\.dev|socketdev`)},
	{name: "rosv", kind: kindDeps, re: lazyregexp.New(`\brosv\b|oysteR`)},
	// Dynamic analysis.
	{name: "ClusterFuzzLite", kind: kindFuzz, re: lazyregexp.New(`(?i)clusterfuzzlite`)},
	{name: "CIFuzz", kind: kindFuzz, re: lazyregexp.New(`(?i)\bcifuzz\b|oss-fuzz`)},
	// Go's flag, not afl-fuzz's name: a space or "go test" before it.
	{name: "go test -fuzz", kind: kindFuzz, re: lazyregexp.New(`(?i)\bgo\)?\}?\s+test\b.*\s-fuzz[= ]|\s-fuzz=Fuzz`)},
	{name: "cargo fuzz", kind: kindFuzz, re: lazyregexp.New(`cargo[ +].*\bfuzz\b`)},
	{name: "Atheris", kind: kindFuzz, re: lazyregexp.New(`(?i)\batheris\b`)},
	{name: "Jazzer", kind: kindFuzz, re: lazyregexp.New(`(?i)\bjazzer\b`)},
	{name: "AFL++", kind: kindFuzz, re: lazyregexp.New(`(?i)\bafl(\+\+|-fuzz|plusplus)`)},
	{name: "SharpFuzz", kind: kindFuzz, re: lazyregexp.New(`(?i)\bsharpfuzz\b`)},
	{name: "libFuzzer", kind: kindFuzz, re: lazyregexp.New(`-fsanitize=[a-z,]*fuzzer|libfuzzer-dotnet`)},
	{name: "AddressSanitizer", kind: kindSanitizer, re: lazyregexp.New(`-fsanitize=[a-z,]*address|ASAN_OPTIONS|b_sanitize=[a-z,]*address`)},
	{name: "MemorySanitizer", kind: kindSanitizer, re: lazyregexp.New(`-fsanitize=[a-z,]*memory|MSAN_OPTIONS|b_sanitize=[a-z,]*memory`)},
	{name: "UndefinedBehaviorSanitizer", kind: kindSanitizer, re: lazyregexp.New(`-fsanitize=[a-z,]*undefined|UBSAN_OPTIONS|b_sanitize=[a-z,]*undefined`)},
	{name: "Valgrind", kind: kindSanitizer, re: lazyregexp.New(`(?i)\bvalgrind\b`)},
	{name: "Miri", kind: kindSanitizer, re: lazyregexp.New(`cargo[ +].*\bmiri\b`)},
	// Test coverage.
	{name: "Codecov", kind: kindCoverage, re: lazyregexp.New(`(?i)codecov`), configs: []string{"codecov.yml", ".codecov.yml"}},
	{name: "Coveralls", kind: kindCoverage, re: lazyregexp.New(`(?i)coveralls`)},
	{name: "go test -cover", kind: kindCoverage, re: lazyregexp.New(`(?i)\bgo\)?\}?\s+test\b.*\s-cover(profile|pkg|mode)?\b|\s-coverprofile[= ]`)},
	{name: "mix test --cover", kind: kindCoverage, re: lazyregexp.New(`mix test\b.*--cover\b`)},
	{name: "coverage.py", kind: kindCoverage, re: lazyregexp.New(`--cov\b|--cov=|\bcoverage (run|report|xml)\b|pytest-cov`), configs: []string{".coveragerc"}},
	{name: "covr", kind: kindCoverage, re: lazyregexp.New(`\bcovr\b`)},
	{name: "JaCoCo", kind: kindCoverage, re: lazyregexp.New(`(?i)jacoco`)},
	{name: "cargo tarpaulin", kind: kindCoverage, re: lazyregexp.New(`tarpaulin`)},
	{name: "cargo llvm-cov", kind: kindCoverage, re: lazyregexp.New(`cargo[- ]llvm-cov`)},
	{name: "coverlet", kind: kindCoverage, re: lazyregexp.New(`(?i)coverlet|XPlat Code Coverage`)},
	{name: "c8", kind: kindCoverage, re: lazyregexp.New(`\bc8\b`)},
	{name: "nyc", kind: kindCoverage, re: lazyregexp.New(`\bnyc\b`)},
	{name: "Jest --coverage", kind: kindCoverage, re: lazyregexp.New(`\bjest\b.*--coverage\b`)},
	{name: "Vitest coverage", kind: kindCoverage, re: lazyregexp.New(`\bvitest\b.*coverage`)},
	{name: "SimpleCov", kind: kindCoverage, re: lazyregexp.New(`(?i)simplecov`)},
	{name: "gcov", kind: kindCoverage, re: lazyregexp.New(`\b(gcovr|lcov|gcov)\b|(?i:\b(CFLAGS|CXXFLAGS|LDFLAGS|gcc|g\+\+|clang)\b).*\s--coverage\b|-fprofile-arcs`)},
	// A flag that several tools share is named as it is written.
	{name: "--coverage", kind: kindCoverage, re: lazyregexp.New(`\s--coverage\b`)},
	{name: "go test -race", kind: kindRace, re: lazyregexp.New(`(?i)\bgo\)?\}?\s+test\b.*\s-race\b|\s-race(\s|$)`)},
	{name: "ThreadSanitizer", kind: kindRace, re: lazyregexp.New(`-fsanitize=[a-z,]*thread|TSAN_OPTIONS|b_sanitize=[a-z,]*thread`)},
}

// use is a tool found: where, and whether CI runs it there.
type use struct {
	tool *tool
	rel  string
	line int
	ci   bool
	// via: what the tool runs that counts here (golangci-lint's gosec),
	// and cfg the evidence "path:line" of the configuration enabling it.
	via, cfg string
}

// label is the tool as a justification names it: "golangci-lint (gosec)".
func (u use) label() string {
	if u.via != "" {
		return u.tool.name + " (" + u.via + ")"
	}
	return u.tool.name
}

// evidence is where it was found, and the configuration enabling it.
func (u use) evidence() []string {
	if u.cfg != "" {
		return []string{at(u.rel, u.line), u.cfg}
	}
	return []string{at(u.rel, u.line)}
}

// uses finds every tool of the table: in the files CI runs (strongest),
// in build files and hooks, or by its configuration file.
func (s *scanner) uses() map[toolKind][]use {
	if s.memo.usesDone {
		return s.memo.usesFound
	}
	s.memo.usesDone = true
	found := map[toolKind][]use{}
	seen := map[*tool]bool{}
	record := func(u use) {
		if seen[u.tool] {
			return
		}
		seen[u.tool] = true
		for bit := kindLint; bit <= kindCoverage; bit <<= 1 {
			if u.tool.kind&bit != 0 {
				found[bit] = append(found[bit], u)
			}
		}
	}
	s.ciFiles()
	for pass, files := range [][]string{s.memo.ciRun, s.buildConfigs()} {
		for _, f := range files {
			t := s.read(f)
			if t == nil {
				continue
			}
			for i := range tools {
				tl := &tools[i]
				if tl.re == nil {
					continue
				}
				if line := tl.find(t); line > 0 {
					record(use{tool: tl, rel: f, line: line, ci: pass == 0})
				}
			}
		}
	}
	for i := range tools {
		tl := &tools[i]
		for _, c := range tl.configs {
			if s.exists(c) {
				record(use{tool: tl, rel: c})
				break
			}
		}
	}
	s.golangciLinters(found, record)
	s.memo.usesFound = found
	return found
}

// best is the first use of a kind run in CI, else the first found.
func best(us []use) (use, bool) {
	for _, u := range us {
		if u.ci {
			return u, true
		}
	}
	if len(us) > 0 {
		return us[0], true
	}
	return use{}, false
}

var coversAnalysis = []string{"test_most", "warnings", "warnings_strict", "static_analysis", "static_analysis_common_vulnerabilities", "static_analysis_often",
	"coding_standards_enforced", "no_leaked_credentials", "osps_br_07_01", "dynamic_analysis", "dynamic_analysis_unsafe", "osps_vm_06_02"}

func (s *scanner) scanAnalysis() {
	found := s.uses()
	// A linter that golangci-lint's configuration enables is read off
	// the configuration, not seen running: one level lower.
	conf := func(u use) int {
		switch {
		case u.ci && u.via == "":
			return strong
		case u.ci || u.via == "":
			return fair
		}
		return weak
	}
	if u, ok := best(found[kindLint]); ok {
		s.add("warnings", model.Met, conf(u), s.T("ui.detect.j.warnings", "Tool", u.label(), "Where", s.where(u.rel, u.line)), u.evidence()...)
	}
	if u, ok := best(found[kindStrict]); ok {
		where := s.where(u.rel, u.line)
		s.add("warnings_strict", model.Met, conf(u), s.T("ui.detect.j.warnings_strict", "Flag", u.label(), "Where", where), u.evidence()...)
		// Warnings made errors are warnings enabled.
		s.add("warnings", model.Met, conf(u), s.T("ui.detect.j.warnings_strict", "Flag", u.label(), "Where", where), u.evidence()...)
	}
	// Static analysis: a dedicated tool counts as it is; a linter is
	// static analysis of a kind, which a maintainer may judge enough.
	var sast, vulns []use
	for _, u := range found[kindSAST] {
		if u.tool.kind&kindLint == 0 || u.tool.kind&kindVulns != 0 {
			sast = append(sast, u)
		}
	}
	vulns = found[kindVulns]
	if u, ok := best(sast); ok && conf(u) > weak {
		where := s.where(u.rel, u.line)
		s.add("static_analysis", model.Met, conf(u), s.T("ui.detect.j.static_analysis", "Tool", u.label(), "Where", where), u.evidence()...)
	}
	if u, ok := best(found[kindSAST]); ok {
		where := s.where(u.rel, u.line)
		c := fair
		if !u.ci {
			c = weak
		}
		if c == weak {
			s.confirm("static_analysis", model.Met, s.T("ui.detect.j.static_analysis_config", "Tool", u.label(), "Where", where), s.T("ui.detect.c.static_analysis"), u.evidence()...)
		} else {
			s.add("static_analysis", model.Met, c, s.T("ui.detect.j.static_analysis", "Tool", u.label(), "Where", where), u.evidence()...)
		}
		if u.ci {
			s.add("static_analysis_often", model.Met, strong, s.T("ui.detect.j.static_analysis_often", "Tool", u.label(), "Where", where), u.evidence()...)
		}
	}
	if u, ok := best(vulns); ok {
		where := s.where(u.rel, u.line)
		if c := conf(u); c == weak {
			s.confirm("static_analysis_common_vulnerabilities", model.Met, s.T("ui.detect.j.static_analysis_vulns", "Tool", u.label(), "Where", where), s.T("ui.detect.c.static_analysis"), u.evidence()...)
		} else {
			s.add("static_analysis_common_vulnerabilities", model.Met, c, s.T("ui.detect.j.static_analysis_vulns", "Tool", u.label(), "Where", where), u.evidence()...)
		}
		if u.ci {
			s.add("static_analysis_often", model.Met, strong, s.T("ui.detect.j.static_analysis_often", "Tool", u.label(), "Where", where), u.evidence()...)
			if w := s.workflowOf(u.rel); w == nil || w.onChanges() {
				s.confirm("osps_vm_06_02", model.Met, s.T("ui.detect.j.sast_on_changes", "Tool", u.label(), "Where", where), s.T("ui.detect.c.required_check"), u.evidence()...)
			}
		}
	}
	// Only a tool that checks the style says it is enforced: a bug finder
	// (SpotBugs, PHPStan) or the compiler's warnings do not.
	if u, ok := best(found[kindFormat]); ok {
		where := s.where(u.rel, u.line)
		if u.ci {
			s.add("coding_standards_enforced", model.Met, strong, s.T("ui.detect.j.style_enforced", "Tool", u.label(), "Where", where), u.evidence()...)
		} else {
			s.confirm("coding_standards_enforced", model.Met, s.T("ui.detect.j.style_configured", "Tool", u.label(), "Where", where), s.T("ui.detect.c.style_enforced"), u.evidence()...)
		}
	}
	if u, ok := best(found[kindSecrets]); ok {
		where := s.where(u.rel, u.line)
		s.add("no_leaked_credentials", model.Met, conf(u), s.T("ui.detect.j.secrets_scan", "Tool", u.label(), "Where", where), u.evidence()...)
		s.add("osps_br_07_01", model.Met, conf(u), s.T("ui.detect.j.secrets_scan", "Tool", u.label(), "Where", where), u.evidence()...)
	} else if line, ok := s.ignoresSecrets(); ok {
		s.confirm("osps_br_07_01", model.Met, s.T("ui.detect.j.secrets_ignored", "Where", s.where(".gitignore", line)), s.T("ui.detect.c.secrets"), at(".gitignore", line))
	}
	// Coverage measured says how much is tested; whether that is most of
	// the code is for a maintainer to read off the report.
	if u, ok := best(found[kindCoverage]); ok {
		s.confirm("test_most", model.Met, s.T("ui.detect.j.coverage", "Tool", u.label(), "Where", s.where(u.rel, u.line)), s.T("ui.detect.c.coverage"), u.evidence()...)
	}
	s.scanDynamic(found)
}

var secretIgnore = lazyregexp.New(`^\s*(\*\*/)?(\.env\b|\*\.pem\b|\*\.key\b|\.env\.\*|\*\.p12\b|credentials|secrets?\b)`)

// ignoresSecrets: .gitignore keeps the usual secret files out of commits.
func (s *scanner) ignoresSecrets() (int, bool) {
	if !s.exists(".gitignore") {
		return 0, false
	}
	t := s.read(".gitignore")
	if t == nil {
		return 0, false
	}
	line := t.find(secretIgnore)
	return line, line > 0
}

var (
	fuzzFiles = lazyregexp.New(`(?i)(^|/)(fuzz|fuzzing|fuzzers?|fuzz_targets)(/|$)|fuzz[^/]*\.(c|cc|cpp|go|rs|py|java|js|ts|cs)$|(^|/)\.clusterfuzzlite(/|$)`)
	fuzzCode  = lazyregexp.New(`^func Fuzz[A-Z0-9_]\w*\(|LLVMFuzzerTestOneInput|import atheris|@FuzzTest|fuzz_target!|\[<Fuzz>\]|SharpFuzz`)
)

// maxCodeReads bounds how many source files are opened looking for fuzz
// tests in a large repository.
const maxCodeReads = 2000

// scanDynamic: fuzzers and sanitizers. Run in CI, they are dynamic
// analysis; fuzz targets alone are a start that a maintainer must confirm
// runs before releases.
func (s *scanner) scanDynamic(found map[toolKind][]use) {
	fuzz, fuzzOK := best(found[kindFuzz])
	san, sanOK := best(found[kindSanitizer])
	race, raceOK := best(found[kindRace])
	unsafeCount, unsafeExample := s.unsafeCode()
	switch {
	case fuzzOK && fuzz.ci:
		s.add("dynamic_analysis", model.Met, strong, s.T("ui.detect.j.dynamic_ci", "Tool", fuzz.label(), "Where", s.where(fuzz.rel, fuzz.line)), fuzz.evidence()...)
	case sanOK && san.ci:
		s.add("dynamic_analysis", model.Met, strong, s.T("ui.detect.j.dynamic_ci", "Tool", san.label(), "Where", s.where(san.rel, san.line)), san.evidence()...)
	case raceOK && race.ci:
		s.add("dynamic_analysis", model.Met, fair, s.T("ui.detect.j.dynamic_ci", "Tool", race.label(), "Where", s.where(race.rel, race.line)), race.evidence()...)
	}
	if unsafeCount > 0 {
		if sanOK && san.ci {
			s.add("dynamic_analysis_unsafe", model.Met, strong, s.T("ui.detect.j.dynamic_unsafe", "Tool", san.label(), "Where", s.where(san.rel, san.line)), san.evidence()...)
		} else {
			s.note("dynamic_analysis_unsafe", s.T("ui.detect.n.unsafe_code", "Count", unsafeCount, "Example", safeID(unsafeExample)))
		}
	} else if len(s.manifests()) > 0 {
		s.add("dynamic_analysis_unsafe", model.NA, fair, s.T("ui.detect.j.no_unsafe_code"), s.T("ui.detect.ev.no_unsafe"))
	}
	if _, ok := s.rep.Proposals["dynamic_analysis"]; ok {
		return
	}
	// Fuzz targets in the code: by name, then by content.
	for _, f := range s.files {
		if strings.Contains(strings.ToLower(f), "fuzz") && fuzzFiles.MatchString(f) && (codeExts[strings.ToLower(path.Ext(f))] || strings.HasSuffix(f, "Cargo.toml")) && s.read(f) != nil {
			s.confirm("dynamic_analysis", model.Met, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(f, 0)), s.T("ui.detect.c.dynamic_analysis"), at(f, 0))
			return
		}
	}
	reads := 0
	for _, f := range s.files {
		ext := path.Ext(f)
		if !strings.HasSuffix(f, "_test.go") && ext != ".cc" && ext != ".c" && ext != ".cpp" && ext != ".py" && ext != ".java" && ext != ".rs" && ext != ".cs" {
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
			s.confirm("dynamic_analysis", model.Met, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(f, line)), s.T("ui.detect.c.dynamic_analysis"), at(f, line))
			return
		}
	}
	if fuzzOK {
		s.confirm("dynamic_analysis", model.Met, s.T("ui.detect.j.dynamic_analysis", "Where", s.where(fuzz.rel, fuzz.line)), s.T("ui.detect.c.dynamic_analysis"), fuzz.evidence()...)
	}
}

var coversDependencies = []string{"dependency_monitoring", "osps_vm_05_03"}

// scanDependencies: dependencies watched for known vulnerabilities and
// updates (silver's dependency_monitoring), and checked on every change.
func (s *scanner) scanDependencies() {
	for _, c := range []struct{ dir, name, tool string }{
		{".github", "dependabot.yml", "Dependabot"}, {".github", "dependabot.yaml", "Dependabot"},
		{"", "renovate.json", "Renovate"}, {"", "renovate.json5", "Renovate"}, {"", ".renovaterc", "Renovate"}, {"", ".renovaterc.json", "Renovate"},
		{".github", "renovate.json", "Renovate"}, {".github", "renovate.json5", "Renovate"}, {".gitlab", "renovate.json", "Renovate"},
	} {
		if rel := s.find(c.dir, c.name); rel != "" && s.readFor(rel, "dependency_monitoring") != nil {
			s.add("dependency_monitoring", model.Met, fair, s.T("ui.detect.j.dependency_monitoring", "Tool", c.tool, "Where", s.where(rel, 0)), at(rel, 0))
			break
		}
	}
	found := s.uses()
	if u, ok := best(found[kindDeps]); ok {
		where := s.where(u.rel, u.line)
		conf := fair
		if u.ci {
			conf = strong
		}
		s.add("dependency_monitoring", model.Met, conf, s.T("ui.detect.j.dependency_monitoring", "Tool", u.label(), "Where", where), u.evidence()...)
		if u.ci {
			if w := s.workflowOf(u.rel); w == nil || w.onChanges() {
				s.confirm("osps_vm_05_03", model.Met, s.T("ui.detect.j.deps_on_changes", "Tool", u.label(), "Where", where), s.T("ui.detect.c.required_check"), u.evidence()...)
			}
		}
	}
}
