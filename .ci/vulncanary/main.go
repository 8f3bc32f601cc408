// Command vulncanary calls a function with a known vulnerability
// (GO-2021-0113: golang.org/x/text/language.Parse before v0.3.7). CI runs
// govulncheck on it before our own code and fails unless the vulnerability
// is reported: a clean result for our code then means something.
// It is never built or run; it is a module of its own, out of ./... .
package main

import "golang.org/x/text/language"

func main() { _, _ = language.Parse("en") }
