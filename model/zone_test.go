package model

import (
	"testing"
	"time"
)

func TestParseOffset(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"+08:00", 8 * 3600, true}, {"-03:30", -(3*3600 + 30*60), true}, {"Z", 0, true}, {"+14:00", 14 * 3600, true},
		{"+15:00", 0, false}, {"+08:60", 0, false}, {"08:00", 0, false}, {"+8:00", 0, false}, {"+08-00", 0, false},
		{"Asia/Shanghai", 0, false}, {"", 0, false}, {"+0８:00", 0, false},
	} {
		got, err := ParseOffset(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseOffset(%q) = %d, %v", tc.in, got, err)
		}
	}
	at := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	if got := at.In((Meeting{}).Location()).Format("15:04"); got != "09:00" {
		t.Errorf("the default zone shows %s, want 09:00", got)
	}
	if got := at.In((Meeting{TimeZone: "+06:00"}).Location()).Format("15:04"); got != "07:00" {
		t.Errorf("+06:00 shows %s", got)
	}
}
