package mpeg4

import (
	"bytes"
	"strings"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// readUserData reads a user data string as decode_user_data does: bytes up
// to the next start code prefix (23 zero bits), the end of the data or 255
// bytes, taken as a C string (up to the first NUL). It then looks for the
// version strings FFmpeg's decoder uses to choose its bug workarounds.
func (c *Config) readUserData(r *bits.Reader) {
	var buf [255]byte
	n := 0
	for n < len(buf) && r.Left() > 0 && r.Peek(23) != 0 {
		buf[n] = r.U8()
		n++
	}
	text := buf[:n]
	if i := bytes.IndexByte(text, 0); i >= 0 {
		text = text[:i]
	}
	keep := len(c.UserData) < maxUserData
	if !keep && !versionString(text) {
		return // nothing to keep or look at: no allocation per string
	}
	s := string(text)
	if keep {
		c.UserData = append(c.UserData, s)
	}

	// DivX: "DivX%dBuild%d%c", else "DivX%db%d%c"; two numbers set the
	// version, and a 'p' right after the build marks packed B-frames.
	v, b, last, n := scanDivX(s, "Build")
	if n < 2 {
		v, b, last, n = scanDivX(s, "b")
	}
	if n >= 2 {
		c.DivXVersion, c.DivXBuild = v, b
		c.DivXPacked = n == 3 && last == 'p'
	}

	// libavcodec: "FFmpe%*[^b]b%d", "FFmpeg v%d.%d.%d / libavcodec build:
	// %d", "Lavc%d.%d.%d" (build = major<<16 | minor<<8 | micro), or
	// exactly "ffmpeg" (build 4600).
	if build, ok := scanFFmpegBuild(s); ok {
		c.LavcBuild = build
	} else if build, ok := scanFFmpegVersionBuild(s); ok {
		c.LavcBuild = build
	} else if maj, min, mic, n := scanLavc(s); n == 3 {
		c.LavcBuild = maj<<16 + min<<8 + mic
	} else if s == "ffmpeg" {
		c.LavcBuild = 4600
	}

	// XviD: "XviD%d".
	if rest, ok := strings.CutPrefix(s, "XviD"); ok {
		if v, _, ok := scanInt(rest); ok {
			c.XviDBuild = v
		}
	}
}

// versionString reports whether a user data string may be one of the
// version strings readUserData looks for.
func versionString(b []byte) bool {
	for _, p := range []string{"DivX", "FFmpe", "Lavc", "ffmpeg", "XviD"} {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}

// scanInt reads a number as sscanf's %d does: leading white space, an
// optional sign, at least one digit. Values beyond 32 bits are clamped
// (glibc's strtol clamps to the long range; the int they land in here is
// only compared, never printed).
func scanInt(s string) (v int, rest string, ok bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if v < 1<<31 {
			v = v*10 + int(s[i]-'0')
		}
		i++
	}
	if i == start {
		return 0, s, false
	}
	if neg {
		v = -v
	}
	return v, s[i:], true
}

func isSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// scanDivX matches "DivX%d<sep>%d%c" and returns the number of
// conversions made, as sscanf does.
func scanDivX(s, sep string) (ver, build int, last byte, n int) {
	rest, ok := strings.CutPrefix(s, "DivX")
	if !ok {
		return
	}
	if ver, rest, ok = scanInt(rest); !ok {
		return
	}
	n = 1
	if rest, ok = strings.CutPrefix(rest, sep); !ok {
		return
	}
	if build, rest, ok = scanInt(rest); !ok {
		return
	}
	n = 2
	if rest != "" {
		last = rest[0]
		n = 3
	}
	return
}

// scanFFmpegBuild matches "FFmpe%*[^b]b%d": "FFmpe", one or more
// characters other than 'b', a 'b' and a number.
func scanFFmpegBuild(s string) (int, bool) {
	rest, ok := strings.CutPrefix(s, "FFmpe")
	if !ok {
		return 0, false
	}
	i := strings.IndexByte(rest, 'b')
	if i <= 0 { // %[ needs at least one character
		return 0, false
	}
	v, _, ok := scanInt(rest[i+1:])
	return v, ok
}

// scanFFmpegVersionBuild matches "FFmpeg v%d.%d.%d / libavcodec build:
// %d" and returns the build; a space in the format matches any white
// space, none included.
func scanFFmpegVersionBuild(s string) (int, bool) {
	rest, ok := strings.CutPrefix(s, "FFmpeg")
	if !ok {
		return 0, false
	}
	rest = strings.TrimLeft(rest, " \t\n\v\f\r")
	if rest, ok = strings.CutPrefix(rest, "v"); !ok {
		return 0, false
	}
	for i, sep := range []string{".", ".", ""} {
		if _, rest, ok = scanInt(rest); !ok {
			return 0, false
		}
		if i < 2 {
			if rest, ok = strings.CutPrefix(rest, sep); !ok {
				return 0, false
			}
		}
	}
	rest = strings.TrimLeft(rest, " \t\n\v\f\r")
	if rest, ok = strings.CutPrefix(rest, "/"); !ok {
		return 0, false
	}
	rest = strings.TrimLeft(rest, " \t\n\v\f\r")
	if rest, ok = strings.CutPrefix(rest, "libavcodec"); !ok {
		return 0, false
	}
	rest = strings.TrimLeft(rest, " \t\n\v\f\r")
	if rest, ok = strings.CutPrefix(rest, "build:"); !ok {
		return 0, false
	}
	v, _, ok := scanInt(rest)
	return v, ok
}

// scanLavc matches "Lavc%d.%d.%d" and returns the numbers and how many
// were converted.
func scanLavc(s string) (maj, min, mic, n int) {
	rest, ok := strings.CutPrefix(s, "Lavc")
	if !ok {
		return
	}
	nums := [3]*int{&maj, &min, &mic}
	for i, p := range nums {
		if i > 0 {
			if rest, ok = strings.CutPrefix(rest, "."); !ok {
				return
			}
		}
		if *p, rest, ok = scanInt(rest); !ok {
			return
		}
		n++
	}
	return
}
