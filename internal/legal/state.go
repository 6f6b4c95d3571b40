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
