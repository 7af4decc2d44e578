package main

import (
	"fmt"
	"runtime"

	"github.com/urfave/cli/v2"
)

// version is set at link time: go build -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

func versionString() string {
	return fmt.Sprintf("beamrc %s (%s/%s, %s)", version, runtime.GOOS, runtime.GOARCH, runtime.Version())
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:        "version",
		Usage:       "print the beamrc version",
		UsageText:   "beamrc version",
		Description: "Prints the beamrc version, the target platform it was built for and the Go release that built it.",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("version takes no arguments")
			}
			_, err := fmt.Fprintln(c.App.Writer, versionString())
			return err
		},
	}
}
