package drafts

import (
	"encoding/json"
	"errors"
	"fmt"

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

// encode writes the draft as the file holds it.
func encode(d *Draft) ([]byte, error) {
	d.Schema = CurrentSchema
	return json.MarshalIndent(d, "", "  ")
}
