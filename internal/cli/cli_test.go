package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"podium/data"
	"podium/model"
	"podium/session"
)

// run is Run with a background context, as main calls it.
func run(args []string, stdout, stderr io.Writer) int {
	return Run(context.Background(), args, stdout, stderr)
}

// podium runs the command line in-process and returns exit code, stdout
// and stderr.
func podium(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodRoster = "\ufeff姓名,选举单位,代表类别,性别\n张新龙,护理分院,正式,男\n阿依古丽·买买提,机电工程分院,正式代表,女\n张新龙,机电工程分院,正式,男\n高雅婷,校学生会,列席,女\n"

func TestNewVerifyBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	roster := writeFile(t, dir, "roster.csv", goodRoster)

	code, out, errs := podium(t, "new", "--roster", roster, "--name", "测试学院第一次学生代表大会", "--db", db)
	if code != 0 || !strings.Contains(out, "3 formal delegates") || !strings.Contains(out, db) {
		t.Fatalf("new: %d %q %q", code, out, errs)
	}
	// A congress is never overwritten.
	if code, _, errs := podium(t, "new", "--roster", roster, "--name", "x", "--db", db); code == 0 || !strings.Contains(errs, "never overwritten") {
		t.Fatalf("second new: %d %q", code, errs)
	}
	// Nor replaced by the demo.
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code == 0 || !strings.Contains(errs, "never replaces a real congress") {
		t.Fatalf("demo over a real congress: %d %q", code, errs)
	}

	code, out, errs = podium(t, "verify", "--db", db)
	if code != 0 || !regexp.MustCompile(`^ok 1 [0-9a-f]{64}\n$`).MatchString(out) || errs != "" {
		t.Fatalf("verify: %d %q %q", code, out, errs)
	}
	// Global flags may also come before the command.
	if code, out2, errs := podium(t, "--db", db, "--lang", "en", "verify"); code != 0 || out2 != out {
		t.Fatalf("podium --db … verify: %d %q %q", code, out2, errs)
	}
	if code, _, _ := podium(t, "--nonsense"); code != exitBadArgs {
		t.Fatalf("an unknown global flag: exit %d", code)
	}
	head := strings.Fields(out)[2]

	copyPath := filepath.Join(dir, "copy.db")
	if code, out, errs := podium(t, "backup", "--db", db, "--out", copyPath); code != 0 || !strings.Contains(out, head) {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	if code, out, _ := podium(t, "verify", "--db", copyPath); code != 0 || !strings.Contains(out, head) {
		t.Fatalf("verify of the backup: %d %q", code, out)
	}

	// While another process holds the file (a running congress, a
	// mirror): a verified copy is read, and says so.
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = podium(t, "verify", "--db", db)
	if code != 0 || !strings.Contains(out, head) || !strings.Contains(errs, "a copy") {
		t.Fatalf("verify while in use: %d %q %q", code, out, errs)
	}
	// backup still works: it copies and verifies.
	if code, out, errs := podium(t, "backup", "--db", db, "--out", filepath.Join(dir, "hot.db")); code != 0 || !strings.Contains(out, "while podium was running") {
		t.Fatalf("hot backup: %d %q %q", code, out, errs)
	}
	st.Close()

	// A changed byte: verify names the event and exits 1.
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket([]byte("events"))
		k, v := bk.Cursor().First()
		v = append([]byte(nil), v...)
		v[40] ^= 1
		return bk.Put(k, v)
	})
	b.Close()
	code, out, errs = podium(t, "verify", "--db", db)
	if code != 1 || out != "" || !strings.Contains(errs, "event 1") {
		t.Fatalf("verify of a changed log: %d %q %q", code, out, errs)
	}
}

func TestNewRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args func(db string) []string
		want string
	}{
		{"bad kind", func(db string) []string {
			p := writeFile(t, dir, "bad.csv", "姓名,选举单位,代表类别\n张三,护理分院,正式\n李四,护理分院,正试\n")
			return []string{"new", "--roster", p, "--name", "x", "--db", db}
		}, "bad.csv row 3, column 代表类别"},
		{"no name", func(db string) []string {
			p := writeFile(t, dir, "ok.csv", goodRoster)
			return []string{"new", "--roster", p, "--db", db}
		}, "needs a name"},
		{"no roster", func(db string) []string { return []string{"new", "--db", db} }, "--roster"},
		{"missing file", func(db string) []string {
			return []string{"new", "--roster", filepath.Join(dir, "nope.csv"), "--name", "x", "--db", db}
		}, "nope.csv"},
		{"bad agenda", func(db string) []string {
			p := writeFile(t, dir, "ok2.csv", goodRoster)
			a := writeFile(t, dir, "a.toml", "[meeting]\nname = \"x\"\nopening_quorum = \"3/2\"\n")
			return []string{"new", "--roster", p, "--agenda", a, "--db", db}
		}, "a.toml line 3"},
		{"stray argument", func(db string) []string { return []string{"verify", "--db", db, "extra"} }, "unexpected argument"},
		{"bad lang", func(db string) []string { return []string{"new", "--demo", "--db", db, "--lang", "fr"} }, "--lang"},
	}
	for _, c := range cases {
		db := filepath.Join(dir, c.name+".db")
		code, _, errs := podium(t, c.args(db)...)
		if code != exitBadArgs || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, errs, exitBadArgs, c.want)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s: a refused command left %s behind", c.name, db)
		}
	}
}

func TestDemoReplacesOnlyADemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	for i := 0; i < 2; i++ {
		if code, out, errs := podium(t, "new", "--demo", "--db", db); code != 0 || !strings.Contains(out, "demo") {
			t.Fatalf("new --demo #%d: %d %q %q", i+1, code, out, errs)
		}
	}
	if code, out, _ := podium(t, "verify", "--db", db); code != 0 || !strings.HasPrefix(out, "ok 1 ") {
		t.Fatalf("the demo was not fresh: %q", out)
	}
}

// TestNewWithElection: an agenda whose election item links a method and
// candidates (relative to the agenda file) prepares the election at
// `podium new`, each candidate linked to the roster by person_id or by
// the name of exactly one formal delegate; a bad method file, an
// ambiguous name or a missing file is refused (exit 2) naming the file.
func TestNewWithElection(t *testing.T) {
	dir := t.TempDir()
	roster := writeFile(t, dir, "roster.csv", goodRoster) // D0001 张新龙, D0002 阿依古丽, D0003 张新龙, D0004 高雅婷 (列席)
	if err := os.Mkdir(filepath.Join(dir, "election"), 0o700); err != nil {
		t.Fatal(err)
	}
	method := writeFile(t, dir, "election/method.toml", "seats = 3\nquorum = \"4/5\"\n")
	cands := writeFile(t, dir, "election/candidates.csv", "name,person_id\n张新龙,d0003\n阿依古丽·买买提,\n高雅婷,\n刘洋,\n")
	ag := writeFile(t, dir, "model.toml", "[meeting]\nname = \"测试学院第一次学生代表大会\"\n\n"+
		"[[item]]\nkind = \"review\"\nofficers = [\"主席 王芳\", \"学习部部长 李强\"]\n\n"+
		"[[item]]\nkind = \"election\"\nmethod = \"election/method.toml\"\ncandidates = \"election/candidates.csv\"\n")
	db := filepath.Join(dir, "c.db")
	if code, out, errs := podium(t, "new", "--roster", roster, "--agenda", ag, "--db", db); code != 0 || !strings.Contains(out, "2 agenda items") {
		t.Fatalf("new: %d %q %q", code, out, errs)
	}
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := session.Load(st)
	if err != nil {
		t.Fatal(err)
	}
	s.Read(func(st *session.State) {
		el := st.Setup.Election
		want := []model.Candidate{{Name: "张新龙", PersonID: "D0003"}, {Name: "阿依古丽·买买提", PersonID: "D0002"}, {Name: "高雅婷"}, {Name: "刘洋"}}
		if el == nil || el.Method.Seats != 3 || !reflect.DeepEqual(el.Candidates, want) {
			t.Errorf("election %+v\nwant candidates %+v", el, want)
		}
		if st.Vote == nil || len(st.Vote.Candidates) != 4 {
			t.Errorf("the session has no election: %+v", st.Vote)
		}
		if got := st.Setup.Agenda[0].Officers; !reflect.DeepEqual(got, []string{"主席 王芳", "学习部部长 李强"}) {
			t.Errorf("officers %q", got)
		}
	})

	bad := func(name, method, cands, want string) {
		t.Helper()
		os.Remove(filepath.Join(dir, "election/method.toml"))
		if method != "" { // "": no method file
			writeFile(t, dir, "election/method.toml", method)
		}
		writeFile(t, dir, "election/candidates.csv", cands)
		db := filepath.Join(dir, name+".db")
		code, _, errs := podium(t, "new", "--roster", roster, "--agenda", ag, "--db", db)
		if code != exitBadArgs || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", name, code, errs, exitBadArgs, want)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s: a refused command left %s behind", name, db)
		}
	}
	const two = "name\n张新龙\n"
	bad("bad method", "seats = 3\nthreshold = \"3/2\"\n", two, method+" line 2")
	bad("ambiguous name", "seats = 3\n", two, cands+` row 2, column name (A): "张新龙" is the name of 2 formal delegates on the roster: D0001 (护理分院), D0003 (机电工程分院)`)
	bad("unknown id", "seats = 3\n", "name,person_id\n张新龙,D0009\n", cands+" row 2, column person_id")
	bad("no candidate", "seats = 3\n", "name\n", cands+" row 1: has a header but no candidate")
	bad("missing method", "", two, method)
}
