package ui

import (
	"context"
	"errors"

	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/ui/plain"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// runAccessible runs the plain prompts on the command's input and output.
func runAccessible(ctx context.Context, f *app.Factory, deps uikit.Deps, req app.TUIRequest) error {
	s := plain.New(deps, f.IO.In, f.IO.Out)
	err := s.Run(ctx, plain.Request{Flow: req.Flow, DraftID: req.DraftID})
	if errors.Is(err, plain.ErrAborted) {
		return exitcode.ErrAborted
	}
	return err
}
