// Package client is the wire: typed requests and responses for the Plaid
// paths this program uses, field for field as in Plaid's OpenAPI spec, and a
// Client with one context-aware method per path.
//
// Shapes follow three rules. What the user left empty is not sent (strings
// are omitempty, nested objects omitzero). A yes/no question that was not
// answered is not sent: booleans are *bool, nil meaning unanswered, never
// collapsed into false. Credentials travel only in headers, so a body can be
// shown or exported as it is; no request type has client_id or secret.
//
// A field the spec marks required carries the tag plaid:"required". The
// schema walker in schema.go reads those tags, so the client's checks and the
// emulator's MISSING_FIELDS answer come from one place; spec_test.go holds
// the tags and fields to the spec.
package client
