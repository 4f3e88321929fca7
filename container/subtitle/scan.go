package subtitle

// scanner matches text against a scanf format as glibc's sscanf does, one
// directive at a time, without backtracking; the first directive that does
// not match fails the scan, and every later one is a no-op. Only whether
// the whole format matched is kept: FFmpeg's probes count conversions but
// look at no value, and assdec.c needs only the end (%n).
//
// The text ends at its first 0 byte, as a C string does.
type scanner struct {
	s  []byte
	i  int
	ok bool
}

func newScanner(s []byte) scanner {
	for i, c := range s {
		if c == 0 {
			s = s[:i]
			break
		}
	}
	return scanner{s: s, ok: true}
}

// isSpace is isspace in the C locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// space is a blank in the format: it takes any run of white space, even
// none.
func (sc *scanner) space() *scanner {
	for sc.ok && sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
		sc.i++
	}
	return sc
}

// lit is an ordinary character of the format: the text must have it next.
func (sc *scanner) lit(lit string) *scanner {
	for j := 0; sc.ok && j < len(lit); j++ {
		if sc.i < len(sc.s) && sc.s[sc.i] == lit[j] {
			sc.i++
		} else {
			sc.ok = false
		}
	}
	return sc
}

// int is %d: white space, an optional sign, then at least one digit (all
// of them; the value may overflow, which fails nothing).
func (sc *scanner) int() *scanner {
	sc.space()
	if !sc.ok {
		return sc
	}
	if sc.i < len(sc.s) && (sc.s[sc.i] == '+' || sc.s[sc.i] == '-') {
		sc.i++
	}
	j := sc.i
	for sc.i < len(sc.s) && isDigit(sc.s[sc.i]) {
		sc.i++
	}
	sc.ok = sc.i > j
	return sc
}

// char is %c: any one character, white space included.
func (sc *scanner) char() *scanner {
	if sc.ok {
		sc.ok = sc.i < len(sc.s)
		sc.i++
	}
	return sc
}

// oneOf is %1[set]: one character of set.
func (sc *scanner) oneOf(set string) *scanner {
	if !sc.ok {
		return sc
	}
	sc.ok = false
	if sc.i < len(sc.s) {
		for j := 0; j < len(set); j++ {
			if sc.s[sc.i] == set[j] {
				sc.ok = true
				sc.i++
				break
			}
		}
	}
	return sc
}

// notComma is %[^,]: one or more characters up to a comma or the end.
func (sc *scanner) notComma() *scanner {
	if !sc.ok {
		return sc
	}
	j := sc.i
	for sc.i < len(sc.s) && sc.s[sc.i] != ',' {
		sc.i++
	}
	sc.ok = sc.i > j
	return sc
}

// strtolNonNegative reports whether strtol(s, &end, 10) reads a number
// (end moves past s's start) that is not negative, as srt_probe asks of
// the first line: white space, an optional sign, digits. "-0" is 0, and a
// negative number too large for a long is LONG_MIN, still negative.
func strtolNonNegative(s []byte) bool {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	digits, nonZero := 0, false
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
		nonZero = nonZero || s[i] != '0'
	}
	return digits > 0 && !(neg && nonZero)
}
