package words

import (
	"podium/model"

	"errors"
	"strings"
	"testing"
)

func TestRenderScript(t *testing.T) {
	vars := map[string]string{"expected": "122", "present": "118", "presenter": "白凯文", "empty": "", "subject": "{need}", "declared": "yes"}
	tests := []struct{ tmpl, want string }{
		{"", ""},
		{"现在开会。", "现在开会。"},
		{"应到{expected}名，实到{present}名", "应到122名，实到118名"},
		{"{ expected }", "122"},
		{"下面请{presenter}作报告", "下面请白凯文作报告"},
		{"需{need}票", "需____票"},              // missing value: the printed blank
		{"{title}", ScriptBlank},            // missing value
		{"{subject}", "{need}"},             // values are not templates
		{"{{expected}} {{", "{expected} {"}, // escaped braces
		{"a }} b", "a } b"},
		{"｛括号｝", "｛括号｝"}, // full-width braces around no placeholder are text
		{"第一行\n第二行{present}", "第一行\n第二行118"},
		{"{if declared}会议有效。{end}现在", "会议有效。现在"},
		{"{if voted}结果{else}请表决{end}", "请表决"},
		{"{if declared}{if voted}a{else}b{end}{else}c{end}", "b"},
		{"{ if voted }x{ end }", ""},
	}
	for _, tc := range tests {
		got, err := RenderScript(tc.tmpl, vars)
		if err != nil || got != tc.want {
			t.Errorf("RenderScript(%q) = %q, %v; want %q", tc.tmpl, got, err, tc.want)
		}
		if err := CheckScript(tc.tmpl); err != nil {
			t.Errorf("CheckScript(%q) = %v", tc.tmpl, err)
		}
	}
}

func TestRenderScriptBad(t *testing.T) {
	tests := []struct {
		tmpl, token string
		offset      int
		reason      string
	}{
		{"下面请{speaker}发言", "{speaker}", len("下面请"), "is not a placeholder"},
		{"{Expected}", "{Expected}", 0, "is not a placeholder"},
		{"{}", "{}", 0, "is not a placeholder"},
		{"{empty}", "{empty}", 0, "is not a placeholder"},
		{"应到{expected", "{expected", len("应到"), "not closed"},
		{"{a{b}", "{a", 0, "not closed"},
		{"{pre\nsent}", "{pre", 0, "not closed"},
		{"a}b", "}", 1, "closes no placeholder"},
		{"{present}}", "}", len("{present}"), "closes no placeholder"},
		{"应到｛expected｝名", "｛expected｝", len("应到"), "full-width braces; write {expected}"},
		{"{if valid}x{end}", "{if valid}", 0, "is not a condition"},
		{"a{else}b", "{else}", 1, "has no {if"},
		{"{if voted}a{else}b{else}c{end}", "{else}", len("{if voted}a{else}b"), "has no {if"},
		{"a{end}", "{end}", 1, "closes no {if"},
		{"x{if voted}a", "{if voted}", 1, "not closed with {end}"},
	}
	for _, tc := range tests {
		got, err := RenderScript(tc.tmpl, map[string]string{"empty": "x"})
		var se *ScriptError
		if got != "" || !errors.As(err, &se) {
			t.Errorf("RenderScript(%q) = %q, %v; want a *ScriptError", tc.tmpl, got, err)
			continue
		}
		if se.Token != tc.token || se.Offset != tc.offset || !strings.Contains(se.Reason, tc.reason) {
			t.Errorf("RenderScript(%q): %+v; want token %q at %d, reason ~%q", tc.tmpl, se, tc.token, tc.offset, tc.reason)
		}
		if !strings.Contains(err.Error(), tc.token) || CheckScript(tc.tmpl) == nil {
			t.Errorf("RenderScript(%q): message %q does not name %q, or CheckScript passes", tc.tmpl, err, tc.token)
		}
	}
	_, err := RenderScript("{speaker}", nil)
	if err == nil || !strings.Contains(err.Error(), "known: meeting, chair, date") {
		t.Errorf("message does not list the placeholders: %v", err)
	}
}

