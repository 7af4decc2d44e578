package heap

import "unsafe"

// Native code allocates in the young generation itself, by bumping an
// address (runtime/abi). Bump hands out that region and SetBump takes the
// new top back; nothing else may allocate in between.

// Bump returns the address of the young generation's next free word and
// the limit native code may allocate up to. The limit is zero when the
// next heap check must collect: in torture mode, and when allocations
// have spilled into fragments (as HasRoom says no then).
func (h *Heap) Bump() (top, limit uintptr) {
	base := uintptr(unsafe.Pointer(unsafe.SliceData(h.young)))
	top = base + uintptr(h.top)*8
	if Torture || len(h.frags) > 0 {
		return top, 0
	}
	return top, base + uintptr(len(h.young))*8
}

// SetBump records the top native code has bumped to.
func (h *Heap) SetBump(top uintptr) {
	base := uintptr(unsafe.Pointer(unsafe.SliceData(h.young)))
	h.top = int((top - base) / 8)
}

// Fits reports whether n words fit in the young generation now, whatever
// torture mode says: native code allocates there without further checks
// once a heap check has passed.
func (h *Heap) Fits(n int) bool { return h.top+n <= len(h.young) }
