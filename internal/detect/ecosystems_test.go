package detect

import (
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// check is one expected proposal: its status and fragments of its
// justification or evidence.
type check struct {
	id        string
	st        model.Status
	fragments []string
}

func expect(id string, st model.Status, fragments ...string) check { return check{id, st, fragments} }

// Each tree is small, and laid out like the real projects of its
// ecosystem: manifests where they usually live (a .NET solution under
// src/, a Python package in a subdirectory), the usual test directories,
// linters' configuration files and a CI workflow that runs them.
var ecosystemTrees = []struct {
	name   string
	files  map[string]string
	checks []check
}{
	{"Go module with golangci-lint and fuzzing in CI", map[string]string{
		"go.mod":                       "module example.org/widget\n\ngo 1.22\n\nrequire golang.org/x/text v0.14.0\n",
		"go.sum":                       "golang.org/x/text v0.14.0 h1:x=\n",
		"cmd/widget/main.go":           "package main\n",
		"internal/parse/parse.go":      "package parse\n",
		"internal/parse/parse_test.go": "package parse\n\nfunc FuzzParse(f *testing.F) {}\n",
		".golangci.yml":                "linters:\n  enable: [gosec, staticcheck]\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - uses: actions/checkout@v4\n      - run: go test -race ./...\n      - uses: golangci/golangci-lint-action@v6\n      - run: go test -fuzz=FuzzParse -fuzztime=60s ./internal/parse\n",
	}, []check{
		expect("build", model.Met, "Go", "go.mod"),
		expect("test_invocation", model.Met, "go test ./..."),
		expect("test", model.Met, "parse_test.go"),
		expect("osps_qa_02_01", model.Met, "go.mod"),
		expect("osps_br_05_01", model.Met, "go.sum"),
		expect("static_analysis", model.Met, "golangci-lint", "ci.yml"),
		expect("dynamic_analysis", model.Met, "go test -fuzz", "ci.yml#L11"),
		expect("test_continuous_integration", model.Met, "ci.yml#L9"),
		expect("osps_qa_06_01", model.Met, "pull request"),
		expect("dynamic_analysis_unsafe", model.NA),
	}},
	{"Rust workspace with clippy denying warnings", map[string]string{
		"Cargo.toml":                 "[workspace]\nmembers = [\"crates/*\"]\n",
		"Cargo.lock":                 "version = 3\n",
		"crates/core/Cargo.toml":     "[package]\nname = \"core\"\nlicense = \"MIT OR Apache-2.0\"\n",
		"crates/core/src/lib.rs":     "pub fn f() {}\n",
		"crates/core/tests/parse.rs": "#[test]\nfn t() {}\n",
		"clippy.toml":                "msrv = \"1.70\"\n",
		"deny.toml":                  "[advisories]\n",
		"fuzz/Cargo.toml":            "[package]\nname = \"fuzz\"\n",
		"fuzz/fuzz_targets/parse.rs": "#![no_main]\nfuzz_target!(|d: &[u8]| {});\n",
		".github/workflows/ci.yml": "on:\n  pull_request:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - run: cargo test --workspace\n      - run: cargo clippy --all-targets -- -D warnings\n      - run: cargo fmt --check\n",
	}, []check{
		expect("build", model.Met, "Cargo", "Cargo.toml"),
		expect("test_invocation", model.Met, "cargo test"),
		expect("test", model.Met, "crates/core/tests/parse.rs"),
		expect("osps_br_05_01", model.Met, "Cargo.lock"),
		expect("warnings_strict", model.Met, "-D warnings", "ci.yml#L10"),
		expect("static_analysis", model.Met, "Clippy"),
		expect("coding_standards_enforced", model.Met, "ci.yml"),
		expect("dependency_monitoring", model.Met, "cargo deny", "deny.toml"),
		expect("dynamic_analysis", model.Met, "fuzz"),
	}},
	{"pnpm monorepo with Vitest and ESLint", map[string]string{
		"package.json":                    "{\n  \"name\": \"widget\",\n  \"private\": true,\n  \"packageManager\": \"pnpm@9.0.0\",\n  \"scripts\": {\n    \"lint\": \"eslint .\",\n    \"test\": \"vitest run\"\n  },\n  \"devDependencies\": {\n    \"vitest\": \"^1.0.0\"\n  }\n}\n",
		"pnpm-lock.yaml":                  "lockfileVersion: '9.0'\n",
		"pnpm-workspace.yaml":             "packages:\n  - packages/*\n",
		"packages/core/package.json":      "{\n  \"name\": \"@widget/core\",\n  \"license\": \"MIT\"\n}\n",
		"packages/core/src/index.ts":      "export const x = 1\n",
		"packages/core/src/index.test.ts": "import { test } from 'vitest'\n",
		"vitest.config.ts":                "export default {}\n",
		"eslint.config.js":                "export default []\n",
		".github/workflows/ci.yml":        "on: pull_request\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pnpm install --frozen-lockfile\n      - run: pnpm lint\n      - run: pnpm test\n",
	}, []check{
		expect("build", model.Met, "npm", "package.json"),
		expect("test_invocation", model.Met, "pnpm test", "package.json#L7"),
		expect("test", model.Met, "Vitest", "index.test.ts"),
		expect("osps_br_05_01", model.Met, "pnpm-lock.yaml"),
		expect("warnings", model.Met, "ESLint", "package.json"),
		expect("test_continuous_integration", model.Met, "ci.yml#L8"),
	}},
	{"yarn project with Jest", map[string]string{
		"package.json":        "{\n  \"name\": \"widget\",\n  \"scripts\": {\n    \"test\": \"jest\"\n  },\n  \"jest\": {\n    \"testEnvironment\": \"node\"\n  }\n}\n",
		"yarn.lock":           "# yarn lockfile v1\n",
		"src/widget.js":       "module.exports = 1\n",
		"__tests__/widget.js": "test('w', () => {})\n",
		".eslintrc.json":      "{}\n",
	}, []check{
		expect("test_invocation", model.Met, "yarn test"),
		expect("test", model.Met, "Jest", "__tests__/widget.js"),
		expect("warnings", model.Met, "ESLint", ".eslintrc.json"),
		expect("osps_br_05_01", model.Met, "yarn.lock"),
	}},
	{"Python package in a subdirectory, tested with tox and pytest", map[string]string{
		"python/pyproject.toml":         "[project]\nname = \"widget\"\ndependencies = [\"requests\"]\n",
		"python/src/widget/__init__.py": "",
		"python/tests/test_widget.py":   "def test_w(): pass\n",
		"tox.ini":                       "[tox]\nenvlist = py312\n\n[testenv]\ncommands = pytest {posargs}\n\n[flake8]\nmax-line-length = 100\n",
		"pytest.ini":                    "[pytest]\ntestpaths = python/tests\n",
		"setup.cfg":                     "[mypy]\nstrict = True\n",
		".github/workflows/tests.yml":   "on: [push, pull_request]\njobs:\n  tox:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install tox\n      - run: tox -e py312\n      - run: bandit -r python/src\n",
	}, []check{
		expect("build", model.Met, "python/pyproject.toml"),
		expect("test_invocation", model.Met, "tox", "tox.ini"),
		expect("test", model.Met, "pytest", "python/tests/test_widget.py"),
		expect("osps_qa_02_01", model.Met, "python/pyproject.toml"),
		expect("static_analysis_common_vulnerabilities", model.Met, "Bandit", "tests.yml#L8"),
		expect("warnings", model.Met, "tox.ini"),
	}},
	{"Python setuptools with setup.cfg's pytest section", map[string]string{
		"setup.py":             "from setuptools import setup\nsetup()\n",
		"setup.cfg":            "[metadata]\nname = widget\nlicense = BSD-3-Clause\n\n[tool:pytest]\naddopts = -ra\n",
		"requirements-dev.txt": "pytest\n",
		"widget/core.py":       "x = 1\n",
		"tests/test_core.py":   "def test(): pass\n",
		".flake8":              "[flake8]\n",
	}, []check{
		expect("build", model.Met, "setuptools"),
		expect("test_invocation", model.Met, "pytest", "setup.cfg#L5"),
		expect("warnings", model.Met, "Flake8"),
		expect("floss_license", model.Met, "BSD-3-Clause", "setup.cfg:3"),
	}},
	{"Java on Maven with JUnit, Checkstyle and SpotBugs", map[string]string{
		"pom.xml":                               "<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n    </dependency>\n  </dependencies>\n  <build><plugins><plugin><artifactId>spotbugs-maven-plugin</artifactId></plugin></plugins></build>\n</project>\n",
		"mvnw":                                  "#!/bin/sh\n",
		"src/main/java/org/example/Widget.java": "class Widget {}\n",
		"src/test/java/org/example/WidgetTest.java": "class WidgetTest {}\n",
		"checkstyle.xml":              "<module name=\"Checker\"/>\n",
		".github/workflows/maven.yml": "on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./mvnw -B verify\n",
	}, []check{
		expect("build", model.Met, "Maven", "pom.xml"),
		expect("test_invocation", model.Met, "mvn test"),
		expect("test", model.Met, "JUnit", "WidgetTest.java"),
		expect("static_analysis", model.Met, "SpotBugs", "pom.xml"),
		expect("test_continuous_integration", model.Met, "maven.yml#L6"),
	}},
	{"Kotlin on Gradle with detekt", map[string]string{
		"settings.gradle.kts":               "rootProject.name = \"widget\"\ninclude(\"app\")\n",
		"build.gradle.kts":                  "plugins { id(\"io.gitlab.arturbosch.detekt\") }\n",
		"gradlew":                           "#!/bin/sh\n",
		"app/build.gradle.kts":              "dependencies { testImplementation(kotlin(\"test\")) }\n",
		"app/src/main/kotlin/Widget.kt":     "class Widget\n",
		"app/src/test/kotlin/WidgetTest.kt": "class WidgetTest\n",
		"config/detekt/detekt.yml":          "build:\n  maxIssues: 0\n",
		".github/workflows/gradle.yml":      "on: pull_request\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew check\n",
	}, []check{
		expect("build", model.Met, "Gradle"),
		expect("test_invocation", model.Met, "./gradlew test"),
		expect("test", model.Met, "app/src/test/kotlin/WidgetTest.kt"),
		expect("warnings", model.Met, "detekt"),
		expect("test_continuous_integration", model.Met, "gradle.yml#L6"),
	}},
	{".NET solution under src/ with xUnit", map[string]string{
		"src/Widget.sln":                           "Microsoft Visual Studio Solution File, Format Version 12.00\n",
		"src/Directory.Build.props":                "<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <AnalysisLevel>latest</AnalysisLevel>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n",
		"src/Widget/Widget.csproj":                 "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"FluentResults\" Version=\"3.15.2\" />\n  </ItemGroup>\n</Project>\n",
		"src/Widget/Client.cs":                     "class Client {}\n",
		"src/Widget.Tests/Widget.Tests.csproj":     "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"xunit\" Version=\"2.9.0\" />\n  </ItemGroup>\n</Project>\n",
		"src/Widget.Tests/Commands/ClientTests.cs": "class ClientTests {}\n",
		"src/Widget.Tests/Helpers/FakeHttp.cs":     "class FakeHttp {}\n",
		".github/workflows/build-and-test.yml":     "on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet build src/Widget.sln\n      - run: dotnet test src/Widget.sln --no-build\n",
	}, []check{
		expect("build", model.Met, ".NET", "src/Widget.sln"),
		expect("test_invocation", model.Met, "dotnet test"),
		expect("test", model.Met, "src/Widget.Tests"),
		expect("osps_qa_02_01", model.Met, "src/Widget/Widget.csproj"),
		expect("warnings_strict", model.Met, "TreatWarningsAsErrors"),
		expect("test_continuous_integration", model.Met, "build-and-test.yml#L7"),
	}},
	{"Ruby gem with RSpec and RuboCop", map[string]string{
		"Gemfile":                  "source 'https://rubygems.org'\ngemspec\n",
		"Gemfile.lock":             "GEM\n",
		"widget.gemspec":           "Gem::Specification.new do |spec|\n  spec.name = 'widget'\n  spec.license = 'MIT'\nend\n",
		"Rakefile":                 "require 'rspec/core/rake_task'\nRSpec::Core::RakeTask.new(:spec)\ntask default: :spec\n",
		".rspec":                   "--require spec_helper\n",
		"lib/widget.rb":            "module Widget; end\n",
		"spec/spec_helper.rb":      "require 'widget'\n",
		"spec/widget_spec.rb":      "describe Widget do; end\n",
		".rubocop.yml":             "AllCops:\n  NewCops: enable\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bundle exec rake\n      - run: bundle exec rubocop\n",
	}, []check{
		expect("build", model.Met, "Bundler"),
		expect("test_invocation", model.Met, "rake test", "Rakefile"),
		expect("test", model.Met, "RSpec", "spec/widget_spec.rb"),
		expect("osps_br_05_01", model.Met, "Gemfile.lock"),
		expect("coding_standards_enforced", model.Met, "RuboCop", "ci.yml#L7"),
		expect("floss_license", model.Met, "MIT", "widget.gemspec:3"),
	}},
	{"PHP library with Composer, PHPUnit and PHPStan", map[string]string{
		"composer.json":            "{\n  \"name\": \"acme/widget\",\n  \"license\": \"MIT\",\n  \"scripts\": {\n    \"test\": \"phpunit\",\n    \"stan\": \"phpstan analyse\"\n  }\n}\n",
		"composer.lock":            "{}\n",
		"phpunit.xml.dist":         "<phpunit/>\n",
		"phpstan.neon":             "parameters:\n  level: 8\n",
		"src/Widget.php":           "<?php\n",
		"tests/WidgetTest.php":     "<?php\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: composer install\n      - run: composer test\n",
	}, []check{
		expect("build", model.Met, "Composer"),
		expect("test_invocation", model.Met, "composer test", "composer.json#L5"),
		expect("test", model.Met, "PHPUnit", "tests/WidgetTest.php"),
		expect("static_analysis", model.Met, "PHPStan"),
		expect("osps_br_05_01", model.Met, "composer.lock"),
	}},
	{"C library on CMake with sanitizers in CI", map[string]string{
		"CMakeLists.txt":           "cmake_minimum_required(VERSION 3.16)\nproject(widget C)\nadd_compile_options(-Wall -Wextra)\nenable_testing()\nadd_subdirectory(tests)\n",
		"src/widget.c":             "int w(void) { return 0; }\n",
		"include/widget.h":         "int w(void);\n",
		"tests/CMakeLists.txt":     "add_executable(test_widget test_widget.c)\nadd_test(NAME widget COMMAND test_widget)\n",
		"tests/test_widget.c":      "int main(void) { return 0; }\n",
		".clang-tidy":              "Checks: '-*,clang-analyzer-*'\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  asan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cmake -B build -DCMAKE_C_FLAGS=-fsanitize=address,undefined\n      - run: cmake --build build\n      - run: ctest --test-dir build\n",
	}, []check{
		expect("build", model.Met, "CMake"),
		expect("test_invocation", model.Met, "ctest", "CMakeLists.txt#L4"),
		expect("test", model.Met, "CTest", "tests/test_widget.c"),
		expect("warnings", model.Met),
		expect("dynamic_analysis", model.Met, "AddressSanitizer", "ci.yml#L6"),
		expect("dynamic_analysis_unsafe", model.Met, "AddressSanitizer"),
		expect("static_analysis", model.Met, "clang-tidy"),
	}},
	{"C on Meson", map[string]string{
		"meson.build":  "project('widget', 'c', default_options: ['werror=true'])\nexe = executable('t', 't.c')\ntest('basic', exe)\n",
		"src/widget.c": "int w;\n",
		"tests/t.c":    "int main(void){return 0;}\n",
	}, []check{
		expect("build", model.Met, "Meson"),
		expect("test_invocation", model.Met, "meson test", "meson.build#L3"),
		expect("warnings_strict", model.Met, "werror=true"),
	}},
	{"C on autotools", map[string]string{
		"configure.ac":         "AC_INIT([widget], [1.0])\nAM_INIT_AUTOMAKE\n",
		"Makefile.am":          "SUBDIRS = src tests\n",
		"tests/Makefile.am":    "TESTS = check_widget\n",
		"tests/check_widget.c": "int main(void){return 0;}\n",
		"src/widget.c":         "int w;\n",
		".travis.yml":          "script:\n  - autoreconf -i && ./configure && make check\n",
	}, []check{
		expect("build", model.Met, "Autotools"),
		expect("test_invocation", model.Met, "make check"),
		expect("test_continuous_integration", model.Met, ".travis.yml:2"),
		expect("osps_qa_06_01", model.Met, ".travis.yml"),
	}},
	{"Swift package with SwiftLint", map[string]string{
		"Package.swift":                       "// swift-tools-version:5.9\nimport PackageDescription\n",
		"Package.resolved":                    "{}\n",
		"Sources/Widget/Widget.swift":         "struct Widget {}\n",
		"Tests/WidgetTests/WidgetTests.swift": "import XCTest\n",
		".swiftlint.yml":                      "disabled_rules: []\n",
		".github/workflows/swift.yml":         "on: [push, pull_request]\njobs:\n  build:\n    runs-on: macos-latest\n    steps:\n      - run: swift test\n",
	}, []check{
		expect("build", model.Met, "Swift Package Manager"),
		expect("test_invocation", model.Met, "swift test"),
		expect("test", model.Met, "XCTest", "WidgetTests.swift"),
		expect("warnings", model.Met, "SwiftLint"),
		expect("osps_br_05_01", model.Met, "Package.resolved"),
	}},
	{"R package with testthat, lintr and R CMD check in CI", map[string]string{
		"DESCRIPTION":                        "Package: rwidget\nType: Package\nTitle: Widgets\nVersion: 1.2.0\nLicense: MIT + file LICENSE\nImports:\n    stringi\nSuggests:\n    testthat (>= 3.0.0)\nConfig/testthat/edition: 3\n",
		"NAMESPACE":                          "export(widget)\n",
		"LICENSE":                            "YEAR: 2024\nCOPYRIGHT HOLDER: rwidget authors\n",
		"R/widget.R":                         "widget <- function() 1\n",
		"man/widget.Rd":                      "\\name{widget}\n",
		"tests/testthat.R":                   "library(testthat)\ntest_check(\"rwidget\")\n",
		"tests/testthat/test-widget.R":       "test_that(\"w\", expect_equal(widget(), 1))\n",
		".lintr":                             "linters: linters_with_defaults()\n",
		".github/workflows/R-CMD-check.yaml": "on:\n  push:\n  pull_request:\njobs:\n  R-CMD-check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: r-lib/actions/setup-r@v2\n      - uses: r-lib/actions/check-r-package@v2\n        with:\n          error-on: '\"warning\"'\n",
	}, []check{
		expect("build", model.Met, "R", "DESCRIPTION"),
		expect("test_invocation", model.Met, "R CMD check"),
		expect("test", model.Met, "testthat", "tests/testthat"),
		expect("osps_qa_02_01", model.Met, "DESCRIPTION"),
		expect("test_continuous_integration", model.Met, "R-CMD-check.yaml#L9"),
		expect("warnings", model.Met, "R-CMD-check.yaml"),
		expect("warnings_strict", model.Met),
		expect("static_analysis", model.Met, "lintr"),
		expect("floss_license", model.Met, "MIT", "DESCRIPTION:5"),
		expect("documentation_interface", model.Met, "man/"),
	}},
	{"Elixir project with Credo and formatter checks", map[string]string{
		"mix.exs":                  "defmodule Widget.MixProject do\n  def project, do: [app: :widget, package: [licenses: [\"Apache-2.0\"]]]\nend\n",
		"mix.lock":                 "%{}\n",
		"lib/widget.ex":            "defmodule Widget do\nend\n",
		"test/test_helper.exs":     "ExUnit.start()\n",
		"test/widget_test.exs":     "defmodule WidgetTest do\nend\n",
		".credo.exs":               "%{configs: []}\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mix format --check-formatted\n      - run: mix credo --strict\n      - run: mix test\n",
	}, []check{
		expect("build", model.Met, "Mix"),
		expect("test_invocation", model.Met, "mix test"),
		expect("test", model.Met, "ExUnit", "test/widget_test.exs"),
		expect("osps_br_05_01", model.Met, "mix.lock"),
		expect("static_analysis", model.Met, "Credo"),
		expect("coding_standards_enforced", model.Met, "ci.yml"),
	}},
	{"Haskell package with Cabal, Hspec and HLint", map[string]string{
		"widget.cabal":             "cabal-version: 2.4\nname: widget\nlicense: BSD-3-Clause\n\ntest-suite spec\n  type: exitcode-stdio-1.0\n  build-depends: base, hspec\n  ghc-options: -Wall\n",
		"cabal.project":            "packages: .\n",
		"src/Widget.hs":            "module Widget where\n",
		"test/Spec.hs":             "{-# OPTIONS_GHC -F -pgmF hspec-discover #-}\n",
		"test/WidgetSpec.hs":       "module WidgetSpec where\n",
		".hlint.yaml":              "- ignore: {name: Use camelCase}\n",
		".github/workflows/ci.yml": "on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cabal test all\n",
	}, []check{
		expect("build", model.Met, "Cabal", "widget.cabal"),
		expect("test_invocation", model.Met, "cabal test"),
		expect("test", model.Met, "Hspec", "test/"),
		expect("warnings", model.Met),
		expect("floss_license", model.Met, "BSD-3-Clause", "widget.cabal:3"),
		expect("test_continuous_integration", model.Met, "ci.yml#L6"),
	}},
}

func TestEcosystems(t *testing.T) {
	for _, tree := range ecosystemTrees {
		t.Run(tree.name, func(t *testing.T) {
			dir := fixture(t, tree.files)
			fakeGit(t, dir, "https://github.com/acme/widget")
			rep := scan(t, dir)
			for _, c := range tree.checks {
				want(t, rep, c.id, c.st, c.fragments...)
			}
		})
	}
}

// Manifests of examples, test data and vendored code are not the
// project's build.
func TestManifestsOutsideTheProjectDoNotCount(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"examples/demo/package.json":  "{\"scripts\": {\"test\": \"jest\"}}\n",
		"testdata/proj/go.mod":        "module x\n",
		"third_party/lib/Cargo.toml":  "[package]\n",
		"docs/requirements.txt":       "sphinx\n",
		"deep/a/b/c/d/pyproject.toml": "[project]\n",
		"README.md":                   "# w\n",
	}))
	none(t, rep, "build")
	none(t, rep, "osps_qa_02_01")
}

