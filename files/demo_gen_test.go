package files

// The generator of the synthetic demo roster (demo/roster.csv). It is a test
// so that it never ships in the binary: `go test ./agenda -run
// TestDemoRosterGenerated -update-demo` rewrites the file, and the plain test
// checks that the committed file is exactly what the generator produces. The
// generator is deterministic: a fixed splitmix64 stream, no map iteration.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateDemo = flag.Bool("update-demo", false, "rewrite files/demo/roster.csv from the generator")

// demoUnits are the eight electoral units and their seats (122 in all),
// roughly proportional to an imagined student count.
// women is the number of women per unit (49 in all, 40.2%): a nursing
// school is mostly women, an engineering school mostly men.
var demoUnits = []struct {
	name         string
	seats, women int
}{
	{"护理分院", 24, 18},
	{"药学与医学技术分院", 18, 10},
	{"机电工程分院", 17, 2},
	{"经济管理分院", 15, 8},
	{"建筑工程分院", 14, 2},
	{"能源动力工程分院", 13, 1},
	{"基础教育分院", 12, 7},
	{"信息工程分院", 9, 1},
}

// seedNames are the real people named in the seed document; the demo must
// not reuse any of them.
var seedNames = strings.Fields(`冯雅春 张世英 周宛茹 张新龙 何燕 王哲 马小梅 叶小龙 刘顺顺 权衡 昌贺年 赵萱
马晓芸 冶倩文 王世贸 范荣宇 阿米娜姆·萨吾提 饶闻欣 冉嫒 马万祥 苏比努尔·安外尔 肯巴提·萨依饶 许慧 田娇娇
秦小莹 张药麟 姜坤坤 许文强 马铭强 苏比努尔·艾山 娜迪亚 拉孜尼木 荆雅旋 马小娟 玛丽卡·杰提甫斯 于丽婷 彭威
杜江亮 王滋梁 陈佳 赵瑜`)

var (
	hanSurnames = []rune("王李张刘陈杨黄赵吴周徐孙朱高林何郭罗郑梁谢宋唐韩曹邓彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔向汤")
	huiSurnames = []string{"马", "马", "马", "韩", "冶", "丁", "杨", "海", "穆", "白", "沙"}
	manSurnames = []string{"关", "佟", "那", "富", "赵", "金"}
	xbSurnames  = []string{"关", "佟", "吴", "安", "韩"}
	tjSurnames  = []string{"向", "田", "覃", "彭"}
	maleGiven   = strings.Fields(`浩然 子轩 俊杰 宇航 志强 文博 明辉 建军 天佑 嘉豪 鹏飞 晨阳 泽宇 思远 立新 海涛 振华 家乐 一鸣 书豪
		凯文 永康 晓东 博文 瑞祥 国栋 新宇 宏伟 俊熙 子豪 磊 强 伟 杰 涛 斌 鑫 凯 超 勇 亮 峰 刚 毅 飞`)
	femaleGiven = strings.Fields(`欣怡 梓涵 雨萱 佳琪 思琪 诗涵 可馨 紫萱 雅婷 晓雪 婉清 梦瑶 静怡 雨桐 佳慧 文静 晓燕 丽娜 春梅 玉洁
		嘉欣 若曦 子怡 心悦 海燕 秀英 美玲 慧敏 雪莹 乐瑶 婷 静 丹 敏 颖 琳 洁 蕾 悦 倩`)
	uyMaleGiven   = strings.Fields(`艾力 买买提 阿不都 吐尔逊 艾尔肯 热合曼 亚森 阿卜杜拉 迪力夏提 穆合塔尔 艾克拜尔 伊斯马伊力 努尔艾力 麦麦提江 阿里木`)
	uyFemaleGiven = strings.Fields(`阿依古丽 古丽娜尔 迪丽努尔 帕提古丽 热依拉 努尔比亚 再努尔 米热古丽 祖丽皮亚 阿依努尔 古再丽 麦尔哈巴 阿依夏木 帕丽旦`)
	uyFathers     = strings.Fields(`买买提 吐尔逊 阿不都拉 热合曼 依明 卡德尔 玉素甫 托合提 克热木 司马义 阿西木 艾合买提 吾守尔 努尔东`)
	kzMaleGiven   = strings.Fields(`叶尔兰 努尔兰 别克 阿斯哈尔 叶尔江 哈那提 达吾列提 加恩别克 波拉提`)
	kzFemaleGiven = strings.Fields(`阿依娜 古丽加娜提 阿依达娜 加娜尔 阿克托勒 古丽米拉 萨乌列`)
	kzFathers     = strings.Fields(`哈森 努尔别克 吐尔逊别克 加纳提 木拉提 巴合提 叶尔肯 托列根 哈力别克`)
	mgMale        = strings.Fields(`巴特尔 那仁 巴音 额尔敦 苏和 朝鲁 孟和`)
	mgFemale      = strings.Fields(`其其格 乌日娜 斯琴 托娅 萨仁 高娃 乌兰`)
)

// demoRand is splitmix64: tiny, fixed forever, so the roster never drifts.
type demoRand uint64

func (r *demoRand) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *demoRand) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *demoRand) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

func pick(r *demoRand, xs []string) string { return xs[r.intn(len(xs))] }

// demoRow is one generated person before it is written.
type demoRow struct {
	name, unit, gender, eth, birth, kind string
	union, league, honoured              bool
}

