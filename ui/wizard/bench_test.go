package wizard

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
)

// BenchmarkKeystroke measures one key typed into a text field — Update
// and View — on each step, with the draft full of answers (goal ≤ 0.5 ms
// on the largest step). The key alternates with backspace so the field
// stays the same length.
func BenchmarkKeystroke(b *testing.B) {
	cases := []struct {
		kind  drafts.Kind
		step  string
		field string // a text field of the step to type into
	}{
		{drafts.PartnerCustomer, "company", "company_name"},
		{drafts.PartnerCustomer, "address", "address.street"},
		{drafts.PartnerCustomer, "support", "customer_support_info.phone_number"},
		{drafts.PartnerCustomer, "contacts", "technical_contact.email"},
		{drafts.BeaconUser, "address", "user.address.city"},
	}
	for _, c := range cases {
		b.Run(string(c.kind)+"/"+c.step, func(b *testing.B) {
			r := newRig(b, client.Local)
			d := r.store.New(c.kind)
			d.Partner, d.Beacon = samples.PartnerCreate(), nil
			if c.kind == drafts.BeaconUser {
				d.Partner, d.Beacon = nil, samples.BeaconCreate()
			}
			d.Step = c.step
			w := r.open(c.kind, d)
			w.SetSize(100, 40)
			w.jump(c.field)
			keys := []tea.Msg{tuitest.Key("x"), tuitest.Key("backspace")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				w.Update(keys[i%2])
				_ = w.View()
			}
			b.StopTimer()
		})
	}
}