func TestIsTestFile(t *testing.T) {
	for f, want := range map[string]bool{
		"internal/x/x_test.go":                true,
		"tests/testthat/test-parse.R":         true,
		"tests/testthat.R":                    true,
		"src/App.Tests/Commands/RunTests.cs":  true,
		"src/App.Tests/Helpers/Fake.cs":       true,
		"src/App.UnitTests/Fake.cs":           true,
		"Tests/WidgetTests/WidgetTests.swift": true,
		"spec/widget_spec.rb":                 true,
		"t/basic.t":                           true,
		"test/widget_test.exs":                true,
		"app/src/test/kotlin/AppTest.kt":      true,
		"src/index.test.ts":                   true,
		"test/runtests.jl":                    true,
		"testdata/case_test.go":               false,
		"tests/fixtures/input.py":             false,
		"src/App/Client.cs":                   false,
		"R/widget.R":                          false,
		"docs/testing.md":                     false,
	} {
		if got := isTestFile(f); got != want {
			t.Errorf("isTestFile(%q) = %v, want %v", f, got, want)
		}
	}
}

func TestRLicense(t *testing.T) {
	for field, want := range map[string]string{
		"MIT + file LICENSE":          "MIT",
		"GPL (>= 2)":                  "GPL-2.0-or-later",
		"GPL-3":                       "GPL-3.0",
		"GPL-2 | GPL-3":               "GPL-2.0 OR GPL-3.0",
		"Apache License 2.0":          "Apache-2.0",
		"BSD_3_clause + file LICENSE": "BSD-3-Clause",
		"LGPL (>= 2.1)":               "LGPL-2.1-or-later",
	} {
		if got := rLicense(field); got != want {
			t.Errorf("rLicense(%q) = %q, want %q", field, got, want)
		}
	}
}
