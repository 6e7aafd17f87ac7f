package exitcode

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

func TestExitCode(t *testing.T) {
	cases := map[string]struct {
		err  error
		want int
	}{
		"nil":        {nil, 0},
		"invalid":    {Invalid(errors.New("x"), ""), 2},
		"aborted":    {fmt.Errorf("wrapped: %w", ErrAborted), 130},
		"cancelled":  {context.Canceled, 130},
		"plaid 400":  {&client.Error{HTTPStatus: 400, ErrorCode: "INVALID_FIELD"}, 1},
		"plaid 500":  {&client.Error{HTTPStatus: 500, ErrorCode: "INTERNAL_SERVER_ERROR"}, 1},
		"not sent":   {&client.TransportError{Outcome: client.NotSent, Err: errors.New("refused")}, 3},
		"unknown":    {&client.TransportError{Outcome: client.Unknown, Err: errors.New("timeout")}, 3},
		"proxy page": {&client.ResponseError{HTTPStatus: 502}, 3},
		"proxy 403":  {&client.ResponseError{HTTPStatus: 403}, 1},
		"cut short":  {&client.ResponseError{HTTPStatus: 200}, 3},
		"explicit":   {&Error{Code: 3, Err: errors.New("x")}, 3},
		"other":      {errors.New("disk full"), 1},
	}
	for name, c := range cases {
		if got := Of(c.err); got != c.want {
			t.Errorf("%s: Of = %d, want %d", name, got, c.want)
		}
	}
}
