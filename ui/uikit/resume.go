package uikit

import (
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// ResumeCommand is the exact command that opens a draft again. The
// environment is named unless it is the built-in emulator, so the command
// works in a shell without PLAID_ENV.
func ResumeCommand(id string, kind drafts.Kind, env client.Environment, accessible bool) string {
	flow := "customer"
	if kind == drafts.BeaconUser {
		flow = "beacon"
	}
	cmd := "plaid-onboard " + flow + " --draft " + id
	if env != "" && env != client.Local {
		cmd += " --env " + string(env)
	}
	if accessible {
		cmd += " --accessible"
	}
	return cmd
}

// LeavingLine is what is printed when the program ends with a draft open:
// which draft was kept and the command that resumes it, as gh and the
// Stripe CLI do. kept says whether the draft is on disk.
func LeavingLine(id string, kind drafts.Kind, env client.Environment, kept bool) string {
	if !kept {
		return "Nothing was typed, so no draft was kept."
	}
	return "Draft " + id + " (" + kind.Label() + ") is kept: " + ResumeCommand(id, kind, env, false) + " resumes it."
}
