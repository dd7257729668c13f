package files

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxOptions keep the XLSX library within MaxXLSXExpanded and in
// memory: with both limits equal no part of the workbook is unzipped to a
// temporary file (it does so for a sheet or a table of strings over the
// smaller limit, and a killed process leaves it behind).
var xlsxOptions = excelize.Options{UnzipSizeLimit: MaxXLSXExpanded, UnzipXMLSizeLimit: MaxXLSXExpanded}

// checkXLSXSize refuses a workbook whose parts add up to more than
// MaxXLSXExpanded once unzipped, from the sizes its zip directory gives
// (the zip reader refuses a part that unzips to more than its size says);
// what names what the workbook should be, for the message.
func checkXLSXSize(name string, data []byte, what string) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &FileError{File: name, Reason: "cannot be read as XLSX: " + err.Error(), Err: err}
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > MaxXLSXExpanded {
			return &FileError{File: name, Reason: fmt.Sprintf(
				"unzips to more than %s, more than a workbook may hold; is it %s?", mib(MaxXLSXExpanded), what)}
		}
	}
	return nil
}

// readXLSX reads one worksheet of the XLSX workbook in data into a table,
// as readCSV reads CSV: the sheet named one of prefer (compared
// case-insensitively) when there is one, else the first; what names what
// the workbook should be ("the roster"), for messages. Cells are read raw
// (not as formatted for display), so a date cell arrives as its serial
// number (the table's serial flag gives the workbook's date system). The
// sheet is named in errors only when the workbook has several. It
// recovers from a panic of the XLSX library on a malformed workbook (the
// only recover of the package: the library is not ours to fix).
func readXLSX(name string, data []byte, prefer []string, what string) (t *table, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &FileError{File: name, Reason: fmt.Sprintf("cannot be read as XLSX (internal error: %v)", p)}
		}
	}()
	if err := checkXLSXSize(name, data, what); err != nil {
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
		for _, want := range prefer {
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
	t = &table{file: name, sheet: sheet, serial: &date1904}
	for i, cells := range rows {
		t.add(tableRow{n: i + 1, line: i + 1, cells: cells})
	}
	if len(sheets) == 1 {
		t.sheet = "" // no need to name the only sheet
	}
	return t, nil
}
