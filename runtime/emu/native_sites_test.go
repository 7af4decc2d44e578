package emu

import (
	"math"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// siteSearch is the plain binary search the table stands in for.
func siteSearch(sites []nativeSite, off uint32) int {
	i := sort.Search(len(sites), func(i int) bool { return sites[i].offset > off }) - 1
	if i < 0 {
		return 0
	}
	return int(sites[i].pc)
}

// randomSites returns n sites with offsets below limit, sorted. Offsets
// may repeat, and clusters make some buckets crowded.
func randomSites(r *rand.Rand, n int, limit uint32) []nativeSite {
	sites := make([]nativeSite, n)
	for i := range sites {
		off := r.Uint32() % limit
		if i > 0 && r.Intn(4) == 0 { // near (or on) the previous one
			off = min(sites[i-1].offset+uint32(r.Intn(3)), limit-1)
		}
		sites[i] = nativeSite{offset: off, pc: int32(r.Intn(1 << 20))}
	}
	slices.SortStableFunc(sites, func(a, b nativeSite) int { return int(a.offset) - int(b.offset) })
	return sites
}

// The table answers as the binary search over the same sorted sites,
// for offsets on, next to, between and beyond the sites, from its cache
// or not.
func TestSiteTableMatchesBinarySearch(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 300; round++ {
		n := r.Intn(200)
		if round%10 == 0 {
			n = r.Intn(20000)
		}
		limit := uint32(1 + r.Intn(1<<(4+r.Intn(20))))
		if round%50 == 0 {
			limit = math.MaxUint32
		}
		sites := randomSites(r, n, limit)
		table := newSiteTable(sites)
		probes := []uint32{0, 1, limit - 1, limit, limit + 1, math.MaxUint32}
		for _, s := range sites {
			probes = append(probes, s.offset-1, s.offset, s.offset+1)
		}
		for k := 0; k < 200; k++ {
			probes = append(probes, r.Uint32()%(limit+limit/4+1))
		}
		// Twice: the second pass meets the answers of the first in the
		// cache, where probes that share a slot have replaced each other.
		for pass := 0; pass < 2; pass++ {
			for _, off := range probes {
				require.Equal(t, siteSearch(sites, off), table.lookup(off), "round %d: %d sites below %d, offset %d", round, n, limit, off)
			}
		}
	}
}

// The index costs about one word of 32 bits per site, whatever the span.
func TestSiteTableSize(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for _, n := range []int{1, 10, 1000, 100000} {
		for _, limit := range []uint32{uint32(n), 1 << 16, 1 << 30} {
			table := newSiteTable(randomSites(r, n, limit))
			require.LessOrEqual(t, len(table.first), n+2, "%d sites below %d", n, limit)
		}
	}
}

// benchmarkSites looks up offsets drawn from a set of hot ones, as a
// loop's requests come from a few sites, among 20,000 sites.
func benchmarkSites(b *testing.B, hot int, lookup func(sites []nativeSite, table *siteTable, off uint32) int) {
	r := rand.New(rand.NewSource(3))
	sites := randomSites(r, 20000, 1<<20)
	table := newSiteTable(sites)
	offs := make([]uint32, hot)
	for i := range offs {
		offs[i] = r.Uint32() % (1 << 20)
	}
	sum := 0
	for i := 0; b.Loop(); i++ {
		sum += lookup(sites, table, offs[i%len(offs)])
	}
	_ = sum
}

func tableLookup(_ []nativeSite, table *siteTable, off uint32) int { return table.lookup(off) }

func binarySearch(sites []nativeSite, _ *siteTable, off uint32) int { return siteSearch(sites, off) }

func BenchmarkSiteTableHot(b *testing.B)     { benchmarkSites(b, 50, tableLookup) }
func BenchmarkSiteTableCold(b *testing.B)    { benchmarkSites(b, 4096, tableLookup) }
func BenchmarkSiteBinarySearch(b *testing.B) { benchmarkSites(b, 50, binarySearch) }
