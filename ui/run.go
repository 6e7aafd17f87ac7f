// Package ui is the full-screen program. Only main imports it.
package ui

import (
	"context"
	"errors"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
)

// Run opens the requested screen and returns when the user leaves.
func Run(ctx context.Context, f *cmdutil.Factory, req cmdutil.TUIRequest) error {
	return errors.New("the interactive screens are not built yet")
}
