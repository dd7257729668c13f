package common

import (
	"reflect"
	"testing"
)

// TestFastStylesDrawAsLipgloss: every style of both palettes draws a line
// exactly as lipgloss does.
func TestFastStylesDrawAsLipgloss(t *testing.T) {
	for _, dark := range []bool{true, false} {
		v := reflect.ValueOf(*NewStyles(dark))
		for i := 0; i < v.NumField(); i++ {
			st, ok := v.Field(i).Interface().(Style)
			if !ok {
				continue
			}
			if !st.fast {
				t.Errorf("%s is not drawn fast", v.Type().Field(i).Name)
			}
			for _, s := range []string{"努尔比亚·克热木", "x", " 已到 08:52 ", "a\x1b[1mb\x1b[0m", "two\nlines", ""} {
				if got, want := st.Render(s), st.Style.Render(s); got != want {
					t.Errorf("%s.Render(%q) = %q, lipgloss draws %q", v.Type().Field(i).Name, s, got, want)
				}
			}
		}
	}
}