func TestDefaultScripts(t *testing.T) {
	all := map[string]string{}
	for _, p := range ScriptPlaceholders() {
		all[p] = "<" + p + ">"
	}
	for _, k := range model.ItemKinds() {
		for _, lang := range []string{"zh", "en"} {
			s := DefaultScript(k, lang)
			if s == "" || CheckScript(s) != nil {
				t.Errorf("%s %s: %q, %v", k, lang, s, CheckScript(s))
				continue
			}
			full, _ := RenderScript(s, all)
			blank, _ := RenderScript(s, nil)
			if strings.Contains(full, ScriptBlank) || strings.ContainsAny(full, "{}") || full == blank && strings.Contains(s, "{") {
				t.Errorf("%s %s renders %q", k, lang, full)
			}
			hasHan := strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF })
			if hasHan != (lang == "zh") {
				t.Errorf("%s %s is in the wrong language: %q", k, lang, s)
			}
		}
	}
	if DefaultScript("party", "zh") != "" || DefaultScript(model.ItemOpening, "") != DefaultScript(model.ItemOpening, "zh") ||
		DefaultScript(model.ItemOpening, "en-GB") != DefaultScript(model.ItemOpening, "en") {
		t.Error("unknown kind or language")
	}

	// The seed's phrasing, filled.
	got, _ := RenderScript(DefaultScript(model.ItemPreparatory, "zh"), map[string]string{"expected": "122", "present": "118", "declared": "yes"})
	if want := "各位代表：本次大会应到正式代表122名，实到118名，超过应到人数的半数，符合法定人数，会议有效。现在开会。"; !strings.HasPrefix(got, want) {
		t.Errorf("preparatory:\n%s\nwant it to start\n%s", got, want)
	}
	// Before the declaration the words say only what is so.
	got, _ = RenderScript(DefaultScript(model.ItemPreparatory, "zh"), map[string]string{"expected": "122", "present": "40", "quorum": "不足法定人数"})
	if want := "各位代表：本次大会应到正式代表122名，现已报到40名，不足法定人数。"; got != want || strings.Contains(got, "会议有效") {
		t.Errorf("preparatory before the declaration:\n%s\nwant\n%s", got, want)
	}
	for _, lang := range []string{"zh", "en"} {
		got, _ = RenderScript(DefaultScript(model.ItemPreparatory, lang), map[string]string{"expected": "122", "present": "40"})
		if strings.Contains(got, "有效") || strings.Contains(got, "valid") || strings.Contains(got, "in session") {
			t.Errorf("%s: preparatory before the declaration says it is valid: %s", lang, got)
		}
	}
	got, _ = RenderScript(DefaultScript(model.ItemReport, "zh"), map[string]string{"presenter": "白凯文", "minutes": "30"})
	if !strings.HasPrefix(got, "下面请白凯文代表学生会作工作报告") {
		t.Errorf("report: %s", got)
	}
	got, _ = RenderScript(DefaultScript(model.ItemResolution, "zh"), map[string]string{"subject": "关于学生会工作报告的决议",
		"expected": "122", "present": "118", "need": "61", "rule": RuleText(model.Fraction{Num: 1, Den: 2, Strict: false}, model.BaseExpected, "zh"), "method": "举手表决"})
	for _, want := range []string{"现在对关于学生会工作报告的决议进行表决", "应到代表122名", "须经全体代表的二分之一以上赞成，即61票赞成方可通过"} {
		if !strings.Contains(got, want) {
			t.Errorf("resolution lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "表决结果") {
		t.Errorf("resolution announces a result before the vote:\n%s", got)
	}
	got, _ = RenderScript(DefaultScript(model.ItemResolution, "zh"), map[string]string{"voted": "yes", "for": "64", "against": "3", "abstain": "2", "outcome": "通过"})
	if !strings.Contains(got, "表决结果：赞成64票，反对3票，弃权2票，通过。") {
		t.Errorf("resolution after the vote:\n%s", got)
	}
	if !strings.Contains(DefaultScript(model.ItemElection, "zh"), "选举界面") || !strings.Contains(DefaultScript(model.ItemElection, "en"), "election screen") {
		t.Error("the election's script does not point to the election screen")
	}
}

func TestHostScript(t *testing.T) {
	it := model.Item{Kind: model.ItemReport, Script: "请{presenter}报告"}
	if HostScript(it, "zh") != "请{presenter}报告" || HostScript(it, "en") != DefaultScript(model.ItemReport, "en") {
		t.Errorf("zh %q en %q", HostScript(it, "zh"), HostScript(it, "en"))
	}
	it = model.Item{Kind: model.ItemReport, ScriptEn: "{presenter} reports"}
	if HostScript(it, "en") != "{presenter} reports" || HostScript(it, "zh") != DefaultScript(model.ItemReport, "zh") {
		t.Errorf("zh %q en %q", HostScript(it, "zh"), HostScript(it, "en"))
	}
	if got := ScriptPlaceholders(); got[0] != "meeting" || len(got) != len(scriptPlaceholders) {
		t.Errorf("%v", got)
	}
	ScriptPlaceholders()[0] = "changed"
	if !isPlaceholder("meeting") {
		t.Error("ScriptPlaceholders shares its slice")
	}
}

func TestRuleText(t *testing.T) {
	tests := []struct {
		f      model.Fraction
		base   model.Base
		zh, en string
	}{
		{model.Fraction{Num: 1, Den: 2, Strict: false}, model.BaseExpected, "全体代表的二分之一以上", "1/2 or more of all delegates"},
		{model.Fraction{Num: 2, Den: 3, Strict: false}, model.BaseExpected, "全体代表的三分之二以上", "2/3 or more of all delegates"},
		{model.Fraction{Num: 1, Den: 2, Strict: true}, model.BasePresent, "超过实到代表的二分之一", "more than 1/2 of the delegates present"},
		{model.Fraction{Num: 4, Den: 5, Strict: true}, "", "超过全体代表的五分之四", "more than 4/5 of all delegates"},
		{model.Fraction{Num: 11, Den: 20, Strict: false}, model.BaseExpected, "全体代表的二十分之十一以上", "11/20 or more of all delegates"},
		{model.Fraction{Num: 3, Den: 100, Strict: false}, model.BaseExpected, "全体代表的100分之三以上", "3/100 or more of all delegates"},
	}
	for _, tc := range tests {
		if zh, en := RuleText(tc.f, tc.base, "zh"), RuleText(tc.f, tc.base, "en"); zh != tc.zh || en != tc.en {
			t.Errorf("RuleText(%v, %q) = %q, %q; want %q, %q", tc.f, tc.base, zh, en, tc.zh, tc.en)
		}
	}
	for n, want := range map[int]string{0: "零", 7: "七", 10: "十", 15: "十五", 30: "三十", 99: "九十九", 122: "122", -1: "-1"} {
		if got := Number(n, "zh"); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzRenderScript: any template either renders or is refused with a
// *ScriptError whose token is in the template; never a panic.
func FuzzRenderScript(f *testing.F) {
	for _, s := range []string{"", "{expected}", "{if declared}a{else}b{end}", "{{", "｛present｝", "{if voted}{if declared}x{end}", DefaultScript(model.ItemPreparatory, "zh")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tmpl string) {
		_, err := RenderScript(tmpl, map[string]string{"declared": "yes", "present": "1"})
		var se *ScriptError
		if err != nil && (!errors.As(err, &se) || !strings.Contains(tmpl, se.Token)) {
			t.Fatalf("RenderScript(%q): %v", tmpl, err)
		}
	})
}
