package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// menu is the home screen: start a flow, resume a draft, or leave.
func (s *Session) menu() error {
	for {
		list, bad, err := s.deps.Store.List()
		if err != nil {
			s.say("The drafts cannot be listed: %v", err)
		}
		for _, q := range bad {
			s.say("Warning: %s", q.String())
		}
		s.say("")
		s.say("What would you like to do?")
		s.say("  1. New partner customer")
		s.say("  2. Screen a Beacon user")
		if len(list) > 0 {
			s.say("  3. Resume a draft (%d saved)", len(list))
		} else {
			s.say("  3. Resume a draft (none saved)")
		}
		s.say("  4. Look up a person (why a Beacon user has its status; decide)")
		s.say("  5. Look up an end customer (what it needs; OAuth institutions)")
		s.say("  6. Quit")
		a, err := s.ask("Choose 1 to 6: ")
		if err != nil {
			return err
		}
		switch strings.ToLower(a) {
		case "1", "new", "partner", "customer":
			err = s.edit(s.deps.Store.New(drafts.PartnerCustomer), nil)
		case "2", "beacon", "screen":
			err = s.edit(s.deps.Store.New(drafts.BeaconUser), nil)
		case "3", "resume":
			err = s.pickDraft(list)
		case "4", "person":
			err = s.person("")
		case "5", "end customer":
			err = s.customer("")
		case "6", "q", "quit", "exit":
			return nil
		default:
			s.say("Type a number from 1 to 6.")
		}
		if err != nil {
			return err
		}
	}
}

// pickDraft lists the drafts, newest first, and opens the one chosen.
func (s *Session) pickDraft(list []drafts.Summary) error {
	if len(list) == 0 {
		s.say("There are no saved drafts.")
		return nil
	}
	s.say("Saved drafts, newest first:")
	now := s.deps.Now()
	for i, d := range list {
		s.say("  %d. %s · %s · %s · changed %s", i+1, d.ID, d.Kind.Label(), d.Title, words.Ago(now, d.UpdatedAt))
	}
	a, err := s.ask("Number or id of the draft (Enter goes back): ")
	if err != nil || a == "" {
		return err
	}
	if n, convErr := strconv.Atoi(a); convErr == nil && n >= 1 && n <= len(list) {
		a = list[n-1].ID
	}
	if err := s.resume(a); err != nil && !errors.Is(err, errCannotOpen) {
		return err
	}
	return nil // said why; back to the menu
}

// errCannotOpen marks a draft that could not be opened (and was said so).
var errCannotOpen = errors.New("the draft cannot be opened")

// resume opens a saved draft, warning when another window has it open.
func (s *Session) resume(id string) error {
	unlock, lockErr := s.deps.Store.Lock(id)
	d, err := s.deps.Store.Load(id)
	if err != nil {
		if unlock != nil {
			unlock()
		}
		s.say("The draft cannot be opened: %v", err)
		return fmt.Errorf("%w: %w", errCannotOpen, app.DraftError(err))
	}
	if errors.Is(lockErr, drafts.ErrInUse) {
		ok, err := s.confirm("Draft %s is open in another plaid-onboard window. If both change it, this one's changes are saved as a copy. Open it anyway?", id)
		if err != nil || !ok {
			return err
		}
	}
	return s.edit(d, unlock)
}
