package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// stateVersion is the layout of the state file.
const stateVersion = 1

// state is everything the emulator remembers. Only the exported fields are
// saved; the indexes are rebuilt on load.
type state struct {
	Version   int                    `json:"version"`
	Salt      string                 `json:"salt"` // keys the account-number hashes
	Customers map[string]*customer   `json:"customers"`
	Users     map[string]*beaconUser `json:"beacon_users"`
	Reports   map[string]*report     `json:"reports"`

	changes  int                  // bumped by every mutation, to know when to save
	appNames map[string]string    // folded application name → client_id
	hasher   keyHasher            // hashes match keys for the indexes
	users    []*beaconUser        // handle → user
	reports  []*report            // handle → report
	programs map[string]*keyIndex // program → key → user handles
	fraud    *keyIndex            // key → report handles
	network  map[uint64]uint32    // key → index in NetworkReports
}

// customer is a partner end customer. The request is kept as sent (without
// the logo), and updated in place.
type customer struct {
	ClientID  string                              `json:"client_id"`
	Request   client.PartnerCustomerCreateRequest `json:"request"`
	HasLogo   bool                                `json:"has_logo"`
	Enabled   []client.Product                    `json:"enabled"`
	Secrets   client.PartnerSecrets               `json:"secrets"`
	CreatedAt time.Time                           `json:"created_at"`
}

// beaconUser is a screened person. Account numbers are not kept: only the
// mask, the routing number and a keyed hash for matching.
type beaconUser struct {
	ID           string                       `json:"id"`
	ProgramID    string                       `json:"program_id"`
	ClientUserID string                       `json:"client_user_id"`
	Version      int                          `json:"version"`
	CreatedAt    time.Time                    `json:"created_at"`
	UpdatedAt    time.Time                    `json:"updated_at"`
	Status       client.BeaconUserStatus      `json:"status"`
	Audit        client.BeaconAuditTrail      `json:"audit_trail"`
	Person       client.BeaconUserRequestData `json:"person"` // depository_accounts always empty
	Accounts     []storedAccount              `json:"accounts"`
	ItemIDs      []string                     `json:"item_ids"`
	Reports      []string                     `json:"reports"`

	handle uint32   // position in state.users
	hashes []uint64 // its keys, hashed, as indexed
}

type storedAccount struct {
	Mask    string    `json:"mask"`
	Routing string    `json:"routing_number"`
	Key     string    `json:"key"`
	AddedAt time.Time `json:"added_at"`
}

// report is a fraud report of this organisation. Keys is the reported
// user's data as it was when reported.
type report struct {
	ID           string                  `json:"id"`
	BeaconUserID string                  `json:"beacon_user_id"`
	Type         client.BeaconReportType `json:"type"`
	FraudDate    string                  `json:"fraud_date"`
	FraudAmount  *client.FraudAmount     `json:"fraud_amount"`
	CreatedAt    time.Time               `json:"created_at"`
	Keys         []matchKey              `json:"keys"`

	handle uint32
}

func newState(salt string) *state {
	s := &state{
		Version:   stateVersion,
		Salt:      salt,
		Customers: map[string]*customer{},
		Users:     map[string]*beaconUser{},
		Reports:   map[string]*report{},
	}
	s.reindex()
	return s
}

// reindex rebuilds every index from the records, in id order so handles
// are stable for a given state.
func (s *state) reindex() {
	s.appNames = make(map[string]string, len(s.Customers))
	for id, c := range s.Customers {
		s.appNames[fold(c.Request.ApplicationName)] = id
	}
	s.hasher = newKeyHasher()
	s.users, s.reports = nil, nil
	s.programs = map[string]*keyIndex{}
	for _, id := range sortedKeys(s.Users) {
		s.addUser(s.Users[id])
	}
	s.fraud = newKeyIndex()
	for _, id := range sortedKeys(s.Reports) {
		s.addReport(s.Reports[id])
	}
	s.network = map[uint64]uint32{}
	for i, n := range NetworkReports {
		for _, k := range personKeys(n.Person) {
			s.network[s.hasher.hash(k)] = uint32(i)
		}
		for _, a := range n.Accounts {
			s.network[s.hasher.hash(matchKey{MatchAccount, accountKey(s.Salt, a[0], a[1])})] = uint32(i)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// keys lists a stored user's match keys.
func (u *beaconUser) keys() []matchKey {
	keys := personKeys(u.Person)
	for _, a := range u.Accounts {
		keys = append(keys, matchKey{MatchAccount, a.Key})
	}
	return keys
}

// addUser records a new user and indexes it.
func (s *state) addUser(u *beaconUser) {
	u.handle = uint32(len(s.users))
	s.users = append(s.users, u)
	s.Users[u.ID] = u
	s.indexUser(u)
}

func (s *state) addReport(r *report) {
	r.handle = uint32(len(s.reports))
	s.reports = append(s.reports, r)
	s.Reports[r.ID] = r
	for _, k := range r.Keys {
		s.fraud.add(s.hasher.hash(k), r.handle)
	}
}

func (s *state) program(id string) *keyIndex {
	idx := s.programs[id]
	if idx == nil {
		idx = newKeyIndex()
		s.programs[id] = idx
	}
	return idx
}

// hashKeys hashes a user's current keys.
func (s *state) hashKeys(u *beaconUser) []uint64 {
	keys := u.keys()
	out := make([]uint64, len(keys))
	for i, k := range keys {
		out[i] = s.hasher.hash(k)
	}
	return out
}

func (s *state) indexUser(u *beaconUser) {
	u.hashes = s.hashKeys(u)
	idx := s.program(u.ProgramID)
	for _, h := range u.hashes {
		idx.add(h, u.handle)
	}
}

func (s *state) unindexUser(u *beaconUser) {
	idx := s.program(u.ProgramID)
	for _, h := range u.hashes {
		idx.remove(h, u.handle)
	}
	u.hashes = nil
}

// decodeState reads a saved state, refusing layouts it does not know.
func decodeState(b []byte) (*state, error) {
	var s state
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("emulator state is not valid JSON: %w", err)
	}
	if s.Version != stateVersion {
		return nil, fmt.Errorf("emulator state has layout %d; this program reads %d", s.Version, stateVersion)
	}
	if s.Salt == "" {
		return nil, fmt.Errorf("emulator state has no salt")
	}
	if s.Customers == nil {
		s.Customers = map[string]*customer{}
	}
	if s.Users == nil {
		s.Users = map[string]*beaconUser{}
	}
	if s.Reports == nil {
		s.Reports = map[string]*report{}
	}
	s.reindex()
	return &s, nil
}

func (s *state) encode() ([]byte, error) {
	return json.MarshalIndent(s, "", " ")
}

func joinWords(words []string) string { return strings.Join(words, ", ") }
