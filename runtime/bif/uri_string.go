package bif

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// uri_string:parse/1 and dissect_query/1, after RFC 3986 and OTP's
// documented results: parse gives a map of the components present
// (scheme, userinfo, host, port, path, query, fragment; path is always
// there, port is an integer or undefined for an empty port), in the
// input's type (binary in, binaries out; a list in, lists out). Nothing is
// percent-decoded. A character that cannot be where it is gives
// {error, invalid_uri, [Char]}; input that ends too early (in userinfo,
// an IPv6 literal or a scheme) gives {error, invalid_uri, <<>>}.
//
// dissect_query splits a form-urlencoded query on "&" into {Key, Value}
// pairs, decoding "+" as space, %XX, and "&#NNN;" character references; a
// key without "=" gets the value true.

func init() {
	emu.Register("uri_string", "parse", 1, uriParse)
	emu.Register("uri_string", "dissect_query", 1, uriDissectQuery)
}

var (
	atomScheme                 = term.Intern("scheme")
	atomUserinfo               = term.Intern("userinfo")
	atomHost                   = term.Intern("host")
	atomPort                   = term.Intern("port")
	atomPath                   = term.Intern("path")
	atomQuery                  = term.Intern("query")
	atomFragment               = term.Intern("fragment")
	atomInvalidURI             = term.Intern("invalid_uri")
	atomInvalidInput           = term.Intern("invalid_input")
	atomInvalidPercentEncoding = term.Intern("invalid_percent_encoding")
	atomInvalidCharacter       = term.Intern("invalid_character")
)

// uriText reads uri_string's input: a binary, or chardata (code points
// and binaries). isList reports the latter.
func uriText(t term.Term) (s string, isList, ok bool) {
	if t.IsBinary() {
		b, _ := t.BinaryBytes()
		return string(b), false, true
	}
	if !t.IsList() {
		return "", false, false
	}
	var b strings.Builder
	if !uriChardata(&b, t, 0) {
		return "", true, false
	}
	return b.String(), true, true
}

