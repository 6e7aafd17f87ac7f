package emulator

import (
	"slices"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// verdict is the outcome of screening one user, with why.
type verdict struct {
	status client.BeaconUserStatus
	reason string
}

// screen decides a user's status as FACTS.md §6 describes, by index
// lookups only (never a scan of the users): a match with one of this
// organisation's fraud reports (any program) rejects; a duplicate of
// another user in the same program on a filtered field, or a Beacon Network
// match when the program auto-flags, puts the user in review; otherwise the
// user is cleared.
func (e *Emulator) screen(u *beaconUser, prog Program) verdict {
	keys := u.keys()
	hashes := make([]uint64, len(keys))
	for i, k := range keys {
		hashes[i] = e.st.hasher.hash(k)
	}
	for i, k := range keys {
		if slices.Contains(fraudFields, k.Field) && e.st.fraud.has(hashes[i]) {
			return verdict{client.BeaconRejected, "matches a fraud report of your organisation on " + string(k.Field)}
		}
	}
	idx := e.st.program(prog.ID)
	for i, k := range keys {
		if !slices.Contains(prog.DuplicateFields, k.Field) {
			continue
		}
		if other, found := idx.any(hashes[i], u.handle); found {
			return verdict{client.BeaconPendingReview, "duplicates " + e.st.users[other].ID + " on " + string(k.Field)}
		}
	}
	if prog.AutoFlagNetworkFraud {
		for i, k := range keys {
			if !slices.Contains(fraudFields, k.Field) {
				continue
			}
			if n, found := e.st.network[hashes[i]]; found {
				return verdict{client.BeaconPendingReview, "matches a Beacon Network report (" + NetworkReports[n].Who + ") on " + string(k.Field)}
			}
		}
	}
	return verdict{client.BeaconCleared, "no match"}
}
