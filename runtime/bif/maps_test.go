package bif

import "testing"

func TestMapsOracle(t *testing.T) {
	libOracle(t, []string{
		`maps:get(a,#{a=>1})`, `maps:get(b,#{a=>1})`, `maps:get(a,x)`, `maps:get(1.0,#{1=>x})`,
		`maps:get(b,#{a=>1},d)`, `maps:get(a,x,d)`,
		`maps:find(a,#{a=>1})`, `maps:find(b,#{a=>1})`, `maps:find(b,[])`,
		`maps:put(b,2,#{a=>1})`, `maps:put(a,2,#{a=>1})`, `maps:put(a,2,x)`, `maps:put(1.0,x,#{1=>y})`,
		`maps:remove(a,#{a=>1,b=>2})`, `maps:remove(c,#{a=>1})`, `maps:remove(c,x)`,
		`maps:update(a,2,#{a=>1})`, `maps:update(b,2,#{a=>1})`, `maps:update(b,2,y)`,
		`maps:merge(#{a=>1,b=>2},#{b=>3,c=>4})`, `maps:merge(x,#{})`, `maps:merge(#{},y)`, `maps:merge(x,y)`,
		`maps:keys(#{b=>1,a=>2,1=>x,"s"=>y})`, `maps:values(#{b=>1,a=>2})`, `maps:to_list(#{b=>1,a=>2,{t}=>3})`, `maps:keys(x)`, `maps:to_list(x)`,
		`maps:from_list([{a,1},{b,2},{a,3}])`, `maps:from_list([{a,1}|x])`, `maps:from_list([x])`, `maps:from_list(x)`, `maps:from_list([])`,
		`maps:from_keys([a,b,a],0)`, `maps:from_keys(x,0)`,
		`maps:size(#{a=>1})`, `maps:size(x)`, `maps:is_key(a,#{a=>1})`, `maps:is_key(b,#{a=>1})`, `maps:is_key(b,x)`,
		`maps:with([a,c],#{a=>1,b=>2})`, `maps:with(x,#{a=>1})`, `maps:with([a],x)`, `maps:with([a|x],#{a=>1})`,
		`maps:without([a,c],#{a=>1,b=>2})`, `maps:without(x,#{})`, `maps:without([a],x)`,
		`maps:new()`, `maps:take(a,#{a=>1,b=>2})`, `maps:take(c,#{a=>1})`, `maps:take(c,x)`,
		`maps:intersect(#{a=>1,b=>2},#{b=>3,c=>4})`, `maps:intersect(x,#{})`,
		`maps:iterator(#{a=>1,b=>2})`, `maps:iterator(x)`, `maps:next(maps:iterator(#{a=>1,b=>2}))`, `maps:next(none)`, `maps:next(x)`,
		`maps:next(maps:iterator(#{}))`, `maps:next({a,1,none})`,
	})
}
