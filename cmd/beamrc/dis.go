package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/urfave/cli/v2"
)

func disCommand() *cli.Command {
	return &cli.Command{
		Name:      "dis",
		Usage:     "disassemble .beam files",
		UsageText: "beamrc dis [--function name/arity] FILE.beam|DIR...",
		Description: "Prints every function of each module as decoded BEAM instructions: labels as 'label N:',\n" +
			"registers as x0, y1, fr2, jump targets as f(N), atoms and literals in Erlang syntax, typed\n" +
			"registers with their type (x0:integer(0..9)), and the source file:line an instruction\n" +
			"carries. A directory stands for all .beam files directly in it.",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "function",
				Aliases: []string{"f"},
				Usage:   "list only the function `NAME/ARITY` (an error if no module defines it)",
			},
		},
		Action: runDis,
	}
}

func runDis(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("dis: no .beam file or directory given")
	}
	var filter *funcFilter
	if s := c.String("function"); s != "" {
		f, err := parseFuncFilter(s)
		if err != nil {
			return err
		}
		filter = f
	}
	var files []string
	for _, arg := range c.Args().Slice() {
		fs, err := beamFiles(arg, false)
		if err != nil {
			return err
		}
		files = append(files, fs...)
	}
	w := bufio.NewWriter(c.App.Writer)
	defer w.Flush()
	found := false
	for _, path := range files {
		m, err := beam.ReadFile(path)
		if err != nil {
			return err
		}
		found = listModule(w, m, filter) || found
	}
	if filter != nil && !found {
		return fmt.Errorf("dis: no function %s in %s", filter, strings.Join(c.Args().Slice(), ", "))
	}
	return nil
}

type funcFilter struct {
	name  string
	arity int
}

func (f *funcFilter) String() string { return f.name + "/" + strconv.Itoa(f.arity) }

func parseFuncFilter(s string) (*funcFilter, error) {
	i := strings.LastIndexByte(s, '/')
	if i <= 0 {
		return nil, usagef("--function wants NAME/ARITY, got %q", s)
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 0 {
		return nil, usagef("--function wants NAME/ARITY, got %q", s)
	}
	return &funcFilter{name: s[:i], arity: n}, nil
}

// listModule writes the listing of m (or of the filtered function) and
// reports whether anything was listed.
func listModule(w io.Writer, m *beam.Module, filter *funcFilter) bool {
	listed := false
	for i := range m.Functions {
		f := &m.Functions[i]
		if filter != nil && (f.Name != filter.name || f.Arity != filter.arity) {
			continue
		}
		if !listed {
			fmt.Fprintf(w, "module %s (%s)\n", beam.QuoteAtom(m.Name), m.File)
			listed = true
		}
		fmt.Fprintf(w, "\nfunction %s/%d (entry label %d)\n", beam.QuoteAtom(f.Name), f.Arity, f.Label)
		listFunction(w, m, f)
	}
	if listed {
		fmt.Fprintln(w)
	}
	return listed
}

// instrColumn is where the file:line comment starts.
const instrColumn = 48

func listFunction(w io.Writer, m *beam.Module, f *beam.Function) {
	afterLine := false
	for _, in := range f.Code {
		if in.Op == beam.OpLabel {
			fmt.Fprintf(w, "label %d:\n", in.Args[0].Val)
			continue
		}
		text := "    " + m.FormatInstr(in)
		// The instruction right after a line instruction is the one that
		// carries the location.
		if afterLine && in.Op != beam.OpLine && in.Loc != (beam.Location{}) {
			if pad := instrColumn - len(text); pad > 0 {
				text += strings.Repeat(" ", pad)
			}
			text += " % " + in.Loc.String()
			afterLine = false
		}
		if in.Op == beam.OpLine {
			afterLine = true
		}
		fmt.Fprintln(w, text)
	}
}

// beamFiles expands a path: a file is itself; a directory yields the .beam
// files in it (recursively if recursive is set), sorted.
func beamFiles(path string, recursive bool) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	if recursive {
		err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".beam") {
				files = append(files, p)
			}
			return nil
		})
	} else {
		var ents []os.DirEntry
		ents, err = os.ReadDir(path)
		for _, e := range ents {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".beam") {
				files = append(files, filepath.Join(path, e.Name()))
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .beam files", path)
	}
	sort.Strings(files)
	return files, nil
}
