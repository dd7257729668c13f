// Package files reads the files a secretary brings to set up a congress:
// the roster (CSV in UTF-8 or GBK, or XLSX), the agenda and the election
// method (TOML), and the demo congress shipped in the binary.
//
// Every reader reports bad input as a *FileError naming the file, the line
// or row, the column and the field, and returns nothing on error: a file is
// imported whole or not at all. The definitions the readers fill in are
// those of package model.
package files
