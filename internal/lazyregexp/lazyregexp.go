// Package lazyregexp is a regular expression compiled on its first use,
// not at start-up: every command pays for the package variables of every
// package linked in, and most commands use few of our patterns.
//
// New is small enough for the compiler to inline, so a package variable
// `var p = lazyregexp.New(...)` (alone or in a table) is laid out by the
// linker and costs nothing before main.
package lazyregexp

import (
	"regexp"
	"sync"
)

// Regexp is a regexp.Regexp compiled on first use; safe for concurrent use.
type Regexp struct {
	src  string
	once sync.Once
	rx   *regexp.Regexp
}

// New returns a pattern compiled on first use; an invalid pattern panics
// then, as regexp.MustCompile does (each package's tests use its patterns).
func New(src string) *Regexp { return &Regexp{src: src} }

// Regexp returns the compiled expression.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.once.Do(func() { r.rx = regexp.MustCompile(r.src) })
	return r.rx
}

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.src }

// The methods of regexp.Regexp that our packages use.

func (r *Regexp) MatchString(s string) bool      { return r.Regexp().MatchString(s) }
func (r *Regexp) FindString(s string) string     { return r.Regexp().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int { return r.Regexp().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.Regexp().FindStringSubmatch(s)
}
func (r *Regexp) FindSubmatch(b []byte) [][]byte { return r.Regexp().FindSubmatch(b) }
func (r *Regexp) FindAllString(s string, n int) []string {
	return r.Regexp().FindAllString(s, n)
}
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Regexp().FindAllStringSubmatch(s, n)
}
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringIndex(s, n)
}
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Regexp().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Regexp().ReplaceAllStringFunc(src, repl)
}
