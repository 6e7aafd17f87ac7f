package app

import (
	"errors"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// DraftError classifies a failure to open draft id: one that does not
// exist is the user's input (exitcode.Usage), one that cannot be read or is
// damaged a local problem (exitcode.Machine).
func DraftError(err error) error {
	if errors.Is(err, drafts.ErrNotFound) {
		return exitcode.Invalid(err, "`plaid-onboard drafts list` shows the drafts there are")
	}
	return exitcode.Local(err, "")
}
