package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// hoistFlags lets flags follow the positional arguments, as the usage lines
// show them (beamrc dis FILE --function f/1): cli, like Go's flag package,
// stops at the first positional argument. It moves every flag of cmd, with
// its value, in front of the positional arguments, keeping their order.
// Everything after "--" stays where it is. It reports unknown flags and
// flags missing their value itself, in the same words for every command.
func hoistFlags(cmd *cli.Command, args []string) ([]string, error) {
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, name := range f.Names() {
			takesValue[name] = !isBool
		}
	}
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		if a == "-h" || a == "--help" {
			// Help wants nothing else: cli would take a positional
			// argument after -h for a subcommand to explain.
			return []string{a}, nil
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		value, known := takesValue[name]
		switch {
		case !known:
			return nil, usagef("%s: unknown option %s (see beamrc %s -h)", cmd.Name, a, cmd.Name)
		case value && !hasValue:
			if i+1 == len(args) {
				return nil, usagef("%s: flag needs an argument: %s", cmd.Name, a)
			}
			i++
			flags = append(flags, a, args[i])
		default:
			flags = append(flags, a)
		}
	}
	return append(flags, positional...), nil
}

// hoistCommandFlags applies hoistFlags to the arguments of the command
// named in args (args[0] is the program), unless the command reads its own
// command line (SkipFlagParsing).
func hoistCommandFlags(cmds []*cli.Command, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	for _, cmd := range cmds {
		if !cmd.HasName(args[1]) || cmd.SkipFlagParsing {
			continue
		}
		rest, err := hoistFlags(cmd, args[2:])
		if err != nil {
			return nil, err
		}
		return append([]string{args[0], args[1]}, rest...), nil
	}
	return args, nil
}
