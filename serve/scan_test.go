package serve

import (
	"testing"

	"podium/session"
)

// TestScanOverSSH: a desk over SSH with a scanner — the id and Enter
// arrive in one write, as a scanner types them — checks that delegate in,
// and the desk's screen names the delegate and the unit.
func TestScanOverSSH(t *testing.T) {
	desk, deskLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine})
	_, term := f.login(t, desk)
	var name, unit string
	f.sess.Read(func(st *session.State) {
		i, _ := st.Person("D0012")
		name, unit = st.Setup.Roster[i].Name, st.Setup.Roster[i].Unit
	})
	term.send(t, "D0012\r")
	waitUntil(t, "D0012 is present", func() bool {
		present := false
		f.sess.Read(func(st *session.State) {
			i, _ := st.Person("D0012")
			present = st.Attendance[i].Status == session.Present
		})
		return present
	})
	term.waitFor(t, name+"（"+unit+"）")
}
