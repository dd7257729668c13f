package tui

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

// width is the display width of s (CJK counts 2, ANSI codes 0).
func width(s string) int { return lipgloss.Width(s) }

// fit cuts s to at most w display columns (with "…" when cut) and pads it
// with spaces to exactly w. s may hold ANSI codes.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if n := w - width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// cut cuts s to at most w display columns without padding.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// spread puts left and right on one line of exactly w columns, cutting
// left when both do not fit.
func spread(left, right string, w int) string {
	rw := width(right)
	if rw >= w {
		return fit(right, w)
	}
	gap := 1
	if rw == 0 {
		gap = 0
	}
	return fit(left, w-rw-gap) + strings.Repeat(" ", gap) + right
}

// center puts s in the middle of a line of w columns.
func center(s string, w int) string {
	s = cut(s, w)
	pad := (w - width(s)) / 2
	return fit(strings.Repeat(" ", pad)+s, w)
}

// block makes lines exactly n lines of exactly w columns.
func block(lines []string, w, n int) []string {
	out := make([]string, n)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return out
}

// besides joins two blocks of equal height side by side with sep.
func besides(a []string, sep string, b []string) []string {
	out := make([]string, len(a))
	for i := range a {
		out[i] = a[i] + sep + b[i]
	}
	return out
}

// rpad right-aligns s in w display columns.
func rpad(s string, w int) string {
	if n := w - width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}
