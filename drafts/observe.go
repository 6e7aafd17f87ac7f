package drafts

import (
	"errors"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Seen is what a read or a follow-up found of an object a draft may have
// created: its id and status, and for a Beacon user whose it is and when
// it was made and last changed.
type Seen struct {
	ID, Status              string
	ClientUserID, ProgramID string
	CreatedAt, UpdatedAt    time.Time
}

// SeenBeaconUser is what a Beacon user object says.
func SeenBeaconUser(u *client.BeaconUser) Seen {
	return Seen{ID: u.ID, Status: string(u.Status), ClientUserID: u.ClientUserID, ProgramID: u.ProgramID,
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

// settleSkew is how far this machine's clock and Plaid's may disagree
// when a read is compared with the time of an attempt.
const settleSkew = 10 * time.Minute

// Observe records what was seen after the draft was sent (a refresh, a
// review, an enable, a get), so lists show where things stand rather than
// what create answered: the status goes on the submission that created
// the object, and a last attempt whose outcome was unknown is settled when
// the read shows what became of it (settle). It reports whether anything
// changed.
func (d *Draft) Observe(env client.Environment, seen Seen) bool {
	if seen.ID == "" {
		return false
	}
	if d.settle(env, seen) {
		return true
	}
	if seen.Status == "" {
		return false
	}
	for i := len(d.Submissions) - 1; i >= 0; i-- {
		s := &d.Submissions[i]
		if !s.Succeeded() || s.Env != env || (s.BeaconUserID != seen.ID && s.ClientID != seen.ID) {
			continue
		}
		if s.Status == seen.Status {
			return false
		}
		s.Status = seen.Status
		return true
	}
	return false
}

// settle resolves a last Beacon attempt whose outcome was unknown with a
// read of a user: a create made this user when the user is this draft's
// person (its client_user_id in its program) and was made since shortly
// before the attempt; an update of this user took effect when the user
// changed since shortly before it, and else changed nothing.
func (d *Draft) settle(env client.Environment, seen Seen) bool {
	if d.Beacon == nil || len(d.Submissions) == 0 || seen.CreatedAt.IsZero() {
		return false
	}
	last := &d.Submissions[len(d.Submissions)-1]
	if !last.Unknown() || last.Env != env {
		return false
	}
	since := last.At.Add(-settleSkew)
	switch last.Endpoint {
	case client.PathBeaconUserCreate:
		if seen.ClientUserID != d.Beacon.ClientUserID || seen.ProgramID != d.Beacon.ProgramID || seen.CreatedAt.Before(since) {
			return false
		}
	case client.PathBeaconUserUpdate:
		if !d.screened(seen.ID) {
			return false
		}
		if seen.UpdatedAt.Before(since) {
			last.Outcome = client.NotSent.String()
			return true
		}
	default:
		return false
	}
	last.Outcome, last.BeaconUserID, last.Status = client.OutcomeNone.String(), seen.ID, seen.Status
	return true
}

// screened reports whether an earlier submission of the draft created id.
func (d *Draft) screened(id string) bool {
	for _, s := range d.Submissions {
		if s.Succeeded() && s.BeaconUserID == id {
			return true
		}
	}
	return false
}

// Observe records what a command saw on every draft it concerns: those
// whose last submission created seen.ID, and those whose last attempt's
// outcome is unknown (settled when the read shows what became of it). A
// draft open in a window is left to that window (writing it here would
// turn the window's next save into a copy); it shows the new status when
// it next fetches.
func (s *Store) Observe(env client.Environment, seen Seen) error {
	if seen.ID == "" {
		return nil
	}
	list, _, err := s.List()
	if err != nil {
		return err
	}
	var errs []error
	for _, sum := range list {
		last := sum.LastSubmission
		if last == nil || last.Env != env {
			continue
		}
		unsettled := last.Unknown() && sum.Kind == BeaconUser && !seen.CreatedAt.IsZero()
		created := last.BeaconUserID == seen.ID || last.ClientID == seen.ID
		if !unsettled && (!created || seen.Status == "" || last.Status == seen.Status) {
			continue
		}
		errs = append(errs, s.observeOne(sum.ID, env, seen))
	}
	return errors.Join(errs...)
}

func (s *Store) observeOne(draftID string, env client.Environment, seen Seen) error {
	unlock, err := s.Lock(draftID)
	if errors.Is(err, ErrInUse) {
		return nil
	}
	if err != nil {
		return err
	}
	defer unlock()
	d, err := s.Load(draftID)
	if err != nil {
		return err
	}
	// Saving a draft whose personal data cannot be read would drop it.
	if d.PIIUnreadable || !d.Observe(env, seen) {
		return nil
	}
	return s.Save(d, SaveOptions{NoPII: d.PIIOmitted})
}
