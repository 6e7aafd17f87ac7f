package cmdutil

import (
	"fmt"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// KindArg reads the customer|beacon argument of submit and drafts import.
func KindArg(arg string) (drafts.Kind, error) {
	switch arg {
	case "customer":
		return drafts.PartnerCustomer, nil
	case "beacon":
		return drafts.BeaconUser, nil
	}
	return "", exitcode.Invalid(fmt.Errorf("%q is neither customer nor beacon", arg), "")
}
