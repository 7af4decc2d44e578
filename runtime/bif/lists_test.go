package bif

import "testing"

func TestListsOracle(t *testing.T) {
	libOracle(t, []string{
		`lists:reverse([1,2,3])`, `lists:reverse([])`, `lists:reverse([a|x])`, `lists:reverse([a,b|x])`,
		`lists:reverse(x)`, `lists:reverse([1,2],[3])`, `lists:reverse([1|x],[3])`, `lists:reverse([1],x)`,
		`lists:keyfind(1,1,[{1.0,a}])`, `lists:keyfind(b,2,[{a},{x,b,c}])`, `lists:keyfind(1,0,[])`,
		`lists:keyfind(1,1,[x|y])`, `lists:keyfind(1,1,[{1}|y])`, `lists:keyfind(1,a,[])`,
		`lists:keymember(2,1,[{1},{2}])`, `lists:keysearch(2,1,[{1},{2}])`, `lists:keysearch(3,1,[{1},{2}])`,
		`lists:keydelete(2,1,[{1},{2},{2}])`, `lists:keydelete(2,1,[{1}])`, `lists:keydelete(2,0,[{1}])`, `lists:keydelete(2,1,[{1}|x])`,
		`lists:keyreplace(2,1,[{1},{2.0},{2}],{new})`, `lists:keyreplace(2,1,[{1}],{new})`, `lists:keyreplace(2,1,[{1}],new)`,
		`lists:keystore(2,1,[{1},{2}],{n})`, `lists:keystore(3,1,[{1},{2}],{n})`,
		`lists:keytake(2,1,[{1},{2},{3}])`, `lists:keytake(5,1,[{1},{2},{3}])`,
		`lists:member(a,[b|c])`, `lists:member(a,[a|c])`, `lists:member(1,[1.0])`, `lists:member(x,[])`,
		`lists:append([1],[2])`, `lists:append([1|x],[2])`, `lists:append([[1],[2,3],[]])`, `lists:append([[1],x])`, `lists:append([x,[1]])`, `lists:append([])`,
		`lists:merge([1,3],[1.0,2])`, `lists:merge([1,3],[])`, `lists:merge([],[2])`, `lists:merge(x,[])`,
		`lists:nth(1,[a,b])`, `lists:nth(2,[a,b])`, `lists:nth(3,[a,b])`, `lists:nth(0,[a,b])`,
		`lists:nthtail(0,[a,b])`, `lists:nthtail(2,[a,b])`, `lists:nthtail(3,[a,b])`, `lists:nthtail(0,x)`, `lists:nthtail(1,[a|x])`,
		`lists:last([1,2,3])`, `lists:last([])`, `lists:last([1|x])`,
		`lists:flatten([1,[2,[3,[]],[[[4]]]],5])`, `lists:flatten([[],[[]]])`, `lists:flatten(x)`, `lists:flatten([1|x])`, `lists:flatten([[1|x]])`,
		`lists:flatten([1,[2]],[3])`, `lists:flatten([1],x)`, `lists:flatlength([1,[2,[3]]])`,
		`lists:seq(1,5)`, `lists:seq(1,0)`, `lists:seq(3,1)`, `lists:seq(1,a)`, `lists:seq(1,10,3)`, `lists:seq(10,1,-3)`,
		`lists:seq(1,5,0)`, `lists:seq(1,1,0)`, `lists:seq(7,7)`, `lists:seq(-5,5,2)`, `lists:seq(-3,-10,-2)`, `lists:seq(1,0,1)`, `lists:seq(1,-1,1)`, `lists:seq(1152921504606846974,1152921504606846978)`,
		`lists:sum([1,2,3])`, `lists:sum([1,2.5])`, `lists:sum([])`, `lists:sum([a])`, `lists:sum([1|x])`, `lists:sum([1152921504606846975,1])`,
		`lists:max([1,3,2])`, `lists:max([])`, `lists:max([1,1.0])`, `lists:min([1,1.0])`, `lists:min([b,a,c])`, `lists:max([a|b])`,
		`lists:duplicate(3,x)`, `lists:duplicate(0,x)`, `lists:duplicate(-1,x)`,
		`lists:sublist([1,2,3],2)`, `lists:sublist([1,2,3],5)`, `lists:sublist([1,2,3],0)`, `lists:sublist([1,2,3],-1)`, `lists:sublist([1|x],1)`, `lists:sublist([1|x],2)`,
		`lists:sublist([1,2,3,4],2,2)`, `lists:sublist([1,2,3],5,2)`, `lists:sublist([1,2,3],4,2)`, `lists:sublist([1,2,3],0,2)`, `lists:sublist([1,2,3],2,-1)`,
		`lists:split(1,[a,b])`, `lists:split(3,[a,b])`, `lists:split(-1,[a,b])`, `lists:split(2,[a|b])`, `lists:split(0,x)`,
		`lists:zip([1,2],[a,b])`, `lists:zip([1],[a,b])`, `lists:zip3([1],[a],[x])`, `lists:unzip([{1,a},{2,b}])`, `lists:unzip([{1,a},x])`, `lists:unzip3([{1,a,x}])`,
		`lists:delete(1,[1.0,1,2,1])`, `lists:delete(3,[1,2])`, `lists:delete(3,[1|x])`, `lists:delete(1,[1|x])`,
		`lists:subtract([1,2,3,2,1.0],[2,1])`, `lists:subtract([1|x],[1])`, `lists:subtract([1],[1|x])`,
		`lists:prefix([1,2],[1,2,3])`, `lists:prefix([1,3],[1,2,3])`, `lists:prefix([1.0],[1])`, `lists:prefix([1],x)`,
		`lists:suffix([2,3],[1,2,3])`, `lists:suffix([2],[1,2,3])`, `lists:suffix([1,2,3,4],[1])`, `lists:suffix(x,[1])`,
		`lists:droplast([1,2,3])`, `lists:droplast([1])`, `lists:droplast([])`,
		`lists:concat([a,"b",1,2.5,'c d'])`, `lists:concat([{x}])`,
		`lists:join(x,[1,2,3])`, `lists:join(x,[])`, `lists:join(x,[1])`, `lists:join(x,y)`,
		`lists:enumerate([a,b])`, `lists:enumerate(5,[a,b])`, `lists:enumerate(-1,[a])`, `lists:enumerate(a,[a])`, `lists:enumerate([a|b])`,
	})
}
