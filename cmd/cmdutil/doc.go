// Package cmdutil is what every command shares: the global flags, the
// TUI launch, running a follow-up and printing its answer, failures and
// their exit codes, draft completion and loading, and signal handling.
package cmdutil
