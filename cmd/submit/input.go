package submit

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// maxBody bounds a body read from a file or stdin: a 4 MB logo is 5.4 MB
// of base64, and Plaid takes no more.
const maxBody = 16 << 20

// readBody reads and decodes a request body into a draft that lives only
// for this command, with the problems of shape found on the way (the
// field rules run later, on the draft). A body that cannot be decoded at
// all is an error.
func readBody(f *app.Factory, path string, kind drafts.Kind, asJSON bool) (*drafts.Draft, validate.Problems, error) {
	var (
		raw []byte
		err error
	)
	if path == "-" {
		raw, err = io.ReadAll(io.LimitReader(f.IO.In, maxBody+1))
	} else {
		var file *os.File
		if file, err = os.Open(path); err == nil {
			raw, err = io.ReadAll(io.LimitReader(file, maxBody+1))
			_ = file.Close() // read only
		}
	}
	if err != nil {
		return nil, nil, exitcode.Invalid(fmt.Errorf("reading the body: %w", err), "")
	}
	if len(raw) > maxBody {
		return nil, nil, exitcode.Invalid(fmt.Errorf("the body is larger than %d MB", maxBody>>20), "")
	}
	d := &drafts.Draft{Kind: kind}
	var req any
	switch kind {
	case drafts.BeaconUser:
		d.Beacon = &client.BeaconUserCreateRequest{}
		req = d.Beacon
	default:
		d.Partner = &client.PartnerCustomerCreateRequest{}
		req = d.Partner
	}
	ps, decoded := client.ParseRequest(raw, req)
	if !decoded {
		return nil, nil, problems(f, asJSON, ps)
	}
	return d, ps, nil
}

// loadDraft opens a saved draft of the kind asked for, locked while the
// command runs.
func loadDraft(f *app.Factory, id string, kind drafts.Kind) (*drafts.Draft, *drafts.Store, func(), error) {
	store, err := f.Drafts(func(msg string) { fmt.Fprintln(f.IO.ErrOut, msg) })
	if err != nil {
		return nil, nil, nil, err
	}
	unlock, lockErr := store.Lock(id)
	if errors.Is(lockErr, drafts.ErrInUse) {
		return nil, nil, nil, exitcode.Invalid(fmt.Errorf("draft %s is open in plaid-onboard: close it there first", id), "")
	}
	if unlock == nil {
		unlock = func() {}
	}
	d, err := store.Load(id)
	if err != nil {
		unlock()
		return nil, nil, nil, app.DraftError(err)
	}
	if d.Kind != kind {
		unlock()
		return nil, nil, nil, exitcode.Invalid(fmt.Errorf("draft %s is a %s draft", id, d.Kind.Label()), "")
	}
	switch {
	case d.PIIOmitted:
		fmt.Fprintf(f.IO.ErrOut, "note: draft %s was saved without personal data (--no-save-pii)\n", id)
	case d.PIIUnreadable:
		fmt.Fprintf(f.IO.ErrOut, "note: the personal data of draft %s cannot be decrypted (its key is missing)\n", id)
	}
	return d, store, unlock, nil
}

// problemJSON is a problem as --json prints it.
type problemJSON struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

// problems reports every problem found (stderr, and stdout with --json)
// and returns the invalid-input error: nothing is sent.
func problems(f *app.Factory, asJSON bool, ps validate.Problems) error {
	if asJSON {
		out := make([]problemJSON, len(ps))
		for i, p := range ps {
			out[i] = problemJSON{p.Path, p.Message, p.Fix}
		}
		_ = cmdutil.WriteJSON(f.IO.Out, map[string]any{"problems": out})
	}
	return cmdutil.ProblemsError(ps)
}
