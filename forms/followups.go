package forms

import (
	"strconv"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// reportTypeLabels explain the report types Plaid's docs show.
var reportTypeLabels = map[client.BeaconReportType]string{
	"first_party":      "First party — the person who applied committed the fraud",
	"stolen":           "Stolen identity — someone else used their details",
	"synthetic":        "Synthetic — a made-up identity",
	"account_takeover": "Account takeover — their account was taken over",
	"unknown":          "Unknown — not sure who committed it",
}

// Report holds the answers of the fraud report form.
type Report struct {
	Type      client.BeaconReportType
	FraudDate string
	Amount    string // as typed; empty when unknown
	Changes   widgets.Changes
}

// Request turns the answers into the request for beaconUserID.
func (r *Report) Request(beaconUserID string) *client.BeaconReportCreateRequest {
	req := &client.BeaconReportCreateRequest{BeaconUserID: beaconUserID, Type: r.Type, FraudDate: r.FraudDate}
	if r.Amount != "" {
		v, err := strconv.ParseFloat(r.Amount, 64)
		if err == nil {
			req.FraudAmount = &client.FraudAmount{ISOCurrencyCode: "USD", Value: v}
		}
	}
	return req
}

// ReportForm asks for a fraud report: its type, when the fraud happened and
// (if known) how much was lost.
func ReportForm(r *Report, opt Options) *widgets.StepForm {
	if r.Type == "" {
		r.Type = "first_party"
	}
	scope := func() catalog.Scope {
		return catalog.NewScope(&client.BeaconReportCreateRequest{}, catalog.Env{Environment: opt.Env, Now: opt.Now()})
	}
	typeField, dateField, amountField := catalog.ReportFields()
	opts := make([]huh.Option[client.BeaconReportType], len(client.BeaconReportTypesShown))
	for i, t := range client.BeaconReportTypesShown {
		opts[i] = huh.NewOption(reportTypeLabels[t], t)
	}
	typ := widgets.NewChoice(widgets.ChoiceSpec{Key: typeField.Path, Title: typeField.Label}, opts, widgets.Bind(&r.Type, &r.Changes))
	date := widgets.NewInput(widgets.InputSpec{Key: dateField.Path, Title: dateField.Label, Required: true, Placeholder: dateField.Placeholder,
		CharLimit: dateField.CharLimit, Check: func(s string) validate.Result { return dateField.Rule(s, scope()) }},
		widgets.Bind(&r.FraudDate, &r.Changes)).Accessible(opt.Accessible)
	// The amount is typed as text and sent as a number: its rule reads
	// the text (validate.Amount), the catalogue's the number.
	amount := widgets.NewInput(widgets.InputSpec{Key: amountField.Path, Title: amountField.Label, Placeholder: amountField.Placeholder,
		Description: amountField.Help, CharLimit: amountField.CharLimit, Check: validate.Amount},
		widgets.Bind(&r.Amount, &r.Changes)).Accessible(opt.Accessible)
	return widgets.NewStepForm([]huh.Field{typ, date, amount}, opt.Accessible)
}

// statusLabels say what each Beacon status means for the agent.
var statusLabels = map[client.BeaconUserStatus]string{
	client.BeaconCleared:       "cleared — nothing found; needs no active fraud report",
	client.BeaconPendingReview: "pending_review — to be looked at; always allowed",
	client.BeaconRejected:      "rejected — fraud; needs a fraud report on this user",
}

// ReviewForm asks for the status to set on a Beacon user.
func ReviewForm(status *client.BeaconUserStatus, opt Options) *widgets.StepForm {
	opts := make([]huh.Option[client.BeaconUserStatus], 0, 3)
	for _, s := range []client.BeaconUserStatus{client.BeaconCleared, client.BeaconPendingReview, client.BeaconRejected} {
		opts = append(opts, huh.NewOption(statusLabels[s], s))
	}
	fd := catalog.ReviewStatusField()
	sel := widgets.NewChoice(widgets.ChoiceSpec{Key: fd.Path, Title: fd.Label}, opts, widgets.Bind(status, nil))
	return widgets.NewStepForm([]huh.Field{sel}, opt.Accessible)
}
