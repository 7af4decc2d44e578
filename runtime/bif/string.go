package bif

import (
	"math"
	"math/big"
	"strconv"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// string:list_to_integer/1 and list_to_float/1, the two functions of the
// string module that OTP implements in C; to_integer/1 and to_float/1
// (string_api.go) use them too.

func init() {
	emu.Register("string", "list_to_integer", 1, stringListToInteger)
	emu.Register("string", "list_to_float", 1, stringListToFloat)
}

var (
	stringNotAList  = term.Intern("not_a_list")
	stringNoInteger = term.Intern("no_integer")
	stringNoFloat   = term.Intern("no_float")
)

// stringPrefix reads the leading characters of a list that are ASCII, as
// far as the list is proper and flat; rest is the list after them.
func stringPrefix(t term.Term) (s []byte, cells []term.Term, ok bool) {
	if !t.IsList() {
		return nil, nil, false
	}
	for ; t.IsCons(); t = t.Tail() {
		c := t.Head()
		if !c.IsSmall() || c.SmallValue() < 0 || c.SmallValue() > 127 {
			break
		}
		s = append(s, byte(c.SmallValue()))
		cells = append(cells, t)
	}
	return s, cells, true
}

// stringRest returns the list after the first n characters.
func stringRest(t term.Term, cells []term.Term, n int) term.Term {
	if n == 0 {
		return t
	}
	return cells[n-1].Tail()
}

func stringDigits(s []byte, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func stringListToInteger(p *emu.Process, args []term.Term) term.Term {
	s, cells, ok := stringPrefix(args[0])
	if !ok {
		return term.Tuple2(p.Heap, term.AtomError, stringNotAList)
	}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	end := stringDigits(s, i)
	if end == i {
		return term.Tuple2(p.Heap, term.AtomError, stringNoInteger)
	}
	z, _ := new(big.Int).SetString(string(s[:end]), 10)
	return term.Tuple2(p.Heap, term.MakeBigInt(p.Heap, z), stringRest(args[0], cells, end))
}

// stringListToFloat accepts [+-]digits.digits[(e|E)[+-]digits], the form
// list_to_float/1 takes, and returns the rest of the list.
func stringListToFloat(p *emu.Process, args []term.Term) term.Term {
	s, cells, ok := stringPrefix(args[0])
	if !ok {
		return term.Tuple2(p.Heap, term.AtomError, stringNotAList)
	}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	intEnd := stringDigits(s, i)
	if intEnd == i || intEnd >= len(s) || s[intEnd] != '.' {
		return term.Tuple2(p.Heap, term.AtomError, stringNoFloat)
	}
	end := stringDigits(s, intEnd+1)
	if end == intEnd+1 {
		return term.Tuple2(p.Heap, term.AtomError, stringNoFloat)
	}
	if end < len(s) && (s[end] == 'e' || s[end] == 'E') {
		j := end + 1
		if j < len(s) && (s[j] == '-' || s[j] == '+') {
			j++
		}
		if k := stringDigits(s, j); k > j {
			end = k
		}
	}
	f, err := strconv.ParseFloat(string(s[:end]), 64)
	if err != nil || math.IsInf(f, 0) {
		return term.Tuple2(p.Heap, term.AtomError, stringNoFloat)
	}
	return term.Tuple2(p.Heap, term.NewFloat(p.Heap, f), stringRest(args[0], cells, end))
}
