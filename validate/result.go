// Package validate holds every format rule of the Plaid fields this program
// sends, in one place, so the forms (as the user types) and the emulator (on
// the wire) can never disagree.
//
// Each check answers one of three states: the value is valid; it is
// incomplete (a prefix of something valid, so the form shows a hint rather
// than an error); or it is invalid (no amount of further typing can make it
// valid, so the form shows the rule at once). Where the fix is obvious the
// result carries it.
package validate

import "strings"

// State is the verdict of one check.
type State uint8

const (
	// Valid means the value can be sent as it is.
	Valid State = iota
	// Incomplete means the value is a prefix of a valid one: typing more
	// could make it valid. An empty value is incomplete.
	Incomplete
	// Invalid means no continuation of the value can be valid.
	Invalid
)

func (s State) String() string {
	switch s {
	case Valid:
		return "valid"
	case Incomplete:
		return "incomplete"
	default:
		return "invalid"
	}
}

// Result is the outcome of checking one value.
type Result struct {
	State State
	// Message states the rule in plain words (for Invalid) or what is still
	// missing (for Incomplete). For a valid value it is advice, or empty:
	// a rule of ours rather than Plaid's, or a doubt Plaid's rule does not
	// share (a phone number in no range libphonenumber knows), which the
	// user may send past.
	Message string
	// Fix is a suggested replacement for the value, offered only when the
	// correction is obvious ("germany" → "DE"). Empty when there is none.
	Fix string
}

// OK reports whether the value is valid.
func (r Result) OK() bool { return r.State == Valid }

func ok() Result { return Result{State: Valid} }

// advise is a valid value with advice, and the fix it suggests.
func advise(msg string) Result { return Result{State: Valid, Message: msg} }

// Advice is the advice on a valid value, "" when there is none.
func (r Result) Advice() string {
	if r.State != Valid {
		return ""
	}
	return r.Message
}

func incomplete(msg string) Result { return Result{State: Incomplete, Message: msg} }

func invalid(msg string) Result { return Result{State: Invalid, Message: msg} }

// withFix attaches a suggested replacement. The fix is first carried through
// the same check, so fixes chain (" (415) 555-0100" becomes "+14155550100",
// not "(415) 555-0100"); it is dropped when it changes nothing, is blank, or
// the check still calls it invalid: a fix may leave a value incomplete, never
// wrong. The check runs once per link of the chain (a fix it offers was
// itself vetted one level down), so a long chain costs linear time.
func (r Result) withFix(c Check, input, fix string) Result {
	fr := c(fix)
	switch {
	case fr.Fix != "" && fr.State != Valid: // a suggestion on the fix is not part of it
		fix = fr.Fix
	case fr.State == Invalid:
		return r
	}
	if fix == input || strings.TrimSpace(fix) == "" {
		return r
	}
	r.Fix = fix
	return r
}

// Check is the shape every single-value rule has once its context (country,
// environment, today's date) is bound.
type Check func(string) Result

// Normalize applies a check's fix of a problem, if any (not the fix a piece
// of advice suggests: that is the user's to take). Applying it twice gives
// the same value as applying it once; the fuzz tests hold every check to that.
func Normalize(c Check, s string) string {
	if r := c(s); r.Fix != "" && r.State != Valid {
		return r.Fix
	}
	return s
}

// surroundingSpace handles leading or trailing whitespace the same way in
// every code-like field: invalid, with the trimmed (and itself normalised)
// value as the fix. It reports false when s has no surrounding space or is
// nothing but space.
func surroundingSpace(s string, c Check) (Result, bool) {
	t := strings.TrimSpace(s)
	if t == s || t == "" {
		return Result{}, false
	}
	return invalid("must not have spaces around it").withFix(c, s, t), true
}
