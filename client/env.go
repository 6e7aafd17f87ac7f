package client

import (
	"fmt"
	"strings"
)

// Environment is where requests go.
type Environment string

// The environments. Local is the built-in emulator; it has no fixed URL
// (the emulator listens on a loopback port chosen at start).
const (
	Local      Environment = "local"
	Sandbox    Environment = "sandbox"
	Production Environment = "production"
)

// Environments lists them in the order the help text gives.
var Environments = []Environment{Local, Sandbox, Production}

// ParseEnvironment reads an environment name, case-insensitively.
func ParseEnvironment(s string) (Environment, error) {
	switch e := Environment(strings.ToLower(strings.TrimSpace(s))); e {
	case Local, Sandbox, Production:
		return e, nil
	case "development":
		return "", fmt.Errorf("environment %q no longer exists at Plaid: use sandbox or production", s)
	}
	return "", fmt.Errorf("unknown environment %q: use local, sandbox or production", s)
}

// BaseURL is Plaid's server for the environment ("" for Local).
func (e Environment) BaseURL() string {
	switch e {
	case Sandbox:
		return "https://sandbox.plaid.com"
	case Production:
		return "https://production.plaid.com"
	}
	return ""
}

// Label is the environment's name as badges show it.
func (e Environment) Label() string { return strings.ToUpper(string(e)) }
