// Package version is podium's version, read from the module's build
// information, in the two forms podium shows: the ID recorded with every
// run of events in the log (data.Run.Podium) and the line `podium
// --version` prints. One reading, so that the two always agree.
package version

import (
	"runtime/debug"
	"strings"
)

// ID is podium's version as the log records it: the module version the go
// tool stamped ("devel" for a build without one), then "+" and the commit
// (12 digits), "-dirty" when the tree had changes.
func ID() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return IDOf(info)
}

// Line is what `podium --version` prints after "podium version": the ID,
// then the commit's time and the Go release that built it.
func Line() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel (no build information)"
	}
	return LineOf(info)
}

// IDOf is the ID of the build described by info.
func IDOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	if rev := setting(info, "vcs.revision"); rev != "" {
		v += "+" + rev[:min(12, len(rev))]
		if setting(info, "vcs.modified") == "true" {
			v += "-dirty"
		}
	}
	return v
}

// LineOf is the version line of the build described by info.
func LineOf(info *debug.BuildInfo) string {
	var more []string
	if at := setting(info, "vcs.time"); at != "" {
		more = append(more, at)
	}
	if info.GoVersion != "" {
		more = append(more, info.GoVersion)
	}
	if len(more) == 0 {
		return IDOf(info)
	}
	return IDOf(info) + " (" + strings.Join(more, ", ") + ")"
}

// setting is the value of a build setting of info, "" when absent.
func setting(info *debug.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}
