package ui

import (
	"context"
	"errors"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

func runAccessible(ctx context.Context, f *cmdutil.Factory, deps uikit.Deps, req cmdutil.TUIRequest) error {
	return errors.New("accessible mode is not built yet")
}
