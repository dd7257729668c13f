package records

import (
	"strings"
)

// The reform self-assessment form (高校学生会组织深化改革评估备案表, the
// seed's 附件1): its seventeen items in the seed's words, and who can
// answer each. The congress record answers items 8 and 9 and gives the
// facts for 10; items 3–6 are the staff audit, answered when one was
// recorded (`podium check staff --db`); 16 and 17 are the satisfaction
// survey, answered when one was recorded (`podium check survey --db`);
// the office answers the rest.

// assessmentItems are the items: source, Chinese, English.
var assessmentItems = [17][3]string{
	{"office", "坚持全心全意服务同学，聚焦主责主业开展工作。未承担宿舍管理、校园文明纠察、安全保卫等高校行政职能。",
		"Serves students wholeheartedly and keeps to its main duties; takes on no administrative function of the school such as dormitory management, campus patrols or security."},
	{"office", "工作机构架构为“主席团+工作部门”模式，未在工作部门以上或以下设置“中心”、“项目办公室”等常设层级。",
		"Is organised as a presidium plus working departments, with no standing level such as a centre or project office above or below the departments."},
	{"staff", "机构和人员规模：校级学生会组织工作人员不超过40人（学生人数较多、分校区较多的高校不超过60人）；主席团成员不超过5人；工作部门不超过6个。",
		"Size: at most 40 school-level staff (60 for large schools or several campuses); at most 5 presidium members; at most 6 departments."},
	{"staff", "除主席、副主席（探索实行轮值制度的高校为执行主席）、部长、副部长、干事外未设其他职务。",
		"No titles other than chair, vice-chair (executive chair where the chair rotates), minister, vice-minister and officer."},
	{"staff", "学生会组织工作人员为共产党员或共青团员。",
		"Every staff member is a member of the Communist Party or the Communist Youth League."},
	{"staff", "学生会组织工作人员中除一年级新生外的本专科生最近1个学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。",
		"Every staff member other than freshmen ranks within the top 30% of the major (last term, last year or since enrolment) and has failed no course; graduate students have failed no course."},
	{"office", "校级学生会组织主席团候选人均由学院（系）团组织推荐，经学院（系）党组织同意，校党委学生工作部门和校团委联合审查后，报校党委确定；校级学生会组织工作部门成员均由学院（系）团组织推荐，经校党委学生工作部门和校团委审核后确定。",
		"Presidium candidates are recommended by the schools' League organisations, approved by their Party organisations, reviewed jointly by the student affairs department and the League committee, and decided by the Party committee; department members are recommended likewise and approved after review."},
	{"congress", "主席团由学生代表大会（非其委员会、常务委员会、常任代表会议等）选举产生。",
		"The presidium is elected by the student congress (not by its committee, standing committee or standing delegates' meeting)."},
	{"congress", "2019年10月以来召开了校级学生（研究生）代表大会。",
		"A school-level student congress has been held since October 2019."},
	{"congress", "校级学生（研究生）代表大会代表经班级团支部推荐、学院（系）组织选举产生。",
		"The congress's delegates were recommended by the class League branches and elected by the schools."},
	{"office", "学生会组织认真学习贯彻全国学联二十七大会会议精神有实质性举措，学生会工作人员普遍知晓习近平总书记贺信和党中央致词精神，了解全国学联大会报告和章程修正案基本内容，了解团中央、教育部有关工作要求。",
		"The union has taken real steps to study the 27th National Congress of the All-China Students' Federation; its staff know the letter of congratulation and the Central Committee's address, the congress report and the charter amendment, and the requirements of the League and the Ministry of Education."},
	{"office", "组建以学生代表为主，校党委学生工作部门、校团委等共同参与的校级学生会组织工作人员评议会；主席团成员和工作部门负责人每学期向评议会述职。",
		"A review council of mainly student delegates, with the student affairs department and the League committee, reviews the school-level staff; presidium members and department heads report to it every term."},
	{"office", "学生会组织工作人员参加评奖评优、测评加分、推荐免试攻读研究生等事项时，依据评议结果择优提名，未与其岗位简单挂钩。",
		"Awards, extra credits and graduate recommendations for staff follow the review results, not the post held."},
	{"office", "学生会组织的建设纳入了学校党建工作整体规划；党组织定期听取学生会组织工作汇报，研究决定重大事项。",
		"The union's development is part of the school's Party-building plan; the Party organisation hears the union's reports regularly and decides major matters."},
	{"office", "明确1名校团委专职副书记指导校级学生会组织；聘任校团委专职副书记或干部担任校级学生会组织秘书长。",
		"A full-time deputy secretary of the League committee guides the school-level union; a full-time deputy secretary or cadre of the League committee serves as its secretary-general."},
	{"survey", "学生对学生会组织整体工作的满意度（取样本对满意度调查问卷第7题选项为“满意”和“基本满意”比例之和。60%及以上为达标，以下为不达标）。",
		"Students' satisfaction with the union's work as a whole (question 7 of the survey: the share answering satisfied or fairly satisfied; 60% or more meets the standard)."},
	{"survey", "学生对学生会组织工作人员的满意度（取样本对满意度调查问卷第14题选项为“满意”和“基本满意”比例之和。达标标准同16项）。",
		"Students' satisfaction with the union's staff (question 14 of the survey; the standard is that of item 16)."},
}