func uriChardata(b *strings.Builder, t term.Term, depth int) bool {
	if depth > 1000 {
		return false
	}
	for ; t.IsCons(); t = t.Tail() {
		switch h := t.Head(); {
		case h.IsSmall() && h.SmallValue() >= 0 && h.SmallValue() <= utf8.MaxRune:
			b.WriteRune(rune(h.SmallValue()))
		case h.IsBinary():
			bs, _ := h.BinaryBytes()
			b.Write(bs)
		case h.IsList():
			if !uriChardata(b, h, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return t == term.Nil || t.IsBinary()
}

// uriValue makes a result component in the input's type.
func uriValue(p *emu.Process, s string, isList bool) term.Term {
	if !isList {
		return term.NewBinary(p.Heap, []byte(s))
	}
	elems := make([]term.Term, 0, len(s))
	for _, r := range s {
		elems = append(elems, term.MakeSmall(int64(r)))
	}
	return term.ListFrom(p.Heap, elems)
}

// uriError is a parse failure: the offending character, or at the end
// of the input.
type uriError struct {
	char  rune
	atEnd bool
	text  string // for an invalid IPv6 literal: the address
}

func uriBad(s string, i int) *uriError {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return &uriError{char: r}
}

// uriParts are the components found; nil means absent.
type uriParts struct {
	scheme, userinfo, host, path, query, fragment *string
	port                                          *string // digits; "" is undefined
}

func strp(s string) *string { return &s }

func isAlphaByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isUnreserved(c byte) bool {
	return isAlphaByte(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'
}

func isSubDelim(c byte) bool { return strings.IndexByte("!$&'()*+,;=", c) >= 0 }

func isPchar(c byte) bool {
	return c == '%' || c == ':' || c == '@' || isUnreserved(c) || isSubDelim(c)
}

func isScheme(c byte) bool { return isAlphaByte(c) || isDigit(c) || c == '+' || c == '-' || c == '.' }

func uriParseString(s string) (*uriParts, *uriError) {
	u := &uriParts{}
	if s == "" {
		u.path = strp("")
		return u, nil
	}
	if isAlphaByte(s[0]) {
		i := 1
		for i < len(s) && isScheme(s[i]) {
			i++
		}
		if i < len(s) && s[i] == ':' {
			u.scheme = strp(s[:i])
			if err := u.hier(s, i+1, true); err != nil {
				return nil, err
			}
			if u.path == nil {
				u.path = strp("")
			}
			return u, nil
		}
	}
	if err := u.hier(s, 0, false); err != nil {
		return nil, err
	}
	if u.path == nil {
		u.path = strp("")
	}
	return u, nil
}

// hier reads the part after the scheme (or a relative reference).
func (u *uriParts) hier(s string, i int, scheme bool) *uriError {
	switch {
	case strings.HasPrefix(s[i:], "//"):
		return u.parseAuthority(s, i+2)
	case i == len(s):
		return nil
	}
	start := i
	c := s[i]
	switch {
	case c == '?' || c == '#':
	case c == '/':
		i++
	case scheme && isPchar(c), !scheme && c != ':' && isPchar(c):
		// path-rootless; a relative path's first segment has no colon
		i++
		if !scheme {
			for i < len(s) && s[i] != '/' && s[i] != '?' && s[i] != '#' {
				if s[i] == ':' || !isPchar(s[i]) {
					return uriBad(s, i)
				}
				i++
			}
		}
	default:
		return uriBad(s, i)
	}
	end, err := u.segments(s, i)
	if err != nil {
		return err
	}
	if end > start {
		u.path = strp(s[start:end])
	}
	return nil
}

// segments reads path characters from i and then the query and fragment;
// it returns where the path ends.
func (u *uriParts) segments(s string, i int) (int, *uriError) {
	for i < len(s) && s[i] != '?' && s[i] != '#' {
		if s[i] != '/' && !isPchar(s[i]) {
			return 0, uriBad(s, i)
		}
		i++
	}
	end := i
	if i < len(s) && s[i] == '?' {
		j := i + 1
		for j < len(s) && s[j] != '#' {
			if s[j] != '/' && s[j] != '?' && !isPchar(s[j]) {
				return 0, uriBad(s, j)
			}
			j++
		}
		u.query = strp(s[i+1 : j])
		i = j
	}
	if i < len(s) && s[i] == '#' {
		j := i + 1
		for j < len(s) {
			if s[j] != '/' && s[j] != '?' && !isPchar(s[j]) {
				return 0, uriBad(s, j)
			}
			j++
		}
		u.fragment = strp(s[i+1 : j])
	}
	return end, nil
}

// parseAuthority reads [userinfo@]host[:port] from i, then the path.
func (u *uriParts) parseAuthority(s string, i int) *uriError {
	j := i
	for j < len(s) && s[j] != '@' && (s[j] == '%' || s[j] == ':' || isUnreserved(s[j]) || isSubDelim(s[j])) {
		j++
	}
	if j < len(s) && s[j] == '@' {
		saved := *u
		if err := u.parseHost(s, j+1); err == nil {
			u.userinfo = strp(s[i:j])
			return nil
		}
		*u = saved
	}
	return u.parseHost(s, i)
}

// parseHost reads host[:port] from i, then the path.
func (u *uriParts) parseHost(s string, i int) *uriError {
	j := i
	if j < len(s) && s[j] == '[' {
		k := j + 1
		for k < len(s) && s[k] != ']' {
			if c := s[k]; c != ':' && c != '.' && !isHexDigit(c) {
				return uriBad(s, k)
			}
			k++
		}
		if k >= len(s) {
			return &uriError{atEnd: true}
		}
		addr := s[j+1 : k]
		if ip, err := netip.ParseAddr(addr); err != nil || !ip.Is6() {
			return &uriError{text: addr}
		}
		u.host = strp(addr)
		j = k + 1
		if j < len(s) {
			switch s[j] {
			case ':', '/', '?', '#':
			default:
				return uriBad(s, j)
			}
		}
	} else {
		for j < len(s) && s[j] != ':' && s[j] != '/' && s[j] != '?' && s[j] != '#' {
			if c := s[j]; c != '%' && !isUnreserved(c) && !isSubDelim(c) {
				return uriBad(s, j)
			}
			j++
		}
		u.host = strp(s[i:j])
	}
	if j < len(s) && s[j] == ':' {
		k := j + 1
		for k < len(s) && s[k] != '/' && s[k] != '?' && s[k] != '#' {
			if !isDigit(s[k]) {
				return uriBad(s, k)
			}
			k++
		}
		u.port = strp(s[j+1 : k])
		j = k
	}
	start := j
	end, err := u.segments(s, j)
	if err != nil {
		return err
	}
	if end > start {
		u.path = strp(s[start:end])
	}
	return nil
}

func isHexDigit(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func uriErrorTuple(p *emu.Process, kind, detail term.Term) term.Term {
	return term.NewTuple(p.Heap, term.AtomError, kind, detail)
}

func uriParse(p *emu.Process, args []term.Term) term.Term {
	s, isList, ok := uriText(args[0])
	if !ok {
		if !args[0].IsList() && !args[0].IsBinary() {
			return p.Error(term.FunctionClause)
		}
		return uriErrorTuple(p, atomInvalidInput, args[0])
	}
	if !utf8.ValidString(s) {
		return uriErrorTuple(p, atomInvalidInput, args[0])
	}
	u, err := uriParseString(s)
	if err != nil {
		var detail term.Term
		switch {
		case err.atEnd:
			detail = term.NewBinary(p.Heap, nil)
		case err.text != "":
			detail = uriValue(p, err.text, true)
		default:
			detail = term.ListFrom(p.Heap, []term.Term{term.MakeSmall(int64(err.char))})
		}
		return uriErrorTuple(p, atomInvalidURI, detail)
	}
	var keys, vals []term.Term
	add := func(k term.Term, v *string) {
		if v != nil {
			keys = append(keys, k)
			vals = append(vals, uriValue(p, *v, isList))
		}
	}
	add(atomScheme, u.scheme)
	add(atomUserinfo, u.userinfo)
	add(atomHost, u.host)
	add(atomPath, u.path)
	add(atomQuery, u.query)
	add(atomFragment, u.fragment)
	if u.port != nil {
		port := term.Undefined
		if *u.port != "" {
			port = jsonInteger(p.Heap, strings.TrimLeft(*u.port, "0"))
			if strings.TrimLeft(*u.port, "0") == "" {
				port = term.MakeSmall(0)
			}
		}
		keys = append(keys, atomPort)
		vals = append(vals, port)
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func uriDissectQuery(p *emu.Process, args []term.Term) term.Term {
	s, isList, ok := uriText(args[0])
	if !ok {
		if !args[0].IsList() && !args[0].IsBinary() {
			return p.Error(term.FunctionClause)
		}
		return uriErrorTuple(p, atomInvalidInput, args[0])
	}
	if s == "" {
		return term.Nil
	}
	var pairs []term.Term
	for _, f := range uriQueryFields(s) {
		k, err := uriFormDecode(p, f.key, isList)
		if err != term.NonValue {
			return err
		}
		v := term.True
		if f.hasValue {
			if v, err = uriFormDecode(p, f.value, isList); err != term.NonValue {
				return err
			}
		}
		pairs = append(pairs, term.Tuple2(p.Heap, k, v))
	}
	return term.ListFrom(p.Heap, pairs)
}

type uriField struct {
	key, value string
	hasValue   bool
}

// uriQueryFields splits a query into fields: a key ends at "=" or at an
// "&" that does not start a character reference ("&#"), a value at any
// "&".
func uriQueryFields(s string) []uriField {
	var fields []uriField
	var f uriField
	start, inValue := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case !inValue && s[i] == '=':
			f.key, f.hasValue = s[start:i], true
			start, inValue = i+1, true
		case !inValue && s[i] == '&' && i+1 < len(s) && s[i+1] == '#':
			i++
		case s[i] == '&':
			if inValue {
				f.value = s[start:i]
			} else {
				f.key = s[start:i]
			}
			fields = append(fields, f)
			f, start, inValue = uriField{}, i+1, false
		}
	}
	if inValue {
		f.value = s[start:]
	} else {
		f.key = s[start:]
	}
	return append(fields, f)
}

// uriFormDecode decodes a form-urlencoded key or value; on failure it
// returns the error tuple as its second result (NonValue otherwise).
func uriFormDecode(p *emu.Process, s string, isList bool) (term.Term, term.Term) {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b = append(b, ' ')
		case c == '%':
			if i+2 >= len(s) {
				b = append(b, c) // too short for an escape: kept as is
				continue
			}
			if !isHexDigit(s[i+1]) || !isHexDigit(s[i+2]) {
				return 0, uriErrorTuple(p, atomInvalidPercentEncoding, uriValue(p, s[i:], true))
			}
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b = append(b, byte(v))
			i += 2
		default:
			b = append(b, c)
		}
	}
	out, bad, ok := uriCharRefs(string(b))
	if !ok {
		return 0, uriErrorTuple(p, atomInvalidInput, term.ListFrom(p.Heap, []term.Term{term.MakeSmall(int64(bad))}))
	}
	return uriValue(p, out, isList), term.NonValue
}

// uriCharRefs replaces "&#NNN;" references by their characters and checks
// that the rest is UTF-8; bad is the first byte that is not.
func uriCharRefs(s string) (out string, bad byte, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "&#") {
			j := i + 2
			cp := 0
			for j < len(s) && isDigit(s[j]) {
				if cp = cp*10 + int(s[j]-'0'); cp > utf8.MaxRune {
					return "", s[j], false
				}
				j++
			}
			if j >= len(s) || s[j] != ';' {
				if j >= len(s) {
					return "", 0, false
				}
				return "", s[j], false
			}
			if !utf8.ValidRune(rune(cp)) {
				return "", ';', false
			}
			b.WriteRune(rune(cp))
			i = j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return "", s[i], false
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String(), 0, true
}
