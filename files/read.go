package files

import (
	"bytes"
	"errors"
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

// readFile reads the file at path whole. Errors are *FileError naming path.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Reason: "cannot be opened: " + osReason(err), Err: err}
	}
	defer f.Close()
	return readAll(path, f)
}

// readAll reads r whole; name is the file name for errors.
func readAll(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &FileError{File: name, Reason: "cannot be read: " + osReason(err), Err: err}
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
