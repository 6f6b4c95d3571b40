package legal

// State is the status a reader sees for a version, as of a moment.
type State string

// The states a reader sees: Berlaku, Akan berlaku, Tidak berlaku (diganti),
// Dicabut, Rancangan.
const (
	InForce    State = "berlaku"
	Scheduled  State = "akan-berlaku" // published, with a date still to come
	Superseded State = "diganti"
	Revoked    State = "dicabut"
	Draft      State = "rancangan"
)

// States lists every state, in the order readers are offered them.
func States() []State { return []State{InForce, Scheduled, Superseded, Revoked, Draft} }

// ValidState reports whether s names a state.
func ValidState(s string) bool {
	for _, st := range States() {
		if string(st) == s {
			return true
		}
	}
	return false
}

// A Standing is what the content states of a version: draft, published or
// revoked. The state a reader sees is reckoned from it, the version's date and
// the day (see Reckon).
type Standing string

// The standings a version file can state.
const (
	Drafted   Standing = "draft"
	Published Standing = "published"
	Withdrawn Standing = "revoked" // a version that revokes its own policy
)

// An Entry is a version as Reckon needs it.
type Entry struct {
	Date     Date // zero: undated, in force from the start
	Standing Standing
}

// Reckon returns the state of each version of a policy (entries oldest first)
// as of the day now, and the index of its current version. revocations are the
// dates from which other instruments revoke the policy (zero: from the start).
//
// The version in force is the newest published or withdrawn one dated at or
// before now; published versions dated after now are scheduled (Akan
// berlaku); older ones are superseded. When the version in force is a
// withdrawn one, or a revocation has taken effect, the whole policy is
// revoked and every version not scheduled says so. Drafts are drafts. The
// current version is the one in force, else the first scheduled one, else
// (only drafts) the newest.
func Reckon(entries []Entry, revocations []Date, now Date) (states []State, current int) {
	last, next := -1, -1
	for i, e := range entries {
		switch {
		case e.Standing == Drafted:
		case !after(e.Date, now):
			last = i
		case next < 0:
			next = i
		}
	}
	revoked := last >= 0 && entries[last].Standing == Withdrawn
	for _, d := range revocations {
		revoked = revoked || !after(d, now)
	}
	states = make([]State, len(entries))
	for i, e := range entries {
		switch {
		case e.Standing == Drafted:
			states[i] = Draft
		case after(e.Date, now):
			states[i] = Scheduled
		case revoked, e.Standing == Withdrawn:
			states[i] = Revoked
		case i == last:
			states[i] = InForce
		default:
			states[i] = Superseded
		}
	}
	switch {
	case last >= 0:
		return states, last
	case next >= 0:
		return states, next
	}
	return states, len(entries) - 1
}

// InEffect reports whether a change dated d (a version, a revocation) has
// taken effect by the day on, as Reckon counts: an undated one always has.
func InEffect(d, on Date) bool { return !after(d, on) }

// after reports whether the dated day d comes after now; an undated d never
// does.
func after(d, now Date) bool { return !d.IsZero() && d.Compare(now) > 0 }

// InForceOn returns the index of the version of a policy in force on the day
// on, or -1 when none was (or the policy was revoked by then).
func InForceOn(entries []Entry, revocations []Date, on Date) int {
	states, cur := Reckon(entries, revocations, on)
	if cur < 0 || states[cur] != InForce {
		return -1
	}
	return cur
}
