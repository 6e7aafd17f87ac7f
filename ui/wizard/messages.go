package wizard

import (
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// problemsMsg carries the whole-request check of a snapshot of the draft,
// run off the UI goroutine (the logo alone takes milliseconds).
type problemsMsg struct {
	change   uint64
	problems validate.Problems
}

// SaveMsg is an autosave's report, sent from the autosaver's goroutine.
type SaveMsg drafts.SaveStatus

// flushedMsg reports a save made at once (after a submission).
type flushedMsg struct{ err error }
