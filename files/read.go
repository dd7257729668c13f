package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file is the one way into a secretary's file: every reader of the
// package takes its bytes from readFile (a path) or readAll (an open
// reader), and its text from decodeText. Limits on what a reader accepts
// (the kind of file, its size) belong here, once.

// The largest files the readers accept. A mistaken file (a video, a
// device such as /dev/zero, a workbook that unzips to gigabytes) is
// refused before it is read, naming the file and the limit.
const (
	// MaxTableSize bounds a table: a roster, candidates, ballots, units
	// or staff, as CSV or XLSX (16 MiB: some 100,000 rows).
	MaxTableSize = 16 << 20
	// MaxTOMLSize bounds an agenda, a method or an access file (1 MiB).
	MaxTOMLSize = 1 << 20
	// MaxXLSXExpanded bounds what an XLSX workbook holds once unzipped
	// (64 MiB), checked from its directory before it is opened.
	MaxXLSXExpanded = 64 << 20
)

// readFile reads the file at path whole: a regular file of at most limit
// bytes. Errors are *FileError naming path.
func readFile(path string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO would wait for a writer.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{File: path, Reason: "cannot be opened: " + osReason(err), Err: err}
	}
	if err := checkRegular(path, fi, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Reason: "cannot be opened: " + osReason(err), Err: err}
	}
	defer f.Close()
	if fi2, err := f.Stat(); err != nil || !os.SameFile(fi, fi2) {
		return nil, &FileError{File: path, Reason: "changed while it was opened; try again", Err: err}
	}
	return readAll(path, f, limit)
}

// checkRegular refuses what is not a regular file, or is over limit.
func checkRegular(path string, fi fs.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		what := "not a regular file"
		switch {
		case fi.IsDir():
			what = "a folder, not a file"
		case fi.Mode()&fs.ModeDevice != 0:
			what = "a device, not a file"
		case fi.Mode()&fs.ModeNamedPipe != 0:
			what = "a pipe, not a file"
		}
		return &FileError{File: path, Reason: "is " + what}
	}
	if fi.Size() > limit {
		return tooBig(path, fi.Size(), limit)
	}
	return nil
}

func tooBig(name string, size, limit int64) error {
	return &FileError{File: name, Reason: fmt.Sprintf("is %s (%d bytes); a file of this kind may be at most %s", mib(size), size, mib(limit))}
}

// mib writes a size in MB of 2^20 bytes (in bytes when smaller).
func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// readAll reads r whole, at most limit bytes; name is the file name for
// errors.
func readAll(name string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &FileError{File: name, Reason: "cannot be read: " + osReason(err), Err: err}
	}
	if int64(len(data)) > limit {
		return nil, &FileError{File: name, Reason: fmt.Sprintf("is more than %s, more than a file of this kind may be", mib(limit))}
	}
	return data, nil
}

// osReason is the reason of an error of package os without the path the
// FileError names already.
func osReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// The kinds of file sniff tells apart by their first bytes.
const (
	kindText   = iota // anything else: CSV or tab-separated text, to decode
	kindXLSX          // a zip: an XLSX workbook
	kindOldXLS        // an OLE2 compound file: the old binary .xls (or .et)
)

// sniff tells a workbook from text by its first bytes, whatever the
// file's name says: exports are often renamed, or saved with another
// extension than their content.
func sniff(data []byte) int {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return kindXLSX
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return kindOldXLS
	}
	return kindText
}

// decodeText returns the text of a file a spreadsheet or an editor wrote:
// UTF-8 with or without a byte-order mark, else GB18030/GBK, which is what
// Excel and WPS on a Chinese Windows write for "CSV (逗号分隔)". Text that is
// neither is an error naming the row of the first bad byte.
func decodeText(name string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return data, nil
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		row := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &FileError{File: name, Row: row, Reason: "is neither UTF-8 nor GBK text; save it as CSV UTF-8"}
	}
	return dec, nil
}

// firstInvalid returns the offset of the first byte that is not UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
