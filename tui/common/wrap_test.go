package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapKeepsNames: the lines the issue saw split — 彭晨 / 阳, 波拉提· /
// 托列根, 另选他人马振 / 华, 艾克 / 拜尔 — at every width stay whole, a line
// never starts with a closing mark, and no line is wider than asked.
func TestWrapKeepsNames(t *testing.T) {
	names := NewNames([]string{"彭晨阳", "波拉提·托列根", "马振华", "艾克拜尔", "李强", "王伟", "王伟明"})
	texts := []string{
		"总监票人报告：有效票118张，无效票0张。各候选人得票如下：彭晨阳，赞成110票，反对5票，弃权3票；波拉提·托列根，赞成100票，反对10票，弃权8票；另选他人马振华，赞成3票；艾克拜尔，赞成60票。",
		"下面进行述职评议。请学生会主席 王伟明、学习部部长 李强述职，内容包括个人基本情况、学习情况。",
		"Chief scrutineer 彭晨阳 reports: 118 valid ballots, 0 invalid. The votes: 波拉提·托列根, 100 for; 艾克拜尔, 60 for.",
		// A "·" name the roster does not know: the whole run of Han
		// characters around the "·" is kept (from 32 columns, where it fits).
		"另选他人阿卜杜热合曼·买买提，赞成3票。",
	}
	all := []string{"彭晨阳", "波拉提·托列根", "马振华", "艾克拜尔", "李强", "王伟明", "阿卜杜热合曼·买买提"}
	for _, text := range texts {
		from := 16 // the widest name with its comma fits
		if strings.Contains(text, "阿卜杜热合曼") {
			from = 32
		}
		for w := from; w <= 120; w++ {
			lines := WrapNames(text, w, names)
			for i, l := range lines {
				if Width(l) > w {
					t.Fatalf("width %d: line %d is %d wide: %q", w, i, Width(l), l)
				}
				if i > 0 && l != "" && strings.ContainsRune("，。、；：）", []rune(l)[0]) {
					t.Errorf("width %d: line %d starts with a closing mark: %q", w, i, l)
				}
			}
			for _, n := range all {
				if c := strings.Count(text, n); c != strings.Count(strings.Join(lines, "\n"), n) {
					t.Errorf("width %d splits %s:\n%s", w, n, strings.Join(lines, "\n"))
				}
			}
			// Nothing is lost but the spaces a break takes.
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("width %d changed the text:\n%s", w, strings.Join(lines, "\n"))
			}
		}
	}
}

// TestWrapFillsLines: a space in Chinese text is a place to break, not the
// only one: the line before it is not left half empty (学习部部长 李强).
func TestWrapFillsLines(t *testing.T) {
	text := "下面进行述职评议。请学生会主席王伟明、学习部部长 李强述职，内容包括个人基本情况、学习情况、本岗位工作情况和工作思路。"
	lines := WrapNames(text, 40, NewNames([]string{"王伟明", "李强"}))
	for i, l := range lines[:len(lines)-1] {
		if Width(l) < 36 {
			t.Errorf("line %d is %d wide of 40: %q", i, Width(l), l)
		}
	}
}

// TestWidthAgrees: Width (by wcwidth) measures every character the
// screens draw as the terminal renderer does (by grapheme clusters).
func TestWidthAgrees(t *testing.T) {
	for _, s := range []string{"努尔比亚·克热木", "✓✗↻○×·…█░│›▶↑─", "（社团）、，。：；", "Li Ming", "═│┼", "☐☑⏱", "—–",
		"\x1b[1;32m已到 08:52\x1b[0m"} {
		if Width(s) != ansi.StringWidth(s) {
			t.Errorf("%q: %d by wcwidth, %d by graphemes", s, Width(s), ansi.StringWidth(s))
		}
	}
}

// TestLineWidth: the fast line width is ansi.StringWidthWc's on every
// line the screens draw (every golden screen, with its colours).
func TestLineWidth(t *testing.T) {
	st := NewStyles(true)
	for _, s := range []string{"", "abc", "努尔比亚·克热木", st.Name.Render("黄美玲") + "  " + st.Rule.Render("░░░") + st.Clock.Render("│"),
		"\x1b[1;38;2;1;2;3m› \x1b[m\x1b[0mx", "a\tb", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "✓ ✗ ○ × ↻ ▶ › … █ ░ │ ─", "\x1b[", "x\x1b"} {
		if got, want := Width(s), ansi.StringWidthWc(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRuneWidthRanges: the ranges lineWidth measures itself are measured
// as ansi.StringWidthWc measures them.
func TestRuneWidthRanges(t *testing.T) {
	for _, rg := range [][2]rune{{0x4e00, 0x9fff}, {0x2500, 0x259f}} {
		want := 2
		if rg[0] == 0x2500 {
			want = 1
		}
		for r := rg[0]; r <= rg[1]; r++ {
			if got := ansi.StringWidthWc(string(r)); got != want {
				t.Fatalf("%U is %d wide for wcwidth, lineWidth says %d", r, got, want)
			}
		}
	}
}
