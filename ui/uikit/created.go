package uikit

import "github.com/plaid-onboard/plaid-onboard/drafts"

// Created is what a draft of this machine created: a Beacon user or an
// end customer, the id an agent picks instead of pasting one.
type Created struct {
	ID, Title, Status, DraftID string
}

// CreatedIDs lists the ids the drafts created, newest first: Beacon users
// (beacon) or end customers.
func CreatedIDs(s *drafts.Store, beacon bool) []Created {
	if s == nil {
		return nil
	}
	list, _, err := s.List()
	if err != nil {
		return nil
	}
	var out []Created
	seen := map[string]bool{}
	for _, d := range list {
		sub := d.LastSubmission
		if sub == nil || !sub.Succeeded() {
			continue
		}
		id := sub.ClientID
		if beacon {
			id = sub.BeaconUserID
		}
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, Created{ID: id, Title: d.Title, Status: sub.Status, DraftID: d.ID})
	}
	return out
}

// TokensOf finds the access tokens a draft of this machine sent for a
// Beacon user: account insights need them, and Plaid gives them back
// nowhere.
func TokensOf(s *drafts.Store, id string) []string {
	for _, k := range CreatedIDs(s, true) {
		if k.ID != id {
			continue
		}
		if d, err := s.Load(k.DraftID); err == nil && d.Beacon != nil {
			return d.Beacon.AccessTokens
		}
	}
	return nil
}
