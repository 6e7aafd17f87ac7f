package widgets

import (
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// productOptions are options of a many-choice question, as the partner
// wizard asks products.
func productOptions() []huh.Option[client.Product] {
	out := make([]huh.Option[client.Product], len(client.PartnerProducts))
	for i, p := range client.PartnerProducts {
		out[i] = huh.NewOption(string(p), p)
	}
	return out
}
