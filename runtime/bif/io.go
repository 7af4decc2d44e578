package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// The io module's output functions and erlang:display/1. OTP sends io
// requests to an io server process; beamrc has one shared output device
// per stream (format.Stdout, format.Stderr), written in the same latin1
// mode as `erl -noshell` uses, so the functions run as plain BIFs.

func init() {
	emu.Register("io", "format", 1, ioFormat1)
	emu.Register("io", "format", 2, ioFormat2)
	emu.Register("io", "format", 3, ioFormat3)
	emu.Register("io", "fwrite", 1, ioFormat1)
	emu.Register("io", "fwrite", 2, ioFormat2)
	emu.Register("io", "fwrite", 3, ioFormat3)
	emu.Register("io", "put_chars", 1, ioPutChars1)
	emu.Register("io", "put_chars", 2, ioPutChars2)
	emu.Register("io", "nl", 0, ioNl0)
	emu.Register("io", "nl", 1, ioNl1)
	emu.Register("io", "write", 1, ioWrite1)
	emu.Register("io", "write", 2, ioWrite2)
	emu.Register("io", "setopts", 1, ioSetopts1)
	emu.Register("io", "setopts", 2, ioSetopts2)
	emu.Register("erlang", "display", 1, erlangDisplay)
}

var (
	atomUnicode       = term.Intern("unicode")
	atomUTF8          = term.Intern("utf8")
	atomLatin1        = term.Intern("latin1")
	atomStandardIO    = term.Intern("standard_io")
	atomStandardError = term.Intern("standard_error")
	atomUser          = term.Intern("user")
	atomTerminated    = term.Intern("terminated")
)

// ioDevice maps an io device argument to an output stream. Pids stand for
// the group leader, which is standard output. An atom that names no
// device fails as OTP fails for an unregistered name (error:terminated);
// anything else is badarg.
func ioDevice(p *emu.Process, dev term.Term) (*format.Device, term.Term) {
	switch {
	case dev == atomStandardIO || dev == atomUser || dev.IsPid():
		return format.Stdout, term.NonValue
	case dev == atomStandardError:
		return format.Stderr, term.NonValue
	case dev.IsAtom():
		return nil, p.Error(atomTerminated)
	}
	return nil, p.Badarg()
}

func ioFormatTo(p *emu.Process, d *format.Device, f, args term.Term) term.Term {
	s, err := format.FormatString(f, args)
	if err != nil {
		return p.Badarg()
	}
	d.PutChars(s)
	return term.Ok
}

func ioFormat1(p *emu.Process, args []term.Term) term.Term {
	return ioFormatTo(p, format.Stdout, args[0], term.Nil)
}

func ioFormat2(p *emu.Process, args []term.Term) term.Term {
	return ioFormatTo(p, format.Stdout, args[0], args[1])
}

func ioFormat3(p *emu.Process, args []term.Term) term.Term {
	d, exc := ioDevice(p, args[0])
	if d == nil {
		return exc
	}
	return ioFormatTo(p, d, args[1], args[2])
}

func ioPutCharsTo(p *emu.Process, d *format.Device, chars term.Term) term.Term {
	s, ok := format.Chardata(chars)
	if !ok {
		return p.Badarg()
	}
	d.PutChars(s)
	return term.Ok
}

func ioPutChars1(p *emu.Process, args []term.Term) term.Term {
	return ioPutCharsTo(p, format.Stdout, args[0])
}

func ioPutChars2(p *emu.Process, args []term.Term) term.Term {
	d, exc := ioDevice(p, args[0])
	if d == nil {
		return exc
	}
	return ioPutCharsTo(p, d, args[1])
}

func ioNl0(p *emu.Process, args []term.Term) term.Term {
	format.Stdout.PutChars("\n")
	return term.Ok
}

func ioNl1(p *emu.Process, args []term.Term) term.Term {
	d, exc := ioDevice(p, args[0])
	if d == nil {
		return exc
	}
	d.PutChars("\n")
	return term.Ok
}

// io:write/1,2 print ~w of the term.
func ioWrite1(p *emu.Process, args []term.Term) term.Term {
	format.Stdout.PutChars(format.Write(args[0]))
	return term.Ok
}

func ioWrite2(p *emu.Process, args []term.Term) term.Term {
	d, exc := ioDevice(p, args[0])
	if d == nil {
		return exc
	}
	d.PutChars(format.Write(args[1]))
	return term.Ok
}

// erlangDisplay is erlang:display/1: the emulator's own term printer,
// straight to standard output, with the "\r\n" OTP's printer ends it with.
func erlangDisplay(p *emu.Process, args []term.Term) term.Term {
	out := append(format.Display(args[0]), '\r', '\n')
	format.Stdout.WriteBytes(out)
	return term.True
}

// io:setopts/1,2: the encoding option sets the device's mode (latin1, or
// unicode/utf8); binary, list and the options of interactive terminals
// are accepted and have no effect on output. Anything else is
// {error, enotsup}, as OTP's user server answers.
func ioSetopts1(p *emu.Process, args []term.Term) term.Term {
	return ioSetoptsTo(p, format.Stdout, args[0])
}

func ioSetopts2(p *emu.Process, args []term.Term) term.Term {
	d, exc := ioDevice(p, args[0])
	if d == nil {
		return exc
	}
	return ioSetoptsTo(p, d, args[1])
}

func ioSetoptsTo(p *emu.Process, d *format.Device, opts term.Term) term.Term {
	enc, set := d.Encoding(), false
	for ; opts.IsCons(); opts = opts.Tail() {
		o := opts.Head()
		if o.IsAtom() {
			switch term.AtomName(o) {
			case "binary", "list", "echo", "expand_fun":
				continue
			}
			return term.Tuple2(p.Heap, term.AtomError, term.Intern("enotsup"))
		}
		if !o.IsTuple() || o.TupleArity() != 2 || !o.Element(1).IsAtom() {
			return term.Tuple2(p.Heap, term.AtomError, term.Intern("enotsup"))
		}
		switch k, v := o.Element(1), o.Element(2); term.AtomName(k) {
		case "encoding":
			switch v {
			case atomUnicode, atomUTF8:
				enc, set = format.Unicode, true
			case atomLatin1:
				enc, set = format.Latin1, true
			default:
				return term.Tuple2(p.Heap, term.AtomError, term.Intern("enotsup"))
			}
		case "binary", "echo", "expand_fun", "log", "line_history", "terminal":
		default:
			return term.Tuple2(p.Heap, term.AtomError, term.Intern("enotsup"))
		}
	}
	if opts != term.Nil {
		return p.Badarg()
	}
	if set {
		d.SetEncoding(enc)
	}
	return term.Ok
}