// assessment answers the items the congress record can answer: 8 (the
// presidium elected by this congress), 9 (the congress held since
// October 2019), the facts of 10 (the delegates by electoral unit,
// whose recommendation and election this record did not see), 3–6 from
// the staff audit and 16 and 17 from the satisfaction survey when one was
// recorded.
func (b builder) assessment(r *Record) []Assessment {
	w := b.w
	out := make([]Assessment, 0, len(assessmentItems))
	for i, it := range assessmentItems {
		a := Assessment{No: i + 1, Source: it[0], Text: it[1]}
		if !b.zh {
			a.Text = it[2]
		}
		switch it[0] {
		case "staff":
			a.Note = w.staffNote
		case "survey":
			a.Note = w.surveyNote
		}
		switch a.No {
		case 8:
			a.Verdict, a.Note = b.presidiumElected(r)
		case 9:
			a.Verdict, a.Note = congressHeld(r, w)
		case 10:
			a.Note = w.delegatesNote(r.Credentials.Formal, unitsWithFormal(r.Credentials))
		case 3, 4, 5, 6:
			a.Verdict, a.Note = b.staffAssessment(r, a.No)
		case 16, 17:
			a.Verdict, a.Note = b.surveyAssessment(r, a.No)
		}
		out = append(out, a)
	}
	return out
}

// presidiumElected answers item 8 from the election: met when this
// congress elected members in a category named 主席团 (presidium).
func (b builder) presidiumElected(r *Record) (verdict, note string) {
	w, e := b.w, r.Election
	if e == nil {
		return "", w.noElection
	}
	var names []string
	for _, x := range e.Elected {
		if strings.Contains(x.Category, "主席团") || strings.Contains(strings.ToLower(x.Category), "presidium") {
			names = append(names, x.Label)
		}
	}
	if len(names) == 0 {
		return "", w.noPresidium(e.Name)
	}
	return "met", w.presidiumNote(e.Name, names)
}

// congressHeld answers item 9: met when this congress met on or after
// 2019-10-01.
func congressHeld(r *Record, w terms) (verdict, note string) {
	c := r.Congress
	if c.Started.IsZero() {
		if c.Planned == "" {
			return "", ""
		}
		return "", w.plannedFor(c.Planned)
	}
	d := c.Started.Date()
	if d >= "2019-10-01" {
		return "met", w.heldOn(d)
	}
	return "not_met", w.heldOn(d)
}

func unitsWithFormal(c Credentials) int {
	n := 0
	for _, u := range c.Units {
		if u.Formal > 0 {
			n++
		}
	}
	return n
}
