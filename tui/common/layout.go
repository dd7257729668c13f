package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Minimum terminal size the screens are laid out for.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Width is the display width of s (CJK counts 2, ANSI codes 0).
func Width(s string) int { return lipgloss.Width(s) }

// Fit cuts s to at most w display columns (with "…" when cut) and pads it
// with spaces to exactly w. s may hold ANSI codes.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) > w {
		s = ansi.Truncate(s, w, "…")
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
		return ansi.Truncate(s, w, "…")
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

// Wrap breaks s into lines of at most w display columns, at spaces when
// it can (Latin text) and anywhere between Han characters.
func Wrap(s string, w int) []string {
	if w <= 4 || Width(s) <= w {
		return []string{s}
	}
	var out []string
	var line []rune
	lastSpace := -1
	for _, r := range s {
		line = append(line, r)
		if r == ' ' {
			lastSpace = len(line) - 1
		}
		if Width(string(line)) > w {
			switch {
			case lastSpace > 0:
				out = append(out, strings.TrimRight(string(line[:lastSpace]), " "))
				line = append([]rune(nil), line[lastSpace+1:]...)
			case strings.ContainsRune("、，。；：）", r) && len(line) > 2:
				// Chinese punctuation never starts a line: take the
				// character before it along.
				out = append(out, string(line[:len(line)-2]))
				line = append([]rune(nil), line[len(line)-2:]...)
			default:
				out = append(out, string(line[:len(line)-1]))
				line = []rune{r}
			}
			lastSpace = -1
			for j, x := range line {
				if x == ' ' {
					lastSpace = j
				}
			}
		}
	}
	if len(line) > 0 {
		out = append(out, string(line))
	}
	return out
}

// WrapStyled breaks text into lines of at most w display columns (see
// Wrap; paragraphs at newlines) and renders each in st.
func WrapStyled(text string, w int, st interface{ Render(...string) string }) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		for _, l := range Wrap(para, max(1, w)) {
			out = append(out, st.Render(Cut(l, w)))
		}
	}
	return out
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
