package drafts

import (
	"slices"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// UILogoPath is the UI key for the logo's file path: the path is what was
// typed; the body holds the file's base64 when the file is a usable logo.
const UILogoPath = "logo_path"

// Catalog is the catalogue of the request the draft holds.
func (d *Draft) Catalog() *catalog.Catalog {
	if d.Partner != nil {
		return catalog.PartnerCreate()
	}
	return catalog.BeaconUserCreate()
}

// Catalog is the catalogue of the request a kind of draft holds.
func (k Kind) Catalog() *catalog.Catalog {
	if k == PartnerCustomer {
		return catalog.PartnerCreate()
	}
	return catalog.BeaconUserCreate()
}

// StepTitle is the title of the step the draft was left at ("IP address",
// not "ip"), or "" when it was never opened at a step.
func (s Summary) StepTitle() string { return stepTitle(s.Kind, s.Step) }

// StepTitle is the title of the step the draft was left at, or "".
func (d *Draft) StepTitle() string { return stepTitle(d.Kind, d.Step) }

func stepTitle(k Kind, id string) string {
	if id == "" {
		return ""
	}
	return k.Catalog().StepTitle(id)
}

// Check lists every problem of the draft: its request's, by the same
// rules the emulator applies, and what the request alone cannot show — a
// logo file chosen whose content is not a logo Plaid takes (the body then
// holds none, and would go out without the logo the user meant).
func (d *Draft) Check(env catalog.Env) validate.Problems {
	req := d.Request()
	if req == nil {
		return validate.Problems{{Path: "(body)", Message: "the draft holds no request", State: validate.Invalid}}
	}
	cat := d.Catalog()
	ps := cat.Check(req, env)
	if path, logo := d.UI[UILogoPath], cat.OfKind(catalog.Logo); logo != nil && path != "" && d.Partner.Logo == "" {
		// Said once, the specific way: "a logo is required" is this too.
		ps = slices.DeleteFunc(ps, func(p validate.Problem) bool { return p.Path == logo.Path })
		ps = append(ps, validate.Problem{Path: logo.Path, State: validate.Invalid,
			Message: "the file " + path + " is not a logo Plaid takes (a 1024×1024 PNG under 4 MB): choose another, or empty the path to send none"})
		slices.SortStableFunc(ps, func(a, b validate.Problem) int { return cat.Compare(a.Path, b.Path) })
	}
	return ps
}
