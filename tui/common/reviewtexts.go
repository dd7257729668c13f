package common

import (
	"fmt"

	"podium/model"
	"podium/session"
)

// ReviewTexts are the words of a review item's screen (述职评议, the
// seed's section 八) in one language (Texts.M.Review).
type ReviewTexts struct {
	// Rating is a rating in words; "" is not rated yet.
	Rating func(r model.Rating) string
	// Title heads the list of officers with the tally of ratings.
	Title func(n, excellent, pass, fail, unrated int) string
	// NoOfficers is shown when the agenda file lists none.
	NoOfficers string
	// Rated confirms a rating; NoteSaved and NoteCleared the 整改意见.
	Rated                  func(officer, rating string) string
	NoteSaved, NoteCleared func(officer string) string
	// RateFirst asks for a rating before the 整改意见; keys are the keys.
	RateFirst func(keys string) string
	// NoteTitle heads the selected officer's 整改意见; FormTitle the form.
	NoteTitle func(officer string) string
	FormTitle func(officer, rating string) string
	NoteLabel string
	// RatedAt is when the rating was given; NoNote says there is no
	// 整改意见 and the key that writes one.
	RatedAt func(rating, at string) string
	NoNote  func(key string) string
	// Refused explains the core's refusal of a rating by its code:
	// CodeNotOfficer, CodeNoReview or CodeBadRating.
	Refused func(code session.Code) string

	HelpExcellent, HelpPass, HelpFail, HelpComment string
}

func zhReviewTexts() *ReviewTexts {
	words := map[model.Rating]string{model.RatingExcellent: "优秀", model.RatingPass: "合格", model.RatingFail: "不合格"}
	return &ReviewTexts{
		Rating: func(r model.Rating) string {
			if w, ok := words[r]; ok {
				return w
			}
			return "未评议"
		},
		Title: func(n, e, p, f, u int) string {
			return fmt.Sprintf("述职评议（%d 人：优秀 %d · 合格 %d · 不合格 %d · 未评议 %d）", n, e, p, f, u)
		},
		NoOfficers:  `本项未列出述职人员：请在议程文件中写 officers = ["主席 王芳", …]`,
		Rated:       func(o, r string) string { return fmt.Sprintf("已评定 %s：%s", o, r) },
		NoteSaved:   func(o string) string { return fmt.Sprintf("已记录 %s 的整改意见", o) },
		NoteCleared: func(o string) string { return fmt.Sprintf("已删除 %s 的整改意见", o) },
		RateFirst:   func(k string) string { return fmt.Sprintf("请先按 %s 评定等级，再填写整改意见", k) },
		NoteTitle:   func(o string) string { return "整改意见 · " + o },
		FormTitle:   func(o, r string) string { return fmt.Sprintf("%s（%s）的整改意见", o, r) },
		NoteLabel:   "整改意见",
		RatedAt:     func(r, at string) string { return fmt.Sprintf("%s · %s 评定", r, at) },
		NoNote:      func(k string) string { return fmt.Sprintf("无整改意见（按 %s 填写）", k) },
		Refused: func(code session.Code) string {
			switch code {
			case session.CodeNotOfficer:
				return "不是本项议程的述职人员"
			case session.CodeNoReview:
				return "没有进行中的述职评议，无法评定（本项已结束或尚未开始）"
			}
			return "评定等级无效：优秀、合格或不合格"
		},
		HelpExcellent: "优秀", HelpPass: "合格", HelpFail: "不合格", HelpComment: "整改意见",
	}
}

func enReviewTexts() *ReviewTexts {
	words := map[model.Rating]string{model.RatingExcellent: "excellent", model.RatingPass: "pass", model.RatingFail: "fail"}
	return &ReviewTexts{
		Rating: func(r model.Rating) string {
			if w, ok := words[r]; ok {
				return w
			}
			return "not rated"
		},
		Title: func(n, e, p, f, u int) string {
			return fmt.Sprintf("Review (%d officers: excellent %d · pass %d · fail %d · not rated %d)", n, e, p, f, u)
		},
		NoOfficers:  `No officers are listed for this item: write officers = ["主席 王芳", …] in the agenda file`,
		Rated:       func(o, r string) string { return fmt.Sprintf("%s rated: %s", o, r) },
		NoteSaved:   func(o string) string { return "Improvements for " + o + " recorded" },
		NoteCleared: func(o string) string { return "Improvements for " + o + " removed" },
		RateFirst:   func(k string) string { return fmt.Sprintf("Rate first (%s), then write the improvements", k) },
		NoteTitle:   func(o string) string { return "Improvements · " + o },
		FormTitle:   func(o, r string) string { return fmt.Sprintf("Improvements for %s (%s)", o, r) },
		NoteLabel:   "Improvements",
		RatedAt:     func(r, at string) string { return fmt.Sprintf("%s · rated %s", r, at) },
		NoNote:      func(k string) string { return fmt.Sprintf("No improvements noted (%s writes them)", k) },
		Refused: func(code session.Code) string {
			switch code {
			case session.CodeNotOfficer:
				return "Not one of this item's officers"
			case session.CodeNoReview:
				return "No review is under way: this item has ended or not started"
			}
			return "Not a rating: excellent, pass or fail"
		},
		HelpExcellent: "excellent", HelpPass: "pass", HelpFail: "fail", HelpComment: "improvements",
	}
}
