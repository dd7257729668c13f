// Package files reads every file a secretary, a teller or the technician
// brings: the roster (CSV or XLSX), the agenda and the election method
// (TOML), the candidates and the ballots (CSV), the units and the staff
// list of the preparation (CSV), the SSH access file (TOML), and the demo
// congress shipped in the binary.
//
// There is one way in for each kind of thing: bytes come from readFile or
// readAll (read.go), CSV and XLSX become a table with named rows and
// columns (table.go), TOML is decoded and its places found (toml.go). Every
// reader reports bad input as a *FileError naming the file, the row or
// line, the column or key, and the value, and returns nothing on error: a
// file is imported whole or not at all. The definitions the readers fill
// in are those of package model (and of prep for its preparation files).
//
// Every reader refuses, before reading, what is not a regular file (a
// device such as /dev/zero, a pipe, a folder) and a file over its kind's
// limit: MaxTableSize (16 MB) for a table, MaxTOMLSize (1 MB) for TOML; an
// XLSX workbook is refused when it unzips to more than MaxXLSXExpanded
// (64 MB) and is otherwise read in memory, never through temporary files.
// The length of each text is the core's to limit (session.MaxText,
// session.MaxShortText).
package files
