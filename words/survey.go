package words

import "fmt"

// This file holds the words of the satisfaction survey (附件1 items 16–17)
// that the survey report (package prep) and the records both write.

// SurveyRate writes the share yes/answered as a percentage with one
// decimal, rounded down: "83.4%". Rounding down keeps the figure on the
// side of the verdict: a share just under 60% never reads "60.0%" beside
// 未达标. With no answer it is "—".
func SurveyRate(yes, answered int) string {
	if answered <= 0 || yes < 0 {
		return "—"
	}
	tenths := int64(yes) * 1000 / int64(answered)
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// SurveyVerdict writes the verdict of an item: 达标 or 未达标; meets the
// standard or does not.
func SurveyVerdict(met bool, lang string) string {
	switch {
	case isEnglish(lang) && met:
		return "meets the standard"
	case isEnglish(lang):
		return "does not meet the standard"
	case met:
		return "达标"
	}
	return "未达标"
}

// SurveySentence is what the form's item 16 or 17 is filled with:
// "满意率为 83.4%，达标"; "satisfaction rate 83.4%, meets the standard".
func SurveySentence(yes, answered int, met bool, lang string) string {
	if isEnglish(lang) {
		return "satisfaction rate " + SurveyRate(yes, answered) + ", " + SurveyVerdict(met, lang)
	}
	return "满意率为 " + SurveyRate(yes, answered) + "，" + SurveyVerdict(met, lang)
}
