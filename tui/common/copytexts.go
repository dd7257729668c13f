package common

import (
	"fmt"
	"strings"
)

// CopyTexts are the words of the log's copies: the mirror file, the
// standby following a primary, the takeover and the fence.
type CopyTexts struct {
	// MirrorOK and MirrorBad are the header's badge of the mirror file.
	MirrorOK, MirrorBad string
	// MirrorFailed is the banner of a mirror that cannot be written.
	MirrorFailed func(path, err string) string
	// Standby is the header's badge of a standby in step or behind (by
	// events, for so many seconds); StandbyLost of one whose primary has
	// said nothing for so many seconds.
	Standby     func(behind uint64, secs string) string
	StandbyLost func(secs string) string
	// Following is the banner of a standby: whom it follows, read-only,
	// and the takeover key; Skew warns of a clock off the primary's.
	Following func(from, key string) string
	Skew      func(secs string) string
	// Stopped is the banner of a standby that stopped following.
	Stopped func(err string) string
	// Fenced is the refusal, and the banner, of a podium taken over: who,
	// when, from which event, in which epoch.
	Fenced func(by, at string, seq uint64, epoch int) string
	// TakeOverHelp is the takeover key's help; ConfirmTakeOver and
	// ConfirmAgain its two confirmations; TookOver what it did;
	// TakeOverFailed why it did not.
	TakeOverHelp    string
	ConfirmTakeOver func(key, from string, seq uint64) string
	ConfirmAgain    func(key string) string
	TookOver        func(seq uint64, epoch int) string
	TakeOverFailed  func(err string) string
}

func zhCopyTexts() *CopyTexts {
	return &CopyTexts{
		MirrorOK:  "镜像 ✓",
		MirrorBad: "镜像 ✗",
		MirrorFailed: func(path, err string) string {
			return "镜像文件 " + path + " 无法写入：" + err + "。会议照常进行，记录已保存在本机；插回U盘或排除故障后会自动补齐。"
		},
		Standby: func(behind uint64, secs string) string {
			if behind == 0 {
				return "备机 同步"
			}
			return fmt.Sprintf("备机 落后 %d 条 %s 秒", behind, secs)
		},
		StandbyLost: func(secs string) string { return "备机 ✗ 主机 " + secs + " 秒无响应" },
		Following: func(from, key string) string {
			return "备机：跟随 " + from + "，只读。主机失效时按 " + key + " 接替（确认两次）"
		},
		Skew: func(secs string) string {
			return "本机时钟与主机相差 " + secs + " 秒，接替前请校正时钟。"
		},
		Stopped: func(err string) string { return "备机已停止跟随：" + err },
		Fenced: func(by, at string, seq uint64, epoch int) string {
			return fmt.Sprintf("本机已被接替：%s 于 %s 接替（第 %d 号事件起，第 %d 纪元）。本机不再记录任何操作，请各终端连接接替的主机。", by, at, seq, epoch)
		},
		TakeOverHelp: "接替主机",
		ConfirmTakeOver: func(key, from string, seq uint64) string {
			return fmt.Sprintf("接替主机 %s？本机已收到第 %d 号事件为止的记录。确认主机已失效后再按 %s", from, seq, key)
		},
		ConfirmAgain: func(key string) string {
			return "最后确认：接替后原主机不能再记录任何操作。再按 " + key + " 接替"
		},
		TookOver: func(seq uint64, epoch int) string {
			return fmt.Sprintf("已接替：第 %d 号事件记录接替，第 %d 纪元开始", seq, epoch)
		},
		TakeOverFailed: func(err string) string { return "未能接替：" + err },
	}
}

func enCopyTexts() *CopyTexts {
	return &CopyTexts{
		MirrorOK:  "mirror ✓",
		MirrorBad: "mirror ✗",
		MirrorFailed: func(path, err string) string {
			return "The mirror file " + path + " cannot be written: " + err + ". The congress goes on and its record is safe on this machine; put the stick back or fix it and the mirror catches up by itself."
		},
		Standby: func(behind uint64, secs string) string {
			if behind == 0 {
				return "standby in step"
			}
			return fmt.Sprintf("standby %d behind, %s s", behind, secs)
		},
		StandbyLost: func(secs string) string { return "standby ✗ primary silent " + secs + " s" },
		Following: func(from, key string) string {
			return "Standby of " + from + ", read-only. If that podium is gone, " + key + " takes over (asked twice)."
		},
		Skew: func(secs string) string {
			return "This machine's clock is " + secs + " s off the primary's: set it before taking over."
		},
		Stopped: func(err string) string { return "The standby stopped following: " + err },
		Fenced: func(by, at string, seq uint64, epoch int) string {
			return fmt.Sprintf("Taken over: %s took this congress over at %s (from event %d, epoch %d). This podium records nothing more; terminals connect to the one that took over.", by, at, seq, epoch)
		},
		TakeOverHelp: "take over",
		ConfirmTakeOver: func(key, from string, seq uint64) string {
			return fmt.Sprintf("Take over from %s? This standby holds the record up to event %d. Once sure the primary is gone, press %s", from, seq, key)
		},
		ConfirmAgain: func(key string) string {
			return "Last check: after the takeover the old primary records nothing more. Press " + key + " again to take over"
		},
		TookOver: func(seq uint64, epoch int) string {
			return fmt.Sprintf("Taken over: event %d records it, epoch %d begins", seq, epoch)
		},
		TakeOverFailed: func(err string) string { return "Not taken over: " + strings.TrimPrefix(err, "session: ") },
	}
}
