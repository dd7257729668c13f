package session

import (
	"errors"
	"reflect"
	"testing"

	"podium/session/snapshot"
)

// TestResumeGivesReplay: a checkpoint's image made at any event of a log
// — the first, one inside a teller's run of ballots, the last — and
// resumed on the whole log gives exactly the state a full replay gives
// (every field, unexported ones too), and CheckImage agrees.
func TestResumeGivesReplay(t *testing.T) {
	_, congress := decidedCongress(t)
	for name, log := range map[string]*MemoryLog{"the congress": congress, "the desks": desksLog(t), "every part": everyPart(t)} {
		full, err := Load(log)
		if err != nil {
			t.Fatal(err)
		}
		n := len(log.recs)
		for _, k := range []int{1, 2, n / 3, n / 2, n - 1, n} {
			part := &MemoryLog{recs: log.recs[:k]}
			image, seq, err := Image(part)
			if err != nil || seq != uint64(k) {
				t.Fatalf("%s at %d: image of %d: %v", name, k, seq, err)
			}
			s, err := Resume(&MemoryLog{recs: append([]Record(nil), log.recs...)}, image, seq)
			if err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
			if err := s.Checked(); err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
			if f := snapshot.Differs(&s.st, &full.st); f != "" {
				t.Fatalf("%s: resumed at %d of %d, the state differs in %s", name, k, n, f)
			}
			if err := CheckImage(log, image); err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
			// The resumed session goes on like the replayed one.
			if _, err := s.Execute(AddNote{Meta: by("sec", 600), Text: "续"}); err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
		}
	}
}

