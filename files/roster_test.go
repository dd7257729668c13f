package files

import (
	"podium/model"

	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const zhHeader = "编号,姓名,选举单位,性别,民族,出生日期,代表类别,学生会骨干,团干部,受表彰\n"

func TestReadRosterCSVGood(t *testing.T) {
	zh := zhHeader +
		"A1,阿依古丽•买买提,护理分院,女,维吾尔,2003/5/1,正式代表,是,否,√\n" +
		"A2, 张 三 ,机电工程 分院,M,汉族,2003年5月1日,列席,N,Y,\n" +
		"A3,欧阳明轩,建筑工程分院,male,Hui,20040229,特邀,no,yes,1\n" +
		",,,,,,,,,\n" + // a blank row: skipped
		"A4,张三,护理分院,,,,正式,,,\n"
	got, err := ReadRosterCSV("zh.csv", strings.NewReader(zh))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Person{
		{ID: "A1", Name: "阿依古丽·买买提", Unit: "护理分院", Gender: "女", Ethnicity: "维吾尔族", BirthDate: "2003-05-01", Kind: model.Formal, UnionCadre: true, Honoured: true},
		{ID: "A2", Name: "张三", Unit: "机电工程分院", Gender: "男", Ethnicity: "汉族", BirthDate: "2003-05-01", Kind: model.Observer, LeagueCadre: true},
		{ID: "A3", Name: "欧阳明轩", Unit: "建筑工程分院", Gender: "男", Ethnicity: "回族", BirthDate: "2004-02-29", Kind: model.Guest, LeagueCadre: true, Honoured: true},
		{ID: "A4", Name: "张三", Unit: "护理分院", Kind: model.Formal},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("zh:\n got %+v\nwant %+v", got, want)
	}

	// English headers in another order, no id column, BOM, CRLF, spaces.
	en := "\uFEFF Kind ,Name,UNIT,birth date,Gender,union_cadre\r\n" +
		"formal,Li Na,Nursing,2003.5.1,F,true\r\n" +
		"Observer,迪丽努尔．吐尔逊,Nursing,2005-12-31,female,0\r\n" +
		"guest,Li Na,Nursing,2003.5.1,F,false\r\n" +
		"\r\n\r\n"
	got, err = ReadRosterCSV("en.csv", strings.NewReader(en))
	if err != nil {
		t.Fatal(err)
	}
	want = []model.Person{
		{ID: "D0001", Name: "Li Na", Unit: "Nursing", Gender: "女", BirthDate: "2003-05-01", Kind: model.Formal, UnionCadre: true},
		{ID: "D0002", Name: "迪丽努尔·吐尔逊", Unit: "Nursing", Gender: "女", BirthDate: "2005-12-31", Kind: model.Observer},
		{ID: "D0003", Name: "Li Na", Unit: "Nursing", Gender: "女", BirthDate: "2003-05-01", Kind: model.Guest},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("en:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadRosterCSVGBKAndTabs(t *testing.T) {
	text := "姓名\t选举单位\t代表类别\n王芳\t护理分院\t正式\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadRosterCSV("gbk.csv", bytes.NewReader(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "王芳" || got[0].Unit != "护理分院" {
		t.Errorf("got %+v", got)
	}
}

// TestReadRosterCSVBad checks that each bad file names the right row and
// column, and returns nothing.
func TestReadRosterCSVBad(t *testing.T) {
	const h = "姓名,选举单位,代表类别,性别,出生日期,团干部\n"
	const ok = "王芳,护理分院,正式,女,2003-05-01,否\n"
	tests := []struct {
		name, file string
		row        int
		column     string
		reason     string
	}{
		{"empty", "", 0, "", "is empty"},
		{"spaces only", " \n\n", 0, "", "is empty"},
		{"bad kind", h + ok + "李雷,护理分院,正式代 表,男,2003-05-01,否\n", 3, "代表类别", "is not a kind"},
		{"empty kind", h + "李雷,护理分院,,男,2003-05-01,否\n", 2, "代表类别", "is not a kind"},
		{"bad gender", h + "李雷,护理分院,正式,X,2003-05-01,否\n", 2, "性别", "is not a gender"},
		{"bad date", h + "李雷,护理分院,正式,男,2003-02-30,否\n", 2, "出生日期", "real calendar date"},
		{"date words", h + "李雷,护理分院,正式,男,May 1,否\n", 2, "出生日期", "is not a date"},
		{"bare serial in csv", h + "李雷,护理分院,正式,男,37742,否\n", 2, "出生日期", "is not a date"},
		{"bad bool", h + "李雷,护理分院,正式,男,2003-05-01,maybe\n", 2, "团干部", "is not yes or no"},
		{"leftmost first", h + "李雷,护理分院,X,X,2003-05-01,否\n", 2, "代表类别", "is not a kind"},
		{"no name", h + ok + ok[:0] + " ,护理分院,正式,女,,\n", 3, "姓名", "needs a name"},
		{"no unit", h + "王芳,,正式,女,,\n", 2, "选举单位", "needs an electoral unit"},
		{"dot at end", h + "阿依古丽·,护理分院,正式,女,,\n", 2, "姓名", "middle dot"},
		{"two dots", h + "阿依古丽··买买提,护理分院,正式,女,,\n", 2, "姓名", "middle dot"},
		{"unknown header", "姓名,选举单位,代表类别,手机号\n", 1, "手机号", "is not a known column"},
		{"duplicate header", "姓名,选举单位,代表类别,Name\n", 1, "Name", "repeats column 姓名"},
		{"missing kind column", "姓名,选举单位\n王芳,护理分院\n", 1, "", "has no column 代表类别/kind"},
		{"header only", h, 0, "", "no person"},
		{"extra cell", h + "王芳,护理分院,正式,女,2003-05-01,否,多余\n", 2, "", "without a header"},
		{"cell under empty header", "姓名,,选举单位,代表类别\n王芳,x,护理分院,正式\n", 2, "", "without a header"},
		{"blank line counts", h + ok + "\n\n" + "李雷,护理分院,观察员,男,,\n", 5, "代表类别", "is not a kind"},
		{"no formal", h + "王芳,护理分院,列席,女,,\n", 0, "", "no formal delegate"},
		{"bad quote", h + "王\"芳,护理分院,正式,女,,\n", 2, "", "not valid CSV"},
		{"control char", h + "\"王\n芳\",护理分院,正式,女,,\n", 2, "姓名", "control character"},
		{"pasted twice", h + ok + "李雷,护理分院,正式,男,,\n" + ok, 4, "", "repeats row 2"},
		{"dup id", "编号,姓名,选举单位,代表类别\nA1,王芳,护理分院,正式\na1,李雷,护理分院,正式\n", 3, "编号", "already the id of row 2"},
		{"empty id", "编号,姓名,选举单位,代表类别\nA1,王芳,护理分院,正式\n ,李雷,护理分院,正式\n", 3, "编号", "every row needs an id"},
		{"not utf8", "姓名,选举单位,代表类别\n\xff\xfe\xfd,护理分院,正式\n", 2, "", "neither UTF-8 nor GBK"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := ReadRosterCSV("roster.csv", strings.NewReader(tc.file))
			if ps != nil {
				t.Errorf("returned %d people with an error", len(ps))
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			if fe.File != "roster.csv" || fe.Row != tc.row || fe.Column != tc.column || !strings.Contains(fe.Reason, tc.reason) {
				t.Errorf("got row %d column %q reason %q (%v); want row %d column %q reason ~%q",
					fe.Row, fe.Column, fe.Reason, err, tc.row, tc.column, tc.reason)
			}
		})
	}
}

func TestFileErrorMessage(t *testing.T) {
	_, err := ReadRosterCSV("roster.csv", strings.NewReader("姓名,选举单位,代表类别\n王芳,护理分院,正式代 表\n"))
	want := `roster.csv row 2, column 代表类别 (C): "正式代 表" is not a kind (正式/列席/特邀 or formal/observer/guest)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// writeXLSX builds a workbook with the given rows on the named sheets.
func writeXLSX(t testing.TB, sheets map[string][][]any, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadRosterXLSX(t *testing.T) {
	rows := [][]any{
		{"\uFEFF姓名", "选举单位", "代表类别", "出生日期", "受表彰", "编号"},
		{"阿依古丽・买买提", "护理分院", "正式", 37742, true, 7},
		{"李雷", "机电工程分院", "列席代表", "2004/2/29", "否", "X2"},
	}
	data := writeXLSX(t, map[string][][]any{"说明": {{"这是说明"}}, "代表名册": rows}, "说明", "代表名册")
	got, err := ReadRosterXLSX("roster.xlsx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Person{
		{ID: "7", Name: "阿依古丽·买买提", Unit: "护理分院", BirthDate: "2003-05-01", Kind: model.Formal, Honoured: true},
		{ID: "X2", Name: "李雷", Unit: "机电工程分院", BirthDate: "2004-02-29", Kind: model.Observer},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v\nwant %+v", got, want)
	}

	// A bad cell is named by sheet, row, header and letter.
	rows = append(rows, []any{"王芳", "护理分院", "代表"})
	data = writeXLSX(t, map[string][][]any{"说明": {{"x"}}, "代表名册": rows}, "说明", "代表名册")
	_, err = ReadRosterXLSX("roster.xlsx", bytes.NewReader(data))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Row != 4 || fe.Column != "代表类别" || fe.Letter != "C" || fe.Sheet != "代表名册" {
		t.Fatalf("got %#v", err)
	}
	if want := `roster.xlsx sheet 代表名册, row 4, column 代表类别 (C): "代表" is not a kind`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %q", err.Error())
	}

	// The first sheet is read when none is named 代表名册/roster.
	data = writeXLSX(t, map[string][][]any{"Sheet A": {{"name", "unit", "kind"}, {"Li", "U", "formal"}}, "B": {{"x"}}}, "Sheet A", "B")
	if got, err := ReadRosterXLSX("r.xlsx", bytes.NewReader(data)); err != nil || len(got) != 1 {
		t.Errorf("first sheet: %v %v", got, err)
	}
	if _, err := ReadRosterXLSX("r.xlsx", strings.NewReader("not a zip")); !errors.As(err, &fe) {
		t.Errorf("garbage: %v", err)
	}
}

func TestReadRosterDispatch(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "名册.CSV")
	if err := os.WriteFile(csvPath, demoRosterCSV, 0o644); err != nil {
		t.Fatal(err)
	}
	if ps, err := ReadRoster(csvPath); err != nil || len(ps) != 129 {
		t.Errorf("csv: %d %v", len(ps), err)
	}
	xlsxPath := filepath.Join(dir, "roster.xlsx")
	data := writeXLSX(t, map[string][][]any{"roster": {{"姓名", "选举单位", "代表类别"}, {"王芳", "护理分院", "正式"}}}, "roster")
	if err := os.WriteFile(xlsxPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if ps, err := ReadRoster(xlsxPath); err != nil || len(ps) != 1 {
		t.Errorf("xlsx: %v %v", ps, err)
	}
	for _, p := range []string{filepath.Join(dir, "r.xls"), filepath.Join(dir, "r.json"), filepath.Join(dir, "missing.csv")} {
		var fe *FileError
		if ps, err := ReadRoster(p); ps != nil || !errors.As(err, &fe) {
			t.Errorf("%s: %v %v", p, ps, err)
		}
	}
}

func FuzzReadRosterCSV(f *testing.F) {
	// A few lines of the demo roster: the whole of it makes minimisation slow.
	head := bytes.SplitAfterN(demoRosterCSV, []byte("\n"), 6)
	f.Add(bytes.Join(head[:5], nil))
	f.Add([]byte(zhHeader + "A1,阿依古丽•买买提,护理分院,女,维吾尔,2003/5/1,正式代表,是,否,√\n"))
	f.Add([]byte("name,unit,kind,birth_date\nLi,U,formal,20030501\n,,,\nLi,U,formal,20030501\n"))
	f.Add([]byte("姓名\t选举单位\t代表类别\n王芳\t护理分院\t正式\n"))
	f.Add([]byte("\xef\xbb\xbf编号,姓名,选举单位,代表类别\n1,\"王 芳\",护理分院,正式\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ReadRosterCSV("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			var fe *FileError
			if ps != nil || !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) with %d people", err, err, len(ps))
			}
			return
		}
		ids := map[string]bool{}
		for _, p := range ps {
			if p.ID == "" || p.Name == "" || p.Unit == "" {
				t.Fatalf("incomplete person %+v", p)
			}
			if ids[strings.ToLower(p.ID)] {
				t.Fatalf("id %q repeated", p.ID)
			}
			ids[strings.ToLower(p.ID)] = true
		}
	})
}
