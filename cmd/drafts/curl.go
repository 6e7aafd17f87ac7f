package drafts

import (
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// emulatorURL is where `plaid-onboard emulator` listens by default.
const emulatorURL = "http://127.0.0.1:8686"

// curlDelimiter ends the here-document holding the body; JSON cannot
// contain it on a line of its own (a newline inside a JSON string is
// always escaped).
const curlDelimiter = "PLAID_ONBOARD_BODY"

// CurlCommand writes a shell command that sends body to path in env. The
// credentials appear only as $PLAID_CLIENT_ID and $PLAID_SECRET, expanded
// by the shell that runs it; the body goes in a quoted here-document, so
// nothing in it is expanded or needs escaping.
func CurlCommand(env client.Environment, path string, body []byte) string {
	var b strings.Builder
	base := env.BaseURL()
	if env == client.Local {
		base = emulatorURL
		b.WriteString("# local: start the emulator first with `plaid-onboard emulator`; it accepts\n")
		b.WriteString("# PLAID_CLIENT_ID=demo_client_id PLAID_SECRET=demo_secret unless you set your own pair\n")
	}
	fmt.Fprintf(&b, "curl -sS -X POST '%s%s' \\\n", base, path)
	b.WriteString("  -H 'Content-Type: application/json' \\\n")
	fmt.Fprintf(&b, "  -H 'Plaid-Version: %s' \\\n", client.APIVersion)
	b.WriteString("  -H \"PLAID-CLIENT-ID: $PLAID_CLIENT_ID\" \\\n")
	b.WriteString("  -H \"PLAID-SECRET: $PLAID_SECRET\" \\\n")
	fmt.Fprintf(&b, "  --data-binary @- <<'%s'\n", curlDelimiter)
	b.Write(body)
	fmt.Fprintf(&b, "\n%s\n", curlDelimiter)
	return b.String()
}
