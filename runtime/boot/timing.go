package boot

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// EntryTimeEnv names the environment variable that asks for the entry
// function's wall time: when it is set to a path, Run writes there, as one
// line of decimal nanoseconds, the time from just before the entry
// function is called until it returns or crashes (or the program halts).
// `beamrc bench` uses it to tell a program's own time from start-up; it
// works the same in `beamrc run` and in built executables, which share
// Run.
const EntryTimeEnv = "BEAMRC_ENTRY_TIME"

// timeEntry starts the clock if EntryTimeEnv is set. The function it
// returns stops the clock and writes the file; a failure to write is
// reported on stderr and does not change the program's exit status.
func timeEntry() (stop func()) {
	path := os.Getenv(EntryTimeEnv)
	if path == "" {
		return func() {}
	}
	start := time.Now()
	return func() {
		ns := time.Since(start).Nanoseconds()
		if err := os.WriteFile(path, []byte(strconv.FormatInt(ns, 10)+"\n"), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "beamrc: %s: %v\n", EntryTimeEnv, err)
		}
	}
}
