package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Minimum terminal size the screens are laid out for.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Width is the display width of s (CJK counts 2, ANSI codes 0; of its
// widest line when it has several). It measures by wcwidth, four times
// faster than by grapheme clusters and the same for every character the
// screens draw (Han, "·", the marks ✓ ✗ ○ × ↻ ▶ › …, the box and block
// drawings), which TestWidthAgrees checks.
func Width(s string) int {
	if !strings.Contains(s, "\n") {
		return lineWidth(s)
	}
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, lineWidth(l))
	}
	return w
}

// lineWidth is ansi.StringWidthWc(s) for a line of text and SGR codes
// (what the screens draw), skipping the codes without running the whole
// ANSI parser over them; anything else goes to ansi.StringWidthWc.
func lineWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if i+1 >= len(s) || s[i+1] != '[' {
				return ansi.StringWidthWc(s)
			}
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j + 1 // past the final byte
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c < 0x80:
			i++ // a control character: no width
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= 0x4e00 && r <= 0x9fff: // CJK unified ideographs
				w += 2
			case r >= 0x2500 && r <= 0x259f: // box drawing, block elements
				w++
			default:
				w += ansi.StringWidthWc(s[i : i+n])
			}
			i += n
		}
	}
	return w
}

// Fit cuts s to at most w display columns (with "…" when cut) and pads it
// with spaces to exactly w. s may hold ANSI codes.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) > w {
		s = ansi.TruncateWc(s, w, "…")
	}
	if n := w - Width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// Cut cuts s to at most w display columns without padding.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) > w {
		return ansi.TruncateWc(s, w, "…")
	}
	return s
}

// Spread puts left and right on one line of exactly w columns, cutting
// left when both do not fit.
func Spread(left, right string, w int) string {
	rw := Width(right)
	if rw >= w {
		return Fit(right, w)
	}
	gap := 1
	if rw == 0 {
		gap = 0
	}
	return Fit(left, w-rw-gap) + strings.Repeat(" ", gap) + right
}

// Center puts s in the middle of a line of w columns.
func Center(s string, w int) string {
	s = Cut(s, w)
	pad := (w - Width(s)) / 2
	return Fit(strings.Repeat(" ", pad)+s, w)
}

// Block makes lines exactly n lines of exactly w columns.
func Block(lines []string, w, n int) []string {
	out := make([]string, n)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return out
}

// Besides joins two blocks of equal height side by side with sep.
func Besides(a []string, sep string, b []string) []string {
	out := make([]string, len(a))
	for i := range a {
		out[i] = a[i] + sep + b[i]
	}
	return out
}

// Rpad right-aligns s in w display columns.
func Rpad(s string, w int) string {
	if n := w - Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// Tail keeps the end of s within w columns, so the cursor stays visible
// while a long text is typed.
func Tail(s string, w int) string {
	if w <= 1 || Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && Width(string(r)) > w-1 {
		r = r[1:]
	}
	return "…" + string(r)
}

// unitEndings are the endings of unit names a narrow column drops first.
var unitEndings = []string{"分院", "学院", "学部", "书院", "中心", "系", "部", " School", " College", " Department"}

// ShortNames fits names (of units) into w columns each: a name that does
// not fit loses its common ending (分院, 学院 …), and is cut with "…" if it
// still does not.
func ShortNames(names []string, w int) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if Width(n) > w {
			for _, e := range unitEndings {
				if rest, ok := strings.CutSuffix(n, e); ok && Width(rest) >= 4 {
					n = rest
					break
				}
			}
		}
		out[i] = Cut(n, w)
	}
	return out
}
