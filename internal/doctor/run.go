package doctor

import (
	"context"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// Options are what doctor looks at.
type Options struct {
	Factory  *app.Factory
	Env      client.Environment
	Terminal Terminal
	// Conformance runs the scenario against Env and the built-in emulator
	// (the caller has asked, in production, before setting it).
	Conformance bool
	// Program is the Beacon program the scenario screens in (default: the
	// spec's example id).
	Program string
}

type run struct {
	o      Options
	now    func() time.Time
	report Report
}

func (d *run) add(area, name string, state State, detail, fix string) {
	d.report.Checks = append(d.report.Checks, Check{Area: area, Name: name, State: state, Detail: detail, Fix: fix})
}

// Run makes every check, in the order the report shows them.
func Run(ctx context.Context, o Options) Report {
	d := &run{o: o, now: o.Factory.Now, report: Report{Environment: o.Env.Label()}}
	d.plaidChecks(ctx)
	d.machineChecks()
	d.terminalChecks()
	if o.Conformance {
		d.conformance(ctx)
	}
	return d.report
}
