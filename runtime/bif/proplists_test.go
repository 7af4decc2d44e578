package bif

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// proplists against erl: every entry shape (atoms, pairs, longer and
// empty tuples, non-entries), keys that are == but not =:=, and lists
// that are not proper.
func TestProplistsOracle(t *testing.T) {
	const l = `[a,{b,1},{a,2},{c,1,2},"str",5,{d},{e,[x]},b,{"k",v},{1,one},{1.0,onef},{},{f,true},{g,true,x}]`
	var calls []string
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "1", "1.0", `"k"`, "zz"} {
		calls = append(calls,
			"proplists:get_value("+k+","+l+")", "proplists:get_value("+k+","+l+",def)",
			"proplists:lookup("+k+","+l+")", "proplists:lookup_all("+k+","+l+")",
			"proplists:is_defined("+k+","+l+")", "proplists:get_all_values("+k+","+l+")",
			"proplists:append_values("+k+","+l+")", "proplists:get_bool("+k+","+l+")",
			"proplists:delete("+k+","+l+")",
		)
	}
	calls = append(calls,
		"proplists:get_keys("+l+")", "proplists:compact("+l+")", "proplists:unfold("+l+")",
		"proplists:to_map("+l+")", "proplists:split("+l+",[a,c,zz,1])", "proplists:split([],[])",
		"proplists:from_map(#{a=>1,b=>2})", "proplists:from_map(x)",
		"proplists:property({a,true})", "proplists:property({a,true,x})", "proplists:property({\"a\",true})",
		"proplists:property({a,false})", "proplists:property(a)",
		"proplists:property(a,true)", "proplists:property(a,1)", "proplists:property(\"a\",true)",
		"proplists:append_values(a,[{a,[1|2]}])", "proplists:append_values(a,[{a,[1|2]},{a,3}])",
		"proplists:append_values(a,[{a,[]},{a,[x]},{a,y},a])",
		"proplists:get_bool(a,[{a,yes}])", "proplists:get_bool(a,[])",
		"proplists:get_value(a,[a|c])", "proplists:get_value(a,[b|c])", "proplists:get_value(a,x)",
		"proplists:get_value(a,[b|c],d)", "proplists:lookup(a,x)", "proplists:lookup(a,[{a}|x])",
		"proplists:is_defined(a,[b|c])", "proplists:get_bool(a,[b|c])",
		"proplists:lookup_all(a,[a|c])", "proplists:get_all_values(a,[a|c])", "proplists:append_values(a,x)",
		"proplists:delete(a,[b|c])", "proplists:get_keys(x)", "proplists:get_keys([a|b])",
		"proplists:compact(x)", "proplists:unfold([a|b])", "proplists:to_map(x)", "proplists:split(x,[])",
		"proplists:split([],x)", "proplists:compact([a|b])", "proplists:split([],[a|b])", "proplists:split([a|b],[a])",
		"proplists:split([{a,1}],[a|b])", "proplists:split([a|b],[a|b])",
	)
	libOracle(t, calls)
}

// get_keys/1 returns the keys in the order of OTP's sets, which changes
// shape as the set grows (every 5 elements per slot past 80).
func TestProplistsGetKeysOrder(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	var calls []string
	for _, n := range []int{0, 1, 20, 80, 81, 85, 200, 700, 1500} {
		keys := make([]string, n)
		for i := range keys {
			switch r.Intn(4) {
			case 0:
				keys[i] = fmt.Sprintf("k%d", r.Intn(3*n+1))
			case 1:
				keys[i] = fmt.Sprintf("{%d,v}", r.Intn(3*n+1))
			case 2:
				keys[i] = fmt.Sprintf("{\"s%d\",v,w}", r.Intn(3*n+1))
			default:
				keys[i] = fmt.Sprintf("{%d.0}", r.Intn(3*n+1))
			}
		}
		calls = append(calls, "proplists:get_keys(["+strings.Join(keys, ",")+"])")
	}
	libOracle(t, calls)
}
