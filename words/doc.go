// Package words holds the words podium shows and prints that are more than
// a table entry: the host's script (主持词) templates and their filling, the
// rules written out in Chinese or English, numerals, and short quoting for
// messages. It is pure: the standard library and package model only.
package words
