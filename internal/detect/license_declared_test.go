package detect

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

// A license declared in a manifest, without a license file: not Unmet at
// fair. R packages may not ship a standard license's text (CRAN), so it is
// left to the maintainer, with --explain saying why.
func TestLicenseDeclaredWithoutFile(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"DESCRIPTION": "Package: widget\nType: Package\nTitle: Parse Widgets\nVersion: 1.2.0\nAuthors@R: person(\"A\", \"B\", role = c(\"aut\", \"cre\"))\n" +
			"Description: Parses widgets into records.\nLicense: GPL (>= 2)\nEncoding: UTF-8\nRoxygenNote: 7.3.1\n",
		"NAMESPACE":                   "export(parse_widget)\n",
		"R/parse.R":                   "parse_widget <- function(x) x\n",
		"tests/testthat.R":            "library(testthat)\nlibrary(widget)\ntest_check(\"widget\")\n",
		"tests/testthat/test-parse.R": "test_that(\"parses\", expect_equal(parse_widget(1), 1))\n",
	}))
	want(t, rep, "floss_license", model.Met, "GPL-2.0-or-later", "declared in", "DESCRIPTION:7")
	for _, id := range []string{"license_location", "osps_le_03_01"} {
		none(t, rep, id)
		if u := undecidedOf(rep, id); u.Why != WhyPerson || !strings.Contains(u.Note, "DESCRIPTION:7") || !strings.Contains(u.Note, "CRAN") {
			t.Errorf("%s: %+v, want a person's judgement naming DESCRIPTION and CRAN", id, u)
		}
	}

	// Elsewhere the manifest names the license but carries no text: weak.
	rep = scan(t, fixture(t, map[string]string{"package.json": "{\n  \"name\": \"widget\",\n  \"license\": \"MIT\"\n}\n"}))
	for _, id := range []string{"license_location", "osps_le_03_01"} {
		if p := want(t, rep, id, model.Unmet, "package.json:3"); p.Confidence != weak {
			t.Errorf("%s: a declared standard license without a file is weak Unmet: %d", id, p.Confidence)
		}
	}
	// A license we do not know, declared: no file is still Unmet.
	rep = scan(t, fixture(t, map[string]string{"package.json": "{\n  \"name\": \"widget\",\n  \"license\": \"SEE LICENSE IN terms.txt\"\n}\n"}))
	want(t, rep, "license_location", model.Unmet)
}

// REUSE's LICENSES/ is not "the top of the repository".
func TestReuseLicensesWording(t *testing.T) {
	rep := scan(t, fixture(t, map[string]string{
		"LICENSES/Apache-2.0.txt": "Apache License\nVersion 2.0, January 2004\n",
		"REUSE.toml":              "version = 1\n",
		"src/lib.rs":              "// SPDX-License-Identifier: Apache-2.0\n",
	}))
	want(t, rep, "license_location", model.Met, "LICENSES/", "REUSE")
	lacks(t, rep, "license_location", "top of the repository")
	lacks(t, rep, "osps_le_03_01", "top of the repository")
	want(t, rep, "osps_le_03_02", model.Met, "LICENSES/")
	lacks(t, rep, "osps_le_03_02", "top of the source tree")
}
