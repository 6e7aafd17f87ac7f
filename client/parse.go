package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// ParseRequest decodes a JSON request body into req (a pointer to a
// request type), listing every problem of shape at once, each with its
// field path: not JSON, unknown fields, required fields missing, values of
// the wrong type. Unless the JSON is broken or a value has the wrong type,
// req is filled in (decoded) even when there are problems, so that its
// field rules (req's Check) can report theirs too.
func ParseRequest(raw []byte, req any) (ps validate.Problems, decoded bool) {
	if err := BOMError(raw); err != nil {
		ps.Addf("(body)", "%v", err)
		return ps, false
	}
	if !utf8.Valid(raw) {
		ps.Addf("(body)", "is not valid UTF-8")
		return ps, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var body any
	if err := dec.Decode(&body); err != nil {
		ps.Addf("(body)", "is not valid JSON: %v", err)
		return ps, false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		ps.Addf("(body)", "has data after the JSON object")
		return ps, false
	}
	f := CheckBody(body, req)
	for _, p := range f.Unknown {
		if p == "" {
			p = `""` // a key with no name
		}
		ps.Addf(p, "is not a field of this request")
	}
	for _, p := range f.Missing {
		ps.Required(p)
	}
	for _, m := range f.WrongType {
		ps.Addf(m.Path, "must be %s", m.Want)
	}
	if len(f.WrongType) > 0 {
		return ps, false
	}
	// Unknown fields are skipped and missing ones left empty, so the
	// field rules can still run on the rest.
	if err := json.Unmarshal(raw, req); err != nil {
		ps.Addf("(body)", "does not fit the request: %v", err)
		return ps, false
	}
	return ps, true
}

// bom is the UTF-8 byte-order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// BOMError says, when JSON starts with a byte-order mark, what it is and
// how to fix it: the JSON decoder would only say "invalid character 'ï'".
func BOMError(raw []byte) error {
	if bytes.HasPrefix(raw, bom) {
		return errors.New("starts with a byte-order mark (BOM, the bytes EF BB BF): save it as UTF-8 without a BOM")
	}
	return nil
}
