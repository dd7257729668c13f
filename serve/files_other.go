//go:build !unix

package serve

// maxFiles is 0: unknown here.
func maxFiles() int { return 0 }
