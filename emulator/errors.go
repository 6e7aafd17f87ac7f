package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// apiError is an error the emulator answers with, in Plaid's envelope.
type apiError struct {
	status         int
	errorType      string
	code           string
	message        string
	displayMessage string // "" is sent as null: the error is not about a user action
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

// HTTP statuses follow FACTS.md §9.3 (Plaid's error pages).
func invalidBody(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "INVALID_BODY", fmt.Sprintf(format, args...), ""}
}

func invalidHeaders(msg string) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "INVALID_HEADERS", msg, ""}
}

// notFound answers a path nobody serves, or a known path asked with
// another method than POST: each is said as it is.
func notFound(method, path string, known bool) *apiError {
	msg := fmt.Sprintf("no such endpoint: %s", path)
	if known {
		msg = fmt.Sprintf("%s must be called with POST, not %s", path, method)
	}
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "NOT_FOUND", msg, ""}
}

func incompatibleVersion(v string) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "INCOMPATIBLE_API_VERSION",
		fmt.Sprintf("Plaid-Version %q is not supported here: this emulator speaks 2020-09-14", v), ""}
}

func missingFields(paths []string) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "MISSING_FIELDS",
		"the following required fields are missing: " + listed(paths, ", "), ""}
}

func unknownFields(paths []string) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "UNKNOWN_FIELDS",
		"the following fields are not recognized by this endpoint: " + listed(paths, ", "), ""}
}

// maxListed is how many fields or problems an error message names: a
// body of 100,000 bad items gets an answer of a few kilobytes.
const maxListed = 20

// listed joins the first items and says how many more there are.
func listed(items []string, sep string) string {
	if len(items) <= maxListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:maxListed], sep) + fmt.Sprintf("%s… and %d more", sep, len(items)-maxListed)
}

// invalidField names the field first, as the client's FieldIn expects.
func invalidField(path, rule string, more ...string) *apiError {
	msg := fmt.Sprintf("invalid field %s: %s", path, rule)
	if len(more) > 0 {
		msg += fmt.Sprintf(" (and %d more: %s)", len(more), listed(more, "; "))
	}
	return &apiError{http.StatusBadRequest, "INVALID_REQUEST", "INVALID_FIELD", msg, ""}
}

func invalidAPIKeys() *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_INPUT", "INVALID_API_KEYS",
		"invalid client_id or secret provided", ""}
}

func partnerError(status int, code, msg string) *apiError {
	return &apiError{status, "PARTNER_ERROR", code, msg, ""}
}

func internalError(msg string) *apiError {
	return &apiError{http.StatusInternalServerError, "API_ERROR", "INTERNAL_SERVER_ERROR", msg, ""}
}
