// Command bestpractices walks a maintainer through the OpenSSF Best
// Practices badge criteria and keeps the answers in .bestpractices.yaml.
package main

import (
	"os"

	"github.com/bestpractices/bestpractices/internal/cli"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/tui"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

func main() {
	env := &environ.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		IsTerminal: isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd()),
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		env.Columns = w // tables fit the terminal; pipes get full lines
	}
	// The only place that sees both the commands and the terminal UI.
	ui := cli.UI{Walk: tui.Run, SecurityPolicy: tui.SecurityPolicy, Confirm: tui.Confirm, ReviewImport: tui.ReviewImport}
	os.Exit(cli.Run(env, ui, os.Args[1:]))
}
