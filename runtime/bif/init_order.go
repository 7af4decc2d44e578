package bif

import (
	"cmp"
	"slices"
)

// sortedKeys returns m's keys in order. Init code that registers BIFs from
// a map must range over these, never over the map: registering interns
// atoms, and the runtime's start-up atom numbering has to be the same on
// every start for native code to be usable (runtime/image).
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
