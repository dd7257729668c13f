package version

import (
	"runtime/debug"
	"testing"
)

// TestOf words the build information of a release, of a commit built from
// a clone with local changes, and of a build with neither.
func TestOf(t *testing.T) {
	for _, tc := range []struct {
		info     debug.BuildInfo
		id, line string
	}{
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0", "v1.2.0 (go1.26.8)"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261201141355-d09bca40b1fe+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "d09bca40b1fe99f6c7c0aaa0d895ef4033a8c37c"},
				{Key: "vcs.time", Value: "2026-12-01T14:13:55Z"}, {Key: "vcs.modified", Value: "true"}}},
			"v0.0.0-20261201141355-d09bca40b1fe+dirty+d09bca40b1fe-dirty",
			"v0.0.0-20261201141355-d09bca40b1fe+dirty+d09bca40b1fe-dirty (2026-12-01T14:13:55Z, go1.26.8)"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}},
			"devel+abc", "devel+abc"},
		{debug.BuildInfo{}, "devel", "devel"},
	} {
		if got := IDOf(&tc.info); got != tc.id {
			t.Errorf("IDOf = %q, want %q", got, tc.id)
		}
		if got := LineOf(&tc.info); got != tc.line {
			t.Errorf("LineOf = %q, want %q", got, tc.line)
		}
	}
	if ID() == "" || Line() == "" {
		t.Error("no version for this build")
	}
}
