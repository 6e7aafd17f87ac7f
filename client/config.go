package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Defaults for a Config.
const (
	DefaultTimeout          = 30 * time.Second
	DefaultMaxResponseBytes = 10 << 20
	// APIVersion is the Plaid-Version this client speaks.
	APIVersion = "2020-09-14"
)

// Config says where and as whom the client talks.
type Config struct {
	Environment Environment
	// BaseURL overrides the environment's server (tests, the emulator).
	BaseURL string
	// Emulator, when BaseURL is an emulator served apart from this
	// process, is its base URL: drafts record where they were sent.
	Emulator string
	ClientID string
	// Secret is sent only in the PLAID-SECRET header; Config.String never
	// shows it.
	Secret string
	// Version is the program's version, for the User-Agent.
	Version string
	// HTTPClient defaults to one with Timeout.
	HTTPClient *http.Client
	// Timeout bounds one attempt; Budget bounds a whole call, retries and
	// the waits between them included (both DefaultTimeout when zero).
	// A server that never answers costs a call Budget, not attempts ×
	// Timeout.
	Timeout          time.Duration
	Budget           time.Duration
	MaxResponseBytes int64
	// RetryWait is the base of the back-off between attempts after a 429;
	// tests shorten it.
	RetryWait time.Duration
	// Trace, when set, hears of every attempt (--debug). It is given the
	// bodies, never the headers: the secret is not in what it sees.
	Trace func(Exchange)
	// Warn, when set, hears of an answer that lacks keys Plaid's schema
	// requires but names the object it is about: the call succeeds with
	// what came, and Warn says what was missing (stderr, --debug, a
	// notice on the screen). Without it the warning is dropped.
	Warn func(Warning)
}

// Warning is an answer kept though it lacks keys its schema requires.
type Warning struct {
	Op     string   // "POST /beacon/user/create"
	Absent []string // the required keys it lacks, by path
}

func (w Warning) String() string {
	return fmt.Sprintf("%s: Plaid's answer lacks keys its schema requires (%s); what came is kept and shown",
		w.Op, strings.Join(w.Absent, ", "))
}

// Exchange is one attempt of a call, as --debug shows it.
type Exchange struct {
	Path    string
	Attempt int
	Start   time.Time
	// Took is how long the attempt took.
	Took time.Duration
	// Status is the HTTP status (0 when no answer came).
	Status int
	// Request and Response are the bodies as sent and received.
	Request, Response []byte
	Err               error
}

// String describes the configuration without the secret.
func (c Config) String() string {
	return fmt.Sprintf("env=%s url=%s client_id=%s secret=%s", c.Environment, c.baseURL(), c.ClientID, redact(c.Secret))
}

func redact(s string) string {
	if s == "" {
		return "(none)"
	}
	return "(set)"
}

func (c Config) baseURL() string {
	if c.BaseURL != "" {
		return c.BaseURL
	}
	return c.Environment.BaseURL()
}

// Environment variable names. No flag ever takes a secret: a secret in a
// flag lands in shell history and in the process list.
const (
	EnvClientID = "PLAID_CLIENT_ID"
	EnvSecret   = "PLAID_SECRET"
	EnvName     = "PLAID_ENV"
)

// DemoClientID and DemoSecret are the credentials an emulator accepts
// unless it was started with a pair of its own
// (PLAID_ONBOARD_EMULATOR_CLIENT_ID / PLAID_ONBOARD_EMULATOR_SECRET). They
// unlock nothing anywhere else; the README lists them.
const (
	DemoClientID = "demo_client_id"
	DemoSecret   = "demo_secret"
)

// The emulator's own credentials, when not the demo pair. Plaid's
// (PLAID_CLIENT_ID / PLAID_SECRET) are never an emulator's: they go over a
// socket only to Plaid, never to whatever answers on a local port.
const (
	EnvEmulatorClientID = "PLAID_ONBOARD_EMULATOR_CLIENT_ID"
	EnvEmulatorSecret   = "PLAID_ONBOARD_EMULATOR_SECRET" //nolint:gosec // the variable's name, not a secret
)

// Credentials returns the pair to use in env. Local (an emulator, built
// in or served) gets the emulator's pair: PLAID_ONBOARD_EMULATOR_CLIENT_ID
// and _SECRET when both are set, else the demo pair — never Plaid's.
// Sandbox and production get PLAID_CLIENT_ID / PLAID_SECRET, or an error
// saying what to set.
func Credentials(env Environment, getenv func(string) string) (clientID, secret string, err error) {
	if env == Local {
		if id, sec := getenv(EnvEmulatorClientID), getenv(EnvEmulatorSecret); id != "" && sec != "" {
			return id, sec, nil
		}
		return DemoClientID, DemoSecret, nil
	}
	id, sec := getenv(EnvClientID), getenv(EnvSecret)
	switch {
	case id != "" && sec != "":
		return id, sec, nil
	case id == "" && sec == "":
		return "", "", fmt.Errorf("%s needs credentials: set %s and %s (from the Plaid Dashboard, Team Settings → Keys)", env, EnvClientID, EnvSecret)
	case id == "":
		return "", "", errors.New(EnvClientID + " is not set (" + EnvSecret + " is)")
	default:
		return "", "", errors.New(EnvSecret + " is not set (" + EnvClientID + " is)")
	}
}
