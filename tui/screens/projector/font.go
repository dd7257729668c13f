package projector

import (
	"strings"

	"podium/tui/common"
)

// glyphs are the figures drawn large: 0–9, "/", ":", "-", "+" and space, three
// cells wide (":" one) and five rows high, scaled by whole cells.
var glyphs = map[rune][5]string{
	'0': {"███", "█ █", "█ █", "█ █", "███"},
	'1': {" █ ", "██ ", " █ ", " █ ", "███"},
	'2': {"███", "  █", "███", "█  ", "███"},
	'3': {"███", "  █", "███", "  █", "███"},
	'4': {"█ █", "█ █", "███", "  █", "  █"},
	'5': {"███", "█  ", "███", "  █", "███"},
	'6': {"███", "█  ", "███", "█ █", "███"},
	'7': {"███", "  █", "  █", "  █", "  █"},
	'8': {"███", "█ █", "███", "█ █", "███"},
	'9': {"███", "█ █", "███", "  █", "███"},
	'/': {"  █", "  █", " █ ", "█  ", "█  "},
	':': {" ", "█", " ", "█", " "},
	'-': {"   ", "   ", "███", "   ", "   "},
	'+': {"   ", " █ ", "███", " █ ", "   "},
	' ': {"  ", "  ", "  ", "  ", "  "},
}

// bigWidth is the width of s drawn at scale k (a gap of k cells between
// figures).
func bigWidth(s string, k int) int {
	w := 0
	for i, r := range []rune(s) {
		g, ok := glyphs[r]
		if !ok {
			g = glyphs[' ']
		}
		if i > 0 {
			w += k
		}
		w += len([]rune(g[0])) * k
	}
	return w
}

// big draws s (figures, "/", ":", "-", spaces) at scale k: 5k rows.
func big(s string, k int) []string {
	rows := make([]string, 5*k)
	for row := 0; row < 5; row++ {
		var b strings.Builder
		for i, r := range []rune(s) {
			g, ok := glyphs[r]
			if !ok {
				g = glyphs[' ']
			}
			if i > 0 {
				b.WriteString(strings.Repeat(" ", k))
			}
			for _, c := range g[row] {
				b.WriteString(strings.Repeat(string(c), k))
			}
		}
		for j := 0; j < k; j++ {
			rows[row*k+j] = b.String()
		}
	}
	return rows
}

// scale is the largest scale (at most max) at which s fits in w columns
// and h rows, 0 when it does not fit even at 1.
func scale(s string, w, h, most int) int {
	k := most
	for k > 0 && (bigWidth(s, k) > w || 5*k > h) {
		k--
	}
	return k
}

// figure is s in large type within w×h, centred and rendered in st; in
// plain type when the large does not fit.
func figure(s string, w, h, most int, st interface{ Render(...string) string }) []string {
	k := scale(s, w, h, most)
	if k == 0 {
		return []string{common.Center(st.Render(s), w)}
	}
	var out []string
	for _, r := range big(s, k) {
		out = append(out, common.Center(st.Render(r), w))
	}
	return out
}
