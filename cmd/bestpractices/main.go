// Command bestpractices walks a maintainer through the OpenSSF Best
// Practices badge criteria and keeps the answers in .bestpractices.yaml.
package main

import (
	"os"

	"github.com/bestpractices/bestpractices/internal/cli"
	"github.com/bestpractices/bestpractices/tui"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

func main() {
	cli.Interactive = tui.Run
	env := &cli.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		IsTerminal: isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd()),
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		env.Columns = w // tables fit the terminal; pipes get full lines
	}
	os.Exit(cli.Run(env, os.Args[1:]))
}
