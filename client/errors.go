package client

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Error is Plaid's error envelope (PlaidError) with the HTTP status it came
// with. Branch on ErrorType and ErrorCode, not on the message.
type Error struct {
	Open
	HTTPStatus       int     `json:"-"`
	ErrorType        string  `json:"error_type"`
	ErrorCode        string  `json:"error_code"`
	ErrorCodeReason  *string `json:"error_code_reason,omitempty"`
	ErrorMessage     string  `json:"error_message"`
	DisplayMessage   *string `json:"display_message"`
	RequestID        string  `json:"request_id,omitempty"`
	DocumentationURL string  `json:"documentation_url,omitempty"`
	SuggestedAction  *string `json:"suggested_action,omitempty"`
	Causes           []any   `json:"causes,omitempty"`

	retryAfter time.Duration // a 429's Retry-After
}

func (e *Error) Error() string {
	msg := e.ErrorMessage
	if e.DisplayMessage != nil && *e.DisplayMessage != "" {
		msg = *e.DisplayMessage
	}
	s := fmt.Sprintf("%s (%s/%s, HTTP %d", msg, e.ErrorType, e.ErrorCode, e.HTTPStatus)
	if e.RequestID != "" {
		s += ", request " + e.RequestID
	}
	return s + ")"
}

// Message is the text to show a person: display_message when Plaid gives
// one, else error_message.
func (e *Error) Message() string {
	if e.DisplayMessage != nil && *e.DisplayMessage != "" {
		return *e.DisplayMessage
	}
	return e.ErrorMessage
}

// Retryable reports whether Plaid refused the request for a reason that a
// later identical request may not meet: rate limits and planned maintenance.
func (e *Error) Retryable() bool {
	return e.HTTPStatus == 429 || e.ErrorType == "RATE_LIMIT_EXCEEDED" || e.ErrorCode == "PLANNED_MAINTENANCE"
}

// FieldIn returns the request field this error names, chosen from paths
// (a request type's FieldPaths), or "" when it names none. Plaid's messages
// are free text ("the following required fields are missing: address.city",
// "invalid field: user.date_of_birth"), so the first word of the message
// that is a path, or the tail of one, decides; among paths it could be, the
// most specific wins. Array indices are ignored:
// "depository_accounts[0].routing_number" names
// "user.depository_accounts.routing_number".
func (e *Error) FieldIn(paths []string) string {
	for _, word := range strings.FieldsFunc(e.ErrorMessage, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' && r != '.' && r != '[' && r != ']'
	}) {
		word = strings.Trim(stripIndices(word), ".")
		if word == "" {
			continue
		}
		best := ""
		for _, p := range paths {
			if (p == word || strings.HasSuffix(p, "."+word)) && len(p) > len(best) {
				best = p
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// stripIndices drops the list indices of a path: "a[0].b" → "a.b".
func stripIndices(s string) string { return strings.ReplaceAll(Pattern(s), "[]", "") }

// Outcome says what is known about a request that did not succeed, which
// decides whether retrying it could create a duplicate.
type Outcome uint8

const (
	// OutcomeNone: the call succeeded.
	OutcomeNone Outcome = iota
	// NotSent: the request never reached the server (DNS or connection
	// failure, cancelled before sending). Retrying is safe.
	NotSent
	// Rejected: the server answered with an error; nothing was done.
	Rejected
	// Unknown: the request went out and no usable answer came back (timeout,
	// reset, a 5xx, a proxy's page, a truncated body). It may have taken
	// effect: look before retrying a create.
	Unknown
)

func (o Outcome) String() string {
	return [...]string{"succeeded", "not sent", "rejected", "outcome unknown"}[o]
}

// TransportError is a failure below HTTP: the request could not be sent, or
// no response arrived.
type TransportError struct {
	Op      string // "POST /beacon/user/create"
	Outcome Outcome
	Err     error
}

func (e *TransportError) Error() string {
	if e.Outcome == NotSent {
		return fmt.Sprintf("%s: not sent: %v", e.Op, e.Err)
	}
	return fmt.Sprintf("%s: no answer (the request may have taken effect): %v", e.Op, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// ResponseError is an answer that is not Plaid's: a proxy's HTML page, a
// body cut short, a body too large, JSON of the wrong shape.
type ResponseError struct {
	Op          string
	HTTPStatus  int
	ContentType string
	// Snippet is a short, printable excerpt of the body (an HTML page's
	// title), for the message.
	Snippet string
	Err     error
}

func (e *ResponseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: unreadable answer (HTTP %d", e.Op, e.HTTPStatus)
	if e.ContentType != "" {
		fmt.Fprintf(&b, ", %s", e.ContentType)
	}
	b.WriteString(")")
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	if e.Snippet != "" {
		fmt.Fprintf(&b, ": %q", e.Snippet)
	}
	return b.String()
}

func (e *ResponseError) Unwrap() error { return e.Err }

// OutcomeOf classifies any error a Client method returns.
func OutcomeOf(err error) Outcome {
	if err == nil {
		return OutcomeNone
	}
	var te *TransportError
	if errors.As(err, &te) {
		return te.Outcome
	}
	var pe *Error
	if errors.As(err, &pe) {
		// Plaid's 5xx (INTERNAL_SERVER_ERROR) may have happened after the
		// work was done; only a 4xx is a clean refusal.
		if pe.HTTPStatus >= 500 && pe.ErrorCode != "PLANNED_MAINTENANCE" {
			return Unknown
		}
		return Rejected
	}
	var re *ResponseError
	if errors.As(err, &re) {
		if re.HTTPStatus >= 400 && re.HTTPStatus < 500 && re.HTTPStatus != 408 {
			return Rejected
		}
		return Unknown
	}
	return Unknown
}
