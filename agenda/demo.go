package agenda

import "fmt"

// Demo returns the embedded demo congress. PLACEHOLDER: replaced by the
// synthetic roster of 122 formal delegates in 8 units.
func Demo() Setup {
	units := []string{"护理分院", "机电工程分院"}
	var roster []Person
	for i := 0; i < 20; i++ {
		roster = append(roster, Person{ID: fmt.Sprintf("D%04d", i+1), Name: fmt.Sprintf("代表%d", i+1), Unit: units[i%2], Kind: Formal})
	}
	return Setup{
		Meeting: DefaultMeeting("示例学院第一次学生代表大会"),
		Roster:  roster,
		Agenda:  []Item{{Kind: ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting"}},
	}
}
