package drafts

import (
	"errors"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Observe records a status seen after the draft was sent (a refresh, a
// review, an enable), on the submission that created id, so lists show
// where things stand rather than what create answered. It reports whether
// anything changed.
func (d *Draft) Observe(env client.Environment, id, status string) bool {
	if id == "" || status == "" {
		return false
	}
	for i := len(d.Submissions) - 1; i >= 0; i-- {
		s := &d.Submissions[i]
		if !s.Succeeded() || s.Env != env || (s.BeaconUserID != id && s.ClientID != id) {
			continue
		}
		if s.Status == status {
			return false
		}
		s.Status = status
		return true
	}
	return false
}

// Observe records a status seen by a command on every draft whose last
// submission created id. A draft open in a window is left to that window
// (writing it here would turn the window's next save into a copy); it
// shows the new status when it next fetches.
func (s *Store) Observe(env client.Environment, id, status string) error {
	if id == "" || status == "" {
		return nil
	}
	list, _, err := s.List()
	if err != nil {
		return err
	}
	var errs []error
	for _, sum := range list {
		last := sum.LastSubmission
		if last == nil || last.Env != env || (last.BeaconUserID != id && last.ClientID != id) || last.Status == status {
			continue
		}
		errs = append(errs, s.observeOne(sum.ID, env, id, status))
	}
	return errors.Join(errs...)
}

func (s *Store) observeOne(draftID string, env client.Environment, id, status string) error {
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
	if d.PIIUnreadable || !d.Observe(env, id, status) {
		return nil
	}
	return s.Save(d, SaveOptions{NoPII: d.PIIOmitted})
}
