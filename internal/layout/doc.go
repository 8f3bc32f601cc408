// Package layout has no code. Its tests hold the code to the package map
// in CONTRIBUTING.md (which package may import which, and which may use a
// terminal UI library) and keep package initialisation free of work, so
// that no command pays before main for what it does not use.
package layout
