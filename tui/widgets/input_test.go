package widgets

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"podium/tui/common"
)

func typeIn(in *Input, s string) {
	for _, r := range s {
		in.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// TestInput: Han characters, "·" names and Latin letters type and erase a
// rune at a time; a paste is typed as its words; keys with ctrl are not
// text; a number field takes digits up to its length and replaces a
// suggestion with the first digit typed.
func TestInput(t *testing.T) {
	in := NewText()
	typeIn(&in, "阿依古丽·买买提 zxl")
	if in.Value() != "阿依古丽·买买提 zxl" {
		t.Fatalf("typed %q", in.Value())
	}
	in.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	in.Update(tea.KeyPressMsg{Code: 'x', Text: "x", Mod: tea.ModCtrl})
	if in.Value() != "阿依古丽·买买提 zx" {
		t.Fatalf("after backspace and ctrl+x: %q", in.Value())
	}
	if in.Update(tea.KeyPressMsg{Code: tea.KeyEnter}) || in.Update(tea.KeyPressMsg{Code: tea.KeyUp}) {
		t.Fatal("enter or ↑ changed the text")
	}
	in.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	in.Update(tea.PasteMsg{Content: "  张新龙\n 护理分院\t"})
	if in.Value() != "张新龙 护理分院" {
		t.Fatalf("pasted %q", in.Value())
	}
	st := common.NewStyles(true)
	if got := ansi.Strip(in.View(st, 6)); got != "…分院█" {
		t.Fatalf("view in 6 columns: %q", got)
	}
	in.Reset()
	in.Prompt, in.Placeholder = "搜索 › ", "拼音首字母"
	if got := ansi.Strip(in.View(st, 0)); got != "搜索 › █ 拼音首字母" {
		t.Fatalf("empty view: %q", got)
	}

	n := NewNumber(3)
	n.Suggest("118")
	typeIn(&n, "9a12345")
	if n.Value() != "912" {
		t.Fatalf("number %q, want 912", n.Value())
	}
	if n.Update(tea.PasteMsg{Content: "7"}) {
		t.Fatal("a number took a paste")
	}
	n.Suggest("118")
	n.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	typeIn(&n, "7")
	if n.Value() != "117" {
		t.Fatalf("edited suggestion %q, want 117", n.Value())
	}
}
