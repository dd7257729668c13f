package files

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"podium/model"
)

// TestReadersRefuseNonRegularFiles: a device, a pipe or a folder given as
// any file is refused at once, naming the file (a pipe is never opened,
// which would wait for a writer).
func TestReadersRefuseNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "roster.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	device := filepath.Join(dir, "zero.csv") // method = "/dev/zero", by another name
	if err := os.Symlink("/dev/zero", device); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.csv")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	readers := map[string]func(string) error{
		"roster":  func(p string) error { _, err := ReadRoster(p); return err },
		"agenda":  func(p string) error { _, err := ReadAgenda(p); return err },
		"method":  func(p string) error { _, err := ReadMethod(p); return err },
		"units":   func(p string) error { _, err := ReadUnitsFile(p); return err },
		"access":  func(p string) error { _, err := ReadAccess(p, nil); return err },
		"ballots": func(p string) error { _, err := ReadBallotsFile(p, nil, model.Method{}); return err },
		"staff":   func(p string) error { _, _, err := ReadStaffFile(p); return err },
	}
	for _, c := range []struct{ path, says string }{{"/dev/zero", "a device"}, {device, "a device"}, {fifo, "a pipe"}, {folder, "a folder"}} {
		for name, read := range readers {
			err := read(c.path)
			if name == "roster" && c.path == "/dev/zero" {
				continue // refused for its extension first
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != c.path || !strings.Contains(err.Error(), c.says) {
				t.Errorf("%s %s: %v, want a *FileError saying %q", name, c.path, err, c.says)
			}
		}
	}
}

// TestReadersRefuseLargeFiles: a file over its kind's limit is refused
// before it is read, naming the file, its size and the limit.
func TestReadersRefuseLargeFiles(t *testing.T) {
	dir := t.TempDir()
	big := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name string
		read func(string) error
		size int64
	}{
		{"roster.csv", func(p string) error { _, err := ReadRoster(p); return err }, MaxTableSize + 1},
		{"roster.xlsx", func(p string) error { _, err := ReadRoster(p); return err }, MaxTableSize + 1},
		{"agenda.toml", func(p string) error { _, err := ReadAgenda(p); return err }, MaxTOMLSize + 1},
		{"method.toml", func(p string) error { _, err := ReadMethod(p); return err }, MaxTOMLSize + 1},
	} {
		p := big(c.name, c.size)
		err := c.read(p)
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != p || !strings.Contains(err.Error(), "may be at most") {
			t.Errorf("%s of %d bytes: %v", c.name, c.size, err)
		}
	}
	// Through a reader (no size known beforehand): cut at the limit.
	_, err := ReadRosterCSV("stdin", io.LimitReader(zeros{}, MaxTableSize+10))
	if !errors.As(err, new(*FileError)) || !strings.Contains(err.Error(), "more than 16.0 MB") {
		t.Errorf("a roster read from an endless reader: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestXLSXExpandedSize: a small workbook that unzips to more than
// MaxXLSXExpanded is refused before the XLSX library opens it; a large
// one within the limit is read in memory, leaving no temporary file.
func TestXLSXExpandedSize(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the XLSX library would put its files

	good := rosterWorkbook(t)
	// A bomb: the sheet padded with an XML comment of 70 MB (a few
	// hundred KB zipped).
	bomb := repack(t, good, strings.Repeat("x", 70<<20))
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes zipped", len(bomb))
	}
	_, err := ReadRosterXLSX("bomb.xlsx", bytes.NewReader(bomb))
	if !errors.As(err, new(*FileError)) || !strings.Contains(err.Error(), "unzips to more than 64.0 MB") {
		t.Fatalf("a workbook unzipping to 70 MB: %v", err)
	}
	// 20 MB of sheet: over the library's default for unzipping to a
	// temporary file, within ours.
	large := repack(t, good, strings.Repeat("x", 20<<20))
	before, err := os.Stat(tmp)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ReadRosterXLSX("large.xlsx", bytes.NewReader(large))
	if err != nil || len(ps) != 2 {
		t.Fatalf("a large workbook: %d people, %v", len(ps), err)
	}
	// Not even a file made and removed again: the folder is unchanged.
	if after, err := os.Stat(tmp); err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("the XLSX library wrote in the temporary folder (%v)", err)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// rosterWorkbook is a small roster as an XLSX workbook.
func rosterWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{{"姓名", "选举单位", "代表类别"}, {"张新龙", "护理分院", "正式"}, {"高雅婷", "机电工程分院", "正式"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// repack returns the workbook with pad as an XML comment at the start of
// its first sheet.
func repack(t *testing.T, book []byte, pad string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			i := bytes.Index(data, []byte("?>")) + 2
			data = append(append(append([]byte{}, data[:i]...), "<!--"+pad+"-->"...), data[i:]...)
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
