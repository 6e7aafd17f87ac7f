package uikit

// Created is what a draft of this machine created: a Beacon user or an
// end customer, the id an agent picks instead of pasting one.
type Created struct {
	ID, Title, Status, DraftID string
}

// CreatedIDs lists the ids the drafts created where deps' requests go
// (the environment, and a served emulator's address), newest first:
// Beacon users (beacon) or end customers. What was made elsewhere — in
// sandbox, in an emulator served apart — cannot be opened from here.
func CreatedIDs(deps Deps, beacon bool) []Created {
	s := deps.Store
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
		if sub == nil || !sub.Succeeded() || sub.Env != deps.Env || sub.Emulator != deps.Emulator {
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
func TokensOf(deps Deps, id string) []string {
	s := deps.Store
	for _, k := range CreatedIDs(deps, true) {
		if k.ID != id {
			continue
		}
		if d, err := s.Load(k.DraftID); err == nil && d.Beacon != nil {
			return d.Beacon.AccessTokens
		}
	}
	return nil
}
