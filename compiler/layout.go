package compiler

import (
	"fmt"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/linker"
	"github.com/beamrc/beamrc/runtime/beam"
)

// layout concatenates the lowered functions into one blob, each entry
// aligned as the backend asks, resolves the references between them, and
// records each function's symbol and entry in the image. It returns nil
// when nothing was lowered.
func layout(goarch string, be codegen.Backend, native []lowered, img *linker.ImageBuilder) (*linker.Object, error) {
	if len(native) == 0 {
		return nil, nil
	}
	alignTo := be.Align()
	if alignTo < 1 {
		alignTo = 1
	}
	obj := &linker.Object{Arch: goarch}
	if pre, ok := be.(codegen.Preluder); ok {
		// The dispatcher the runtime enters through (abi.DispatchOffset).
		obj.Code = append(obj.Code, pre.Prelude()...)
	}
	entries := make(map[beam.MFA]uint32, len(native))
	exported := make(map[beam.MFA]bool, len(native))
	starts := make([]uint32, len(native))
	for i, l := range native {
		if pad := (alignTo - len(obj.Code)%alignTo) % alignTo; pad > 0 {
			obj.Code = append(obj.Code, linker.Padding(goarch, pad)...)
		}
		start := uint32(len(obj.Code))
		starts[i] = start
		obj.Code = append(obj.Code, l.code.Bytes...)
		mfa := l.fn.MFA()
		entries[mfa] = start
		obj.Symbols = append(obj.Symbols, linker.Symbol{
			Name:   linker.SymbolName(mfa.Module, mfa.Function, mfa.Arity),
			Offset: start,
			Size:   uint32(len(l.code.Bytes)),
		})
		fi := img.AddFunction(mfa.Module, mfa.Function, mfa.Arity, start, l.fn.Exported)
		exported[mfa] = l.fn.Exported
		for _, s := range l.code.Sites {
			img.AddSite(start+s.Offset, fi, s.Index)
		}
	}
	for i, l := range native {
		for _, r := range l.code.Refs {
			if int(r.Offset) >= len(l.code.Bytes) {
				return nil, fmt.Errorf("%s: reference at %d is outside its %d bytes of code", l.fn.MFA(), r.Offset, len(l.code.Bytes))
			}
			target, ok := entries[r.Target]
			if r.External && !exported[r.Target] {
				ok = false // call_ext reaches exported functions only
			}
			if err := be.Resolve(obj.Code, starts[i]+r.Offset, r, target, ok); err != nil {
				return nil, fmt.Errorf("%s: reference to %s: %w", l.fn.MFA(), r.Target, err)
			}
		}
	}
	return obj, nil
}