// generateDemoRoster returns the CSV text of the demo roster.
func generateDemoRoster() []byte {
	r := demoRand(20261130)
	var rows []demoRow
	for _, u := range demoUnits {
		start := len(rows)
		for range u.seats {
			rows = append(rows, demoRow{unit: u.name, kind: "正式", gender: "男"})
		}
		for i, k := range r.perm(u.seats) {
			if i < u.women {
				rows[start+k].gender = "女"
			}
		}
	}
	n := len(rows) // 122
	// 49 minority delegates (40.2%): 18 with "·" names (14.8%).
	eths := []struct {
		name  string
		count int
	}{{"维吾尔族", 12}, {"哈萨克族", 6}, {"回族", 20}, {"蒙古族", 4}, {"满族", 3}, {"锡伯族", 2}, {"土家族", 2}}
	p := r.perm(n)
	at := 0
	for _, e := range eths {
		for range e.count {
			rows[p[at]].eth = e.name
			at++
		}
	}
	for ; at < n; at++ {
		rows[p[at]].eth = "汉族"
	}
	for i, k := range r.perm(n) {
		rows[k].union = i < 37                // 30.3% union cadres
		rows[k].league = i >= 37 && i < 37+12 // 9.8% league cadres; 59.8% neither
	}
	for i, k := range r.perm(n) {
		rows[k].honoured = i < 37 // 30.3%
	}
	// Observers: outgoing union staff who are not delegates; guests: two
	// from a sister college's union and one alumnus.
	extra := []demoRow{
		{unit: "校学生会", kind: "列席", gender: "女", eth: "汉族", union: true},
		{unit: "校学生会", kind: "列席", gender: "男", eth: "回族", union: true},
		{unit: "校学生会", kind: "列席", gender: "女", eth: "维吾尔族", union: true, honoured: true},
		{unit: "校学生会", kind: "列席", gender: "男", eth: "汉族", league: true},
		{unit: "兄弟院校学生会", kind: "特邀", gender: "男", eth: "哈萨克族", union: true},
		{unit: "兄弟院校学生会", kind: "特邀", gender: "女", eth: "汉族", union: true},
		{unit: "优秀校友", kind: "特邀", gender: "女", eth: "汉族", honoured: true},
	}
	rows = append(rows, extra...)

	used := map[string]bool{"张伟": true} // reserved for the deliberate pair
	for _, s := range seedNames {
		used[s] = true
	}
	compound := []string{"欧阳", "司马"}
	var zhangWei []int
	for i := range rows {
		row := &rows[i]
		row.birth = demoBirth(&r)
		female := row.gender == "女"
		if row.eth == "汉族" && row.kind == "正式" && !female && len(zhangWei) < 2 &&
			(len(zhangWei) == 0 || rows[zhangWei[0]].unit != row.unit) && i > 30 {
			zhangWei = append(zhangWei, i)
			row.name = "张伟"
			continue
		}
		for {
			var name string
			switch row.eth {
			case "维吾尔族":
				g := uyMaleGiven
				if female {
					g = uyFemaleGiven
				}
				name = pick(&r, g) + "·" + pick(&r, uyFathers)
			case "哈萨克族":
				g := kzMaleGiven
				if female {
					g = kzFemaleGiven
				}
				name = pick(&r, g) + "·" + pick(&r, kzFathers)
			case "蒙古族":
				name = pick(&r, mgMale)
				if female {
					name = pick(&r, mgFemale)
				}
			default:
				var sur string
				switch row.eth {
				case "回族":
					sur = pick(&r, huiSurnames)
				case "满族":
					sur = pick(&r, manSurnames)
				case "锡伯族":
					sur = pick(&r, xbSurnames)
				case "土家族":
					sur = pick(&r, tjSurnames)
				default:
					sur = string(hanSurnames[r.intn(len(hanSurnames))])
					if len(compound) > 0 && row.kind == "正式" && i >= 7+53*(2-len(compound)) {
						sur, compound = compound[0], compound[1:]
					}
				}
				g := maleGiven
				if female {
					g = femaleGiven
				}
				given := pick(&r, g)
				for len([]rune(sur)) == 2 && len([]rune(given)) == 1 {
					given = pick(&r, g) // a compound surname takes a two-character given name
				}
				name = sur + given
			}
			if !used[name] {
				used[name] = true
				row.name = name
				break
			}
		}
	}
	var b bytes.Buffer
	b.WriteString("编号,姓名,选举单位,性别,民族,出生日期,代表类别,学生会骨干,团干部,受表彰\n")
	yn := func(v bool) string {
		if v {
			return "是"
		}
		return "否"
	}
	for i, row := range rows {
		fmt.Fprintf(&b, "D%04d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i+1, row.name, row.unit, row.gender,
			row.eth, row.birth, row.kind, yn(row.union), yn(row.league), yn(row.honoured))
	}
	return b.Bytes()
}

// demoBirth returns a birth date between 2000-01-01 and 2006-12-28.
func demoBirth(r *demoRand) string {
	return fmt.Sprintf("%d-%02d-%02d", 2000+r.intn(7), 1+r.intn(12), 1+r.intn(28))
}

func TestDemoRosterGenerated(t *testing.T) {
	want := generateDemoRoster()
	if *updateDemo {
		if err := os.WriteFile("demo/roster.csv", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(demoRosterCSV, want) && !*updateDemo {
		t.Fatal("demo/roster.csv differs from the generator; run go test ./agenda -run TestDemoRosterGenerated -update-demo")
	}
}
