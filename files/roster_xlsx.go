package files

import (
	"podium/model"

	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rosterSheetNames are the worksheet names that mark the roster in a
// workbook with several sheets (compared case-insensitively).
var rosterSheetNames = []string{"代表名册", "roster"}

// ReadRosterXLSX reads a roster from an XLSX workbook in r; name is the file
// name used in error messages. The sheet is the one named 代表名册 or roster
// when there is one, else the first sheet. Cells are read raw (not as
// formatted for display), so a date cell arrives as its serial number and is
// converted in the workbook's date system; messages name columns by header
// and letter. The rules are those of ReadRosterCSV.
func ReadRosterXLSX(name string, r io.Reader) ([]model.Person, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseRosterXLSX(name, data)
}

// xlsxOptions keep the XLSX library within MaxXLSXExpanded and in
// memory: with both limits equal no part of the workbook is unzipped to a
// temporary file (it does so for a sheet or a table of strings over the
// smaller limit, and a killed process leaves it behind).
var xlsxOptions = excelize.Options{UnzipSizeLimit: MaxXLSXExpanded, UnzipXMLSizeLimit: MaxXLSXExpanded}

// checkXLSXSize refuses a workbook whose parts add up to more than
// MaxXLSXExpanded once unzipped, from the sizes its zip directory gives
// (the zip reader refuses a part that unzips to more than its size says).
func checkXLSXSize(name string, data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &FileError{File: name, Reason: "cannot be read as XLSX: " + err.Error(), Err: err}
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > MaxXLSXExpanded {
			return &FileError{File: name, Reason: fmt.Sprintf(
				"unzips to more than %s, more than a workbook may hold; is it the roster?", mib(MaxXLSXExpanded))}
		}
	}
	return nil
}

// parseRosterXLSX reads the workbook in data. It recovers from a panic of
// the XLSX library on a malformed workbook (the only recover of the
// package: the library is not ours to fix).
func parseRosterXLSX(name string, data []byte) (ps []model.Person, err error) {
	defer func() {
		if p := recover(); p != nil {
			ps, err = nil, &FileError{File: name, Reason: fmt.Sprintf("cannot be read as XLSX (internal error: %v)", p)}
		}
	}()
	if err := checkXLSXSize(name, data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), xlsxOptions)
	if err != nil {
		return nil, &FileError{File: name, Reason: "cannot be read as XLSX: " + err.Error(), Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &FileError{File: name, Reason: "has no worksheet"}
	}
	sheet := sheets[0]
	for _, s := range sheets {
		for _, want := range rosterSheetNames {
			if strings.EqualFold(strings.TrimSpace(s), want) {
				sheet = s
			}
		}
	}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &FileError{File: name, Sheet: sheet, Reason: "cannot be read: " + err.Error(), Err: err}
	}
	t := &table{file: name, sheet: sheet, serial: &date1904}
	for i, cells := range rows {
		t.add(tableRow{n: i + 1, line: i + 1, cells: cells})
	}
	if len(sheets) == 1 {
		t.sheet = "" // no need to name the only sheet
	}
	return t.people()
}
