package actions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// DisplayBody is d's request as JSON, indented, with the logo elided and
// personal data masked unless revealed: what review screens show.
// Credentials are never in a body.
func DisplayBody(d *drafts.Draft, reveal bool) string {
	shown := d
	if !reveal {
		shown = d.Masked()
	}
	var body any = shown.Beacon
	if shown.Partner != nil {
		p := *shown.Partner
		if p.Logo != "" {
			info, _ := validate.LogoBase64(p.Logo)
			p.Logo = fmt.Sprintf("<%d×%d PNG, %s of base64: elided here, sent in full>", info.Width, info.Height, validate.HumanBytes(len(d.Partner.Logo)))
		}
		body = p
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(body)
	return strings.TrimRight(buf.String(), "\n")
}
