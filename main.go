// Command podium runs a live student congress (学生代表大会) from a
// terminal: attendance and quorum, the agenda, the election count, and a
// durable, tamper-evident record of every action.
//
// The command line is package internal/cli; see docs/ARCHITECTURE.md.
package main

import (
	"context"
	"os"

	"podium/internal/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
