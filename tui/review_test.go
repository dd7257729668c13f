package tui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// congressOf opens the congress s with 118 formal delegates present and
// the meeting declared valid.
func congressOf(t testing.TB, s model.Setup) *session.Session {
	t.Helper()
	sess := newSession(t, s)
	n := 0
	for _, p := range s.Roster {
		if p.Kind == model.Formal && n < 118 {
			mark(t, sess, p.ID, session.Present, t0.Add(-time.Hour+time.Duration(n)*time.Second))
			n++
		}
	}
	if _, err := sess.Execute(session.DeclareOpen{Meta: session.Meta{At: t0.Add(-30 * time.Minute), Actor: "host"}}); err != nil {
		t.Fatal(err)
	}
	return sess
}

// reviewOfficers are the officers of the test review item.
var reviewOfficers = []string{"主席 王芳", "学习部部长 李强", "宣传部部长 阿依古丽·买买提"}

// reviewCongress is the test congress with a review item (述职评议) after
// the report, started ten minutes ago; it returns the item's index.
func reviewCongress(t *testing.T) (*session.Session, int) {
	s := congressSetup()
	at := itemOf(t, s, model.ItemReport) + 1
	s.Agenda = slices.Insert(s.Agenda, at, model.Item{Kind: model.ItemReview, Title: "学生会主席团成员述职评议",
		TitleEn: "Review of the presidium's reports", Minutes: 30, Officers: slices.Clone(reviewOfficers)})
	sess := congressOf(t, s)
	startAt(t, sess, at, t0.Add(-10*time.Minute))
	return sess, at
}

func ratings(sess *session.Session) (rs []session.Rating) {
	sess.Read(func(st *session.State) { rs = slices.Clone(st.Ratings) })
	return rs
}

// TestReview rates the review's officers with 1/2/3 (e/p/f), writes a
// 整改意见 with c, keeps it through a new rating, and shows the core's
// refusal once the item has ended.
func TestReview(t *testing.T) {
	sess, item := reviewCongress(t)
	m := newTestModel(t, sess, "zh", 120, 40)
	if m.cur.id != screenItem {
		t.Fatalf("the review shows screen %s, want the item screen", m.cur.id)
	}
	wantScreen(t, m, "述职评议（3 人：优秀 0 · 合格 0 · 不合格 0 · 未评议 3）", "› 1 主席 王芳", "未评议", "1/e 优秀")
	want := func(rs ...session.Rating) {
		t.Helper()
		got := ratings(sess)
		for j := range got {
			got[j].At = time.Time{}
		}
		if !slices.Equal(got, rs) {
			t.Fatalf("ratings %+v\nwant %+v", got, rs)
		}
	}
	typeText(m, "1")
	if m.c.Note.Text != "已评定 主席 王芳：优秀" {
		t.Fatalf("note %+v", m.c.Note)
	}
	want(session.Rating{Item: item, Officer: "主席 王芳", Rating: model.RatingExcellent})

	// The next officer: f fails, c writes the 整改意见 (? is typed, not help).
	press(m, tea.KeyDown)
	typeText(m, "f")
	typeText(m, "c")
	if !m.typing() {
		t.Fatal("c opened no form")
	}
	typeText(m, "讲座减半?下学期恢复")
	enter(m)
	if m.typing() || m.c.Note.Text != "已记录 学习部部长 李强 的整改意见" {
		t.Fatalf("after the form: typing %v, note %+v", m.typing(), m.c.Note)
	}
	li := session.Rating{Item: item, Officer: "学习部部长 李强", Rating: model.RatingFail, Note: "讲座减半?下学期恢复"}
	want(session.Rating{Item: item, Officer: "主席 王芳", Rating: model.RatingExcellent}, li)
	wantScreen(t, m, "优秀 1 · 合格 0 · 不合格 1 · 未评议 1", "整改意见 · 学习部部长 李强", "讲座减半?下学期恢复")

	// A new rating keeps the 整改意见; esc leaves it as it was.
	typeText(m, "2")
	li.Rating = model.RatingPass
	typeText(m, "c")
	typeText(m, "x")
	press(m, tea.KeyEscape)
	want(session.Rating{Item: item, Officer: "主席 王芳", Rating: model.RatingExcellent}, li)

	// The third officer has no rating yet: c asks for one first.
	press(m, tea.KeyDown)
	typeText(m, "c")
	if m.typing() || m.c.Note.Text != "请先按 1/2/3 评定等级，再填写整改意见" {
		t.Fatalf("c before a rating: typing %v, note %+v", m.typing(), m.c.Note)
	}
	typeText(m, "e")
	if rs := ratings(sess); len(rs) != 3 || rs[2].Officer != reviewOfficers[2] || rs[2].Rating != model.RatingExcellent {
		t.Fatalf("ratings %+v", rs)
	}

	// Once the item has ended the core refuses, and the screen says why.
	ctrl(m, 'e')
	ctrl(m, 'e')
	if st := state(sess); st.Items[item].Status != session.ItemDone {
		t.Fatalf("the review did not end: %+v", st.Items[item])
	}
	typeText(m, "3")
	if m.c.Note.Kind != common.NoteErr || m.c.Note.Text != "没有进行中的述职评议，无法评定（本项已结束或尚未开始）" {
		t.Fatalf("rating an ended review: note %+v", m.c.Note)
	}
	if rs := ratings(sess); rs[2].Rating != model.RatingExcellent {
		t.Fatalf("a refused rating changed %+v", rs[2])
	}
	checkFrame(t, m, 120, 40)
}

// TestGoldenReview renders a review item with two officers rated (one
// with a 整改意见) and one not yet, in Chinese at 120×40, and checks the
// English screen and the smaller sizes.
func TestGoldenReview(t *testing.T) {
	sess, _ := reviewCongress(t)
	do := func(min int, officer string, r model.Rating, note string) {
		t.Helper()
		if _, err := sess.Execute(session.RateOfficer{Meta: session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: "host"},
			Officer: officer, Rating: r, Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	do(-8, reviewOfficers[0], model.RatingExcellent, "")
	do(-3, reviewOfficers[1], model.RatingFail, "学术讲座由每月两场减为一场，未向代表说明原因；下学期前提交整改方案。")
	if _, err := sess.Execute(session.AddNote{Meta: session.Meta{At: t0.Add(-2 * time.Minute), Actor: "host"}, Text: "评议小组 7 人到场"}); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, sess, "zh", 120, 40)
	press(m, tea.KeyDown)
	checkFrame(t, m, 120, 40)
	golden(t, "item_review_zh_120x40", screen(m))

	en := newTestModel(t, sess, "en", 120, 40)
	wantScreen(t, en, "Review (3 officers: excellent 1 · pass 0 · fail 1 · not rated 1)", "not rated", "1/e excellent")
	for _, sz := range [][2]int{{80, 24}, {95, 30}, {200, 24}} {
		for _, mm := range []*Model{m, en} {
			mm.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, mm, sz[0], sz[1])
			typeText(mm, "?")
			checkFrame(t, mm, sz[0], sz[1])
			typeText(mm, "?")
		}
	}
}
