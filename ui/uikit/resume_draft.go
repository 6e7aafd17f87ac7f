package uikit

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// Resume opens a saved draft, locked to this window. When another window
// holds it, warn tells the user and offers to open it anyway (a save then
// goes to a copy if the other window saved first: nothing is overwritten).
func Resume(s *drafts.Store, id string, warn func(msg string, openAnyway func() tea.Cmd)) tea.Cmd {
	return resume(s, id, OpenDraftMsg{}, warn)
}

// ResumeAt is Resume with the wizard opened at a field (focus: a path),
// coming back to the screen that opened it when it closes.
func ResumeAt(s *drafts.Store, id, focus string, warn func(msg string, openAnyway func() tea.Cmd)) tea.Cmd {
	return resume(s, id, OpenDraftMsg{Focus: focus, Return: true}, warn)
}

// resume opens draft id with open's Focus and Return.
func resume(s *drafts.Store, id string, open OpenDraftMsg, warn func(msg string, openAnyway func() tea.Cmd)) tea.Cmd {
	unlock, lockErr := s.Lock(id)
	d, err := s.Load(id)
	if err != nil {
		if unlock != nil {
			unlock()
		}
		warn("the draft cannot be opened: "+err.Error(), nil)
		return nil
	}
	if errors.Is(lockErr, drafts.ErrInUse) {
		warn(fmt.Sprintf("Draft %s is open in another plaid-onboard window. If both change it, this window's changes are saved as a copy.", id),
			func() tea.Cmd {
				return func() tea.Msg { return OpenDraftMsg{Draft: d, Focus: open.Focus, Return: open.Return} }
			})
		return nil
	}
	return func() tea.Msg { return OpenDraftMsg{Draft: d, Unlock: unlock, Focus: open.Focus, Return: open.Return} }
}
