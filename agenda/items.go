package agenda

// ItemKinds returns every agenda item kind in the order of RULES §10.
func ItemKinds() []ItemKind {
	return []ItemKind{ItemPreparatory, ItemOpening, ItemReport, ItemDeliberation,
		ItemQuestioning, ItemMotions, ItemResolution, ItemElection, ItemClosing}
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

// StandardAgenda returns the usual agenda of a congress (RULES §10), one
// item per kind, with Chinese and English titles. The resolution on the
// work report is put before the election, as many congresses do; a school
// that votes it at the closing session reorders the items in its agenda
// file.
func StandardAgenda() []Item {
	return []Item{
		{ItemPreparatory, "预备会议", "Preparatory meeting"},
		{ItemOpening, "开幕式", "Opening session"},
		{ItemReport, "听取学生会工作报告", "Work report of the student union"},
		{ItemDeliberation, "分组审议工作报告", "Deliberation of the work report in groups"},
		{ItemQuestioning, "代表质询", "Questions from delegates"},
		{ItemMotions, "代表提案", "Motions of delegates"},
		{ItemResolution, "关于学生会工作报告的决议", "Resolution on the work report"},
		{ItemElection, "选举学生会第一届委员会", "Election of the first committee of the student union"},
		{ItemClosing, "闭幕式", "Closing session"},
	}
}

// standardItem returns the standard item of a kind, for default titles.
func standardItem(k ItemKind) (Item, bool) {
	for _, it := range StandardAgenda() {
		if it.Kind == k {
			return it, true
		}
	}
	return Item{}, false
}
