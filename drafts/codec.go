package drafts

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
)

// CurrentSchema is the layout this program writes.
const CurrentSchema = 1

// migration turns a draft of layout n into layout n+1, on the generic
// JSON form so that old field names can still be read.
type migration func(map[string]any) error

// migrations[n-1] upgrades layout n. Layout 1 is the first; when the layout
// changes, append the step from the old one here and bump CurrentSchema.
var migrations []migration

// ErrNewerSchema means the draft was written by a newer plaid-onboard.
var ErrNewerSchema = errors.New("written by a newer plaid-onboard")

// Decode reads a draft file: JSON, migrated to the current layout. The
// encrypted fields are left as they are (see Store.Load).
func Decode(b []byte) (*Draft, error) {
	return decodeWith(b, migrations)
}

func decodeWith(b []byte, steps []migration) (*Draft, error) {
	if err := client.BOMError(b); err != nil {
		return nil, fmt.Errorf("not a draft: it %w", err)
	}
	var generic map[string]any
	if err := json.Unmarshal(b, &generic); err != nil {
		return nil, fmt.Errorf("not a draft (invalid JSON): %w", err)
	}
	if generic == nil {
		return nil, errors.New("not a draft (null)")
	}
	v, ok := generic["schema"].(float64)
	if !ok || v < 1 || v != float64(int(v)) {
		return nil, errors.New("not a draft (no schema version)")
	}
	version := int(v)
	current := len(steps) + 1
	if version > current {
		return nil, fmt.Errorf("layout %d %w (this one reads up to %d)", version, ErrNewerSchema, current)
	}
	if version < current {
		for n := version; n < current; n++ {
			if err := steps[n-1](generic); err != nil {
				return nil, fmt.Errorf("upgrading from layout %d: %w", n, err)
			}
		}
		generic["schema"] = current
		var err error
		if b, err = json.Marshal(generic); err != nil {
			return nil, err
		}
	}
	var d Draft
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("not a draft: %w", err)
	}
	if err := d.valid(); err != nil {
		return nil, err
	}
	return &d, nil
}

func (d *Draft) valid() error {
	switch {
	case !validID(d.ID):
		return fmt.Errorf("not a draft (bad id %q)", d.ID)
	case d.Kind == PartnerCustomer && d.Partner == nil, d.Kind == BeaconUser && d.Beacon == nil:
		return fmt.Errorf("draft %s has no answers", d.ID)
	case d.Kind != PartnerCustomer && d.Kind != BeaconUser:
		return fmt.Errorf("draft %s has an unknown kind %q", d.ID, d.Kind)
	}
	return nil
}

// MaxDraftBytes bounds a draft file (the logo lives beside it, bounded by
// its own rule): a draft holds at most a few kilobytes of answers, so a
// larger file was not written by this program, and reading it whole to
// list or show it would take minutes and hundreds of megabytes.
const MaxDraftBytes = 1 << 20

// encode writes the draft as the file holds it.
func encode(d *Draft) ([]byte, error) {
	d.Schema = CurrentSchema
	d.LastSubmission = nil
	if n := len(d.Submissions); n > 0 {
		last := d.Submissions[n-1]
		d.LastSubmission = &last
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err == nil && len(b) > MaxDraftBytes {
		err = fmt.Errorf("it would be %s, more than the %s a draft may hold (the largest answer is %s)",
			humanBytes(len(b)), humanBytes(MaxDraftBytes), largestAnswer(d))
	}
	return b, err
}

// largestAnswer names the longest answer of a draft and its size.
func largestAnswer(d *Draft) string {
	path, size := "", -1
	if req := d.Request(); req != nil && catalog.For(req) != nil {
		for _, f := range catalog.For(req).Fields() {
			for _, concrete := range client.Expand(req, f.Path) {
				if v, found := client.Resolve(req, concrete); found && v.Kind() == reflect.String && v.Len() > size {
					path, size = concrete, v.Len()
				}
			}
		}
	}
	if size < 0 {
		return "none"
	}
	return fmt.Sprintf("%s, %s", path, humanBytes(size))
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// decodeHead reads what the list shows — id, kind, title, step, times and
// the last submission — from the head of a draft file, stopping where the
// answers begin. A file written before the head carried the last
// submission is read on to its submissions.
func decodeHead(r io.Reader) (*Draft, error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(3); client.BOMError(head) != nil {
		return nil, fmt.Errorf("not a draft: it %w", client.BOMError(head))
	}
	dec := json.NewDecoder(br)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("not a draft (not a JSON object)")
	}
	var d Draft
	schema, sawLast := 0, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("not a draft (invalid JSON): %w", err)
		}
		key, _ := tok.(string)
		var target any
		switch key {
		case "schema":
			target = &schema
		case "id":
			target = &d.ID
		case "kind":
			target = &d.Kind
		case "title":
			target = &d.Title
		case "created_at":
			target = &d.CreatedAt
		case "updated_at":
			target = &d.UpdatedAt
		case "step":
			target = &d.Step
		case "revision":
			target = &d.Revision
		case "batch":
			target = &d.Batch
		case "batch_index":
			target = &d.BatchIndex
		case "last_submission":
			target, sawLast = &d.LastSubmission, true
		case "submissions":
			target = &d.Submissions
		case "partner", "beacon", "ui":
			if sawLast {
				return headDone(&d, schema)
			}
		}
		if target == nil {
			target = new(json.RawMessage)
		}
		if err := dec.Decode(target); err != nil {
			return nil, fmt.Errorf("not a draft (field %q): %w", key, err)
		}
		if key == "schema" && schema > len(migrations)+1 {
			return nil, fmt.Errorf("layout %d %w (this one reads up to %d)", schema, ErrNewerSchema, len(migrations)+1)
		}
	}
	if n := len(d.Submissions); n > 0 && !sawLast {
		d.LastSubmission = &d.Submissions[n-1]
	}
	return headDone(&d, schema)
}

func headDone(d *Draft, schema int) (*Draft, error) {
	switch {
	case schema < 1:
		return nil, errors.New("not a draft (no schema version)")
	case !validID(d.ID):
		return nil, fmt.Errorf("not a draft (bad id %q)", d.ID)
	case d.Kind != PartnerCustomer && d.Kind != BeaconUser:
		return nil, fmt.Errorf("draft %s has an unknown kind %q", d.ID, d.Kind)
	}
	d.Schema = schema
	return d, nil
}
