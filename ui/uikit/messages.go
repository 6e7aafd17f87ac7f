package uikit

import (
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// GoHomeMsg closes the current screen and shows the home screen.
type GoHomeMsg struct {
	// Notice is a line to show on the home screen.
	Notice string
}

// OpenDraftMsg opens a wizard on a draft (new or resumed).
type OpenDraftMsg struct {
	Draft *drafts.Draft
	// Unlock releases the draft's lock when the wizard closes (nil when
	// opened without one).
	Unlock func()
	// Focus, when set, is a field path to open the wizard at (a draft's
	// first problem).
	Focus string
	// Return goes back to the screen that opened it (a batch's list), not
	// home, when the wizard closes.
	Return bool
}

// QuitMsg ends the program; Aborted means Ctrl-C (exit code 130).
type QuitMsg struct{ Aborted bool }

// NoticeMsg shows a one-line message in the footer.
type NoticeMsg struct{ Text string }

// OpenLookupMsg opens a lookup screen: a Beacon user (Person) or an end
// customer, on ID or asking for one.
type OpenLookupMsg struct {
	Person bool
	ID     string
	// Return goes back to the screen that opened it, not home.
	Return bool
	// Client, when set, is where to look (a served emulator a webhook
	// came from) rather than the session's; Where names it.
	Client *client.Client
	Where  string
}