// TestCheckImageSeesDifference: an image whose state differs from the
// log's replay — one person's status changed, or made from another log —
// is reported with the field that differs; bytes that are no image are
// refused by Resume and CheckImage alike.
func TestCheckImageSeesDifference(t *testing.T) {
	_, log := decidedCongress(t)
	image, _, err := Image(log)
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := snapshot.Decode(image, &st); err != nil {
		t.Fatal(err)
	}
	st.Attendance[3].Status = OnLeave
	changed, err := snapshot.Encode(&st)
	if err != nil {
		t.Fatal(err)
	}
	var ie *ImageError
	if err := CheckImage(log, changed); !errors.As(err, &ie) || ie.Field != "Attendance" {
		t.Fatalf("a changed status: %v", err)
	}
	other, _, err := Image(desksLog(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckImage(log, other); !errors.As(err, &ie) || ie.Field == "" {
		t.Fatalf("another log's image: %v", err)
	}
	// A session resumed from it refuses every command, with the
	// difference, and so does one resumed from an image of another log.
	for name, img := range map[string][]byte{"changed": changed, "another log's": other} {
		var st State
		if err := snapshot.Decode(img, &st); err != nil {
			t.Fatal(err)
		}
		s, err := Resume(&MemoryLog{recs: append([]Record(nil), log.recs[:st.Seq]...)}, img, st.Seq)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := s.Checked(); !errors.As(err, &ie) || ie.Field == "" {
			t.Fatalf("%s: checked: %v", name, err)
		}
		if _, err := s.Execute(AddNote{Meta: by("sec", 600), Text: "不应记录"}); !errors.As(err, &ie) {
			t.Fatalf("%s: a command was executed: %v", name, err)
		}
	}
	if _, err := Resume(log, image, 3); !errors.As(err, &ie) {
		t.Fatalf("an image of another event than the checkpoint's: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("podium"), image[:len(image)/2], append(append([]byte(nil), image...), 0)} {
		if _, err := Resume(log, bad, uint64(len(log.recs))); !errors.As(err, &ie) {
			t.Fatalf("Resume of %d bytes: %v", len(bad), err)
		}
		if err := CheckImage(log, bad); !errors.As(err, &ie) {
			t.Fatalf("CheckImage of %d bytes: %v", len(bad), err)
		}
	}
}

// everyPart is the decided congress, then the floor of a deliberation
// (speakers added, removed, moved, heard; a group's report; the floor
// rules), a motion, the survey, the staff audit, a takeover and a leave:
// a state in which every field of State but Ratings (the demo has no
// review item) holds something (TestEveryPartIsSet).
func everyPart(t testing.TB) *MemoryLog {
	s, log := decidedCongress(t)
	for i, l := range everyPartLines {
		c, err := ParseCommand([]byte(l))
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		exec(t, s, c)
	}
	return log
}

// TestEveryPartIsSet: everyPart leaves no field of State empty but
// Ratings, so that the checkpoint tests see them all.
func TestEveryPartIsSet(t *testing.T) {
	s, err := Load(everyPart(t))
	if err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(&s.st).Elem()
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; v.Field(i).IsZero() && name != "Ratings" {
			t.Errorf("State.%s is empty", name)
		}
	}
}

// everyPartLines are the commands everyPart adds, as `podium apply`
// reads them.
var everyPartLines = []string{
	`{"cmd":"start_item","at":"2026-11-30T12:00:00+08:00","actor":"host","role":"host","index":4}`,
	`{"cmd":"add_speaker","at":"2026-11-30T12:01:00+08:00","actor":"host","role":"host","person":"D0010","speech_kind":"speech"}`,
	`{"cmd":"add_speaker","at":"2026-11-30T12:01:10+08:00","actor":"host","role":"host","person":"D0011","speech_kind":"speech"}`,
	`{"cmd":"add_speaker","at":"2026-11-30T12:01:20+08:00","actor":"host","role":"host","person":"D0012","speech_kind":"speech"}`,
	`{"cmd":"remove_speaker","at":"2026-11-30T12:02:00+08:00","actor":"host","role":"host","no":2}`,
	`{"cmd":"move_speaker","at":"2026-11-30T12:03:00+08:00","actor":"host","role":"host","no":3,"position":0}`,
	`{"cmd":"start_speech","at":"2026-11-30T12:04:00+08:00","actor":"host","role":"host","no":3}`,
	`{"cmd":"end_speech","at":"2026-11-30T12:07:10+08:00","actor":"host","role":"host"}`,
	`{"cmd":"report_group","at":"2026-11-30T12:08:00+08:00","actor":"secretary:护理分院组","role":"secretary","item":4,"group":"护理分院","speakers":6,"text":"代表们认为报告实事求是。","convener":"姜晓雪","secretary":"杨子怡"}`,
	`{"cmd":"set_floor_rules","at":"2026-11-30T12:09:00+08:00","actor":"host","role":"host","fair_order":true,"guests_speak":false}`,
	`{"cmd":"end_item","at":"2026-11-30T12:10:00+08:00","actor":"host","role":"host","note":"审议结束"}`,
	`{"cmd":"start_item","at":"2026-11-30T12:11:00+08:00","actor":"host","role":"host","index":6}`,
	`{"cmd":"file_motion","at":"2026-11-30T12:12:00+08:00","actor":"secretary-1","role":"secretary","proposer":"D0012","cosigners":["D0013","D0014"],"title":"关于在图书馆增设夜间自习室的提案","text":"建议图书馆三楼开放至22:30。","category":"学习"}`,
	`{"cmd":"accept_motion","at":"2026-11-30T12:13:00+08:00","actor":"secretary-1","role":"secretary","no":1}`,
	`{"cmd":"record_survey","at":"2026-11-30T12:15:00+08:00","actor":"secretary-1","role":"secretary","file":"满意度调查.xlsx","respondents":120,"items":[{"item":16,"question":7,"header":"7、您对学生会组织整体工作的满意度","satisfied":52,"basically":48,"neutral":12,"less":3,"dissatisfied":2,"blank":3}]}`,
	`{"cmd":"record_staff_audit","at":"2026-11-30T12:16:00+08:00","actor":"secretary-1","role":"secretary","file":"seed_staff.tsv","staff":40,"data_errors":2,"checks":[{"item":"3.1","status":"pass","count":40,"limit":40},{"item":"3.2","status":"cannot_verify","count":0,"limit":5,"code":"no_title_column"},{"item":"3.3","status":"cannot_verify","count":0,"limit":6,"code":"no_department_column"},{"item":"4","status":"cannot_verify","count":0,"code":"no_title_column"},{"item":"5","status":"pass","count":40},{"item":"6","status":"cannot_verify","count":24,"findings":[{"row":2,"name":"张世英","status":"cannot_verify","code":"no_major_size","value":"18/专业"},{"row":19,"name":"冉嫒","status":"cannot_verify","code":"year_unreadable","value":"纪检 委员"}]}]}`,
	`{"cmd":"take_over","at":"2026-11-30T12:17:00+08:00","actor":"host","role":"host","from":"192.168.10.2:23234"}`,
	`{"cmd":"mark","at":"2026-11-30T12:18:00+08:00","actor":"desk-1","role":"desk","person":"D0120","status":"on_leave","reason":"病假"}`,
}
