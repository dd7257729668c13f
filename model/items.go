package model

// ItemKinds returns every agenda item kind: first those of RULES §10 in
// their order, then procedure and review.
func ItemKinds() []ItemKind {
	return []ItemKind{ItemPreparatory, ItemOpening, ItemReport, ItemDeliberation,
		ItemQuestioning, ItemMotions, ItemResolution, ItemElection, ItemClosing,
		ItemProcedure, ItemReview}
}

// Valid reports whether k is one of the kinds of ItemKinds.
func (k ItemKind) Valid() bool {
	for _, x := range ItemKinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Valid reports whether k is VoteOrdinary or VoteCharter.
func (k VoteKind) Valid() bool { return k == VoteOrdinary || k == VoteCharter }

// Valid reports whether m is VoteHands or VoteBallot.
func (m VoteMethod) Valid() bool { return m == VoteHands || m == VoteBallot }

// MaxMinutes is the longest planned duration of one item: a day.
const MaxMinutes = 24 * 60

// DefaultTitle returns the title an item of kind k takes when its agenda
// file gives none, in Chinese and in English: the title of the kind's item
// in StandardAgenda, or a generic one for procedure (程序事项, which the
// standard agenda uses for the anthem) and review (述职评议). It returns
// "", "" for an unknown kind.
func DefaultTitle(k ItemKind) (zh, en string) {
	switch k {
	case ItemProcedure:
		return "程序事项", "Procedure"
	case ItemReview:
		return "述职评议", "Officers' reports and their review"
	}
	for _, it := range StandardAgenda() {
		if it.Kind == k {
			return it.Title, it.TitleEn
		}
	}
	return "", ""
}

// StandardAgenda returns the usual agenda of a congress (RULES §10) around
// the seed's two tasks (附件4: hear and deliberate the union's work report;
// elect the first committee), with Chinese and English titles and planned
// minutes:
//
//	预备会议 (preparatory) · 开幕式 (opening) · 奏唱国歌 (procedure) ·
//	听取学生会工作报告 (report) · 分组审议工作报告 (deliberation, in
//	groups: one per electoral unit) ·
//	代表质询 (questioning) · 代表提案 (motions) ·
//	关于学生会工作报告的决议 (resolution: ordinary, show of hands) ·
//	选举学生会第一届委员会 (election) · 闭幕式 (closing)
//
// Not every kind appears (review, 述职评议, is the union's own yearly
// procedure of the seed's section 八, not a congress item by default). The
// resolution on the work report comes before the election, as many
// congresses do; a school that votes it at the closing session reorders the
// items in its agenda file. No presenter is named: the demo congress names
// its own (Demo); a real one names it in its agenda file. Each call returns
// a fresh copy.
func StandardAgenda() []Item {
	return []Item{
		{Kind: ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting", Minutes: 20},
		{Kind: ItemOpening, Title: "开幕式", TitleEn: "Opening session", Minutes: 5},
		{Kind: ItemProcedure, Title: "奏唱国歌", TitleEn: "National anthem", Minutes: 3,
			Script:   "请全体起立，奏唱中华人民共和国国歌。\n（奏国歌）\n请坐下。",
			ScriptEn: "Please rise for the national anthem of the People's Republic of China.\n(Anthem)\nPlease be seated."},
		{Kind: ItemReport, Title: "听取学生会工作报告", TitleEn: "Work report of the student union", Minutes: 30},
		{Kind: ItemDeliberation, Title: "分组审议工作报告", TitleEn: "Deliberation of the work report in groups", Minutes: 40,
			Floor: ItemFloor{InGroups: true}},
		{Kind: ItemQuestioning, Title: "代表质询", TitleEn: "Questions from delegates", Minutes: 30},
		{Kind: ItemMotions, Title: "代表提案", TitleEn: "Motions of delegates", Minutes: 20},
		{Kind: ItemResolution, Title: "关于学生会工作报告的决议", TitleEn: "Resolution on the work report", Minutes: 10,
			Resolution: &ResolutionSpec{Text: "大会批准学生会工作报告。", TextEn: "The congress approves the work report of the student union.",
				Kind: VoteOrdinary, Method: VoteHands}},
		{Kind: ItemElection, Title: "选举学生会第一届委员会", TitleEn: "Election of the first committee of the student union", Minutes: 60},
		{Kind: ItemClosing, Title: "闭幕式", TitleEn: "Closing session", Minutes: 10},
	}
}
