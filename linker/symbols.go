package linker

import (
	"strconv"
	"strings"
)

// SymbolName is the object-file symbol of the BEAM function
// module:function/arity:
//
//	beam:<module>:<function>/<arity>     e.g. beam:gleam@list:map/2
//
// It reads like the MFA in `nm` and `perf report`. It cannot collide with a
// Go symbol: Go's own symbols with a colon are "type:…" and "go:…", package
// paths cannot contain ':', and C symbols are identifiers. It is injective:
// the module part escapes ':' (so the first colon after the prefix ends it)
// and the arity follows the last '/', so function names keep their
// slashes ("-main/0-fun-0-"). Bytes that tools or the object formats handle
// badly — control characters, space, DEL, and '%' itself — are written as
// %XX; other UTF-8 passes through.
//
// Go's linker takes these names as they are: it looks host-object
// symbols up by their full name, and '@', ':' and '/' have no meaning to
// it there.
func SymbolName(module, function string, arity int) string {
	var b strings.Builder
	b.Grow(len("beam:") + len(module) + len(function) + 5)
	b.WriteString("beam:")
	escapeInto(&b, module, true)
	b.WriteByte(':')
	escapeInto(&b, function, false)
	b.WriteByte('/')
	b.WriteString(strconv.Itoa(arity))
	return b.String()
}

func escapeInto(b *strings.Builder, s string, colon bool) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '%' || (colon && c == ':') {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
}
