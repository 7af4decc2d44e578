package bif

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestURIStringParse checks uri_string:parse/1 against OTP's documented
// results and RFC 3986's examples.
func TestURIStringParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"foo://user@example.com:8042/over/there?name=ferret#nose",
			`#{fragment => <<"nose">>,host => <<"example.com">>,path => <<"/over/there">>,port => 8042,query => <<"name=ferret">>,scheme => <<"foo">>,userinfo => <<"user">>}`},
		{"urn:example:animal:ferret:nose", `#{path => <<"example:animal:ferret:nose">>,scheme => <<"urn">>}`},
		{"", `#{path => <<>>}`},
		{"/a/b?c", `#{path => <<"/a/b">>,query => <<"c">>}`},
		{"?q", `#{path => <<>>,query => <<"q">>}`},
		{"#f", `#{fragment => <<"f">>,path => <<>>}`},
		{"a/b", `#{path => <<"a/b">>}`},
		{"http://host:/p", `#{host => <<"host">>,path => <<"/p">>,port => undefined,scheme => <<"http">>}`},
		{"http://[::1]:80", `#{host => <<"::1">>,path => <<>>,port => 80,scheme => <<"http">>}`},
		{"http://", `#{host => <<>>,path => <<>>,scheme => <<"http">>}`},
		{"//h", `#{host => <<"h">>,path => <<>>}`},
		{"http://a b", `{error,invalid_uri," "}`},
		{"http://[::1", `{error,invalid_uri,<<>>}`},
		{"http://[1::2::3]", `{error,invalid_uri,"1::2::3"}`},
		{"a b", `{error,invalid_uri," "}`},
		{"http://h/%zz", `#{host => <<"h">>,path => <<"/%zz">>,scheme => <<"http">>}`},
	} {
		assert.Equal(t, c.want, callBIF(t, "uri_string", "parse", bin(c.in)), "uri_string:parse(%q)", c.in)
	}
	assert.Equal(t,
		`#{fragment => "nose",host => "example.com",path => "/over/there",port => 8042,query => "name=ferret",scheme => "foo",userinfo => "user"}`,
		callBIF(t, "uri_string", "parse", chars("foo://user@example.com:8042/over/there?name=ferret#nose")))
}

func TestURIStringDissectQuery(t *testing.T) {
	assert.Equal(t, `[{"foo bar","1"},{"city","örebro"}]`,
		callBIF(t, "uri_string", "dissect_query", chars("foo+bar=1&city=%C3%B6rebro")))
	for _, c := range []struct{ in, want string }{
		{"foo+bar=1&city=%26%2326481%3B", `[{<<"foo bar">>,<<"1">>},{<<"city">>,<<230,157,177>>}]`},
		{"", `[]`},
		{"a", `[{<<"a">>,true}]`},
		{"a&b=2", `[{<<"a">>,true},{<<"b">>,<<"2">>}]`},
		{"a=1&a=2", `[{<<"a">>,<<"1">>},{<<"a">>,<<"2">>}]`},
		{"a=%zz", `{error,invalid_percent_encoding,"%zz"}`},
		{"a=%4", `[{<<"a">>,<<"%4">>}]`},
		{"a=&b=", `[{<<"a">>,<<>>},{<<"b">>,<<>>}]`},
	} {
		assert.Equal(t, c.want, callBIF(t, "uri_string", "dissect_query", bin(c.in)), "uri_string:dissect_query(%q)", c.in)
	}
}
