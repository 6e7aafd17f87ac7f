package doctor

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
)

const areaPlaid = "Plaid"

// probeUserID is a Beacon user id no one has: reading it is harmless, and
// Plaid's answer says whether the keys were good (INVALID_FIELD or a
// not-found) or not (INVALID_API_KEYS).
const probeUserID = "becusr_doctor00000000"

// plaidChecks says where requests go, whether the credentials are there
// and accepted, how long a round trip takes, how far this machine's clock
// is from the server's, and how the connection is secured.
func (d *run) plaidChecks(ctx context.Context) {
	f, env := d.o.Factory, d.o.Env
	where := "requests go to " + env.BaseURL()
	if env == client.Local {
		where = "requests go to " + app.BuiltInEmulatorName + " (in-process, on loopback; nothing leaves this machine)"
		if url := f.Getenv(app.EnvEmulatorURL); url != "" {
			where = "requests go to " + app.ServedEmulatorName(url) + " (" + app.EnvEmulatorURL + ")"
		}
	}
	d.add(areaPlaid, "Environment", Info, env.Label()+": "+where, "")
	if _, _, err := client.Credentials(env, f.Getenv); err != nil {
		d.add(areaPlaid, "Credentials", Fail, err.Error(),
			"export "+client.EnvClientID+" and "+client.EnvSecret+" for "+string(env)+" (Plaid Dashboard → Team Settings → Keys)")
		return
	}
	s, rec, ok := d.connect("Credentials")
	if !ok {
		return
	}
	defer s.Close()
	_, err := s.Client.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: probeUserID})
	d.credentials(env, err)
	ex, answered := rec.last()
	if !answered {
		return
	}
	d.add(areaPlaid, "Round trip", Info, fmt.Sprintf("%d ms for one request", ex.Got.Sub(ex.Sent).Milliseconds()), "")
	d.clock(ex)
	d.transport(env, ex)
}

// credentials judges the probe's answer.
func (d *run) credentials(env client.Environment, err error) {
	names := client.EnvClientID + " and " + client.EnvSecret
	if env == client.Local {
		names = "the emulator's pair"
	}
	var pe *client.Error
	switch {
	case err == nil:
		d.add(areaPlaid, "Credentials", OK, names+" accepted", "")
	case errors.As(err, &pe) && pe.ErrorCode == "INVALID_API_KEYS":
		d.add(areaPlaid, "Credentials", Fail, names+" refused: "+pe.Message()+" ("+pe.ErrorCode+")",
			"use the "+string(env)+" secret: each environment has its own (Plaid Dashboard → Team Settings → Keys)")
	case errors.As(err, &pe):
		d.add(areaPlaid, "Credentials", OK, fmt.Sprintf("%s accepted (a read of an unknown id was answered %s, as it should be)", names, pe.ErrorCode), "")
	default:
		d.add(areaPlaid, "Credentials", Fail, "no answer: "+err.Error(),
			"check the network, a proxy (HTTPS_PROXY) or a firewall between here and "+env.BaseURL())
	}
}

// clock compares this machine's clock with the server's Date header, at
// the middle of the round trip (the header counts whole seconds).
func (d *run) clock(ex exchange) {
	date, err := http.ParseTime(ex.Date)
	if err != nil {
		d.add(areaPlaid, "Clock", Info, "the server sent no Date header to compare with", "")
		return
	}
	mid := ex.Sent.Add(ex.Got.Sub(ex.Sent) / 2)
	skew := mid.Sub(date).Round(time.Second)
	ahead := "ahead of"
	if skew < 0 {
		skew, ahead = -skew, "behind"
	}
	switch {
	case skew <= 2*time.Second:
		d.add(areaPlaid, "Clock", OK, "in step with the server's", "")
	case skew <= webhooks.MaxAge:
		d.add(areaPlaid, "Clock", Info, fmt.Sprintf("%s %s the server's (webhook verification allows %s)", skew, ahead, webhooks.MaxAge), "")
	default:
		d.add(areaPlaid, "Clock", Warn, fmt.Sprintf("%s %s the server's: webhooks will be refused as too old or not yet issued (%s allowed)", skew, ahead, webhooks.MaxAge),
			"turn on network time (timedatectl set-ntp true; on macOS, Date & Time → Set automatically)")
	}
}

// transport says how the answer came: TLS and its certificate, or plain
// HTTP on loopback.
func (d *run) transport(env client.Environment, ex exchange) {
	if ex.TLS == nil {
		if env == client.Local {
			d.add(areaPlaid, "TLS", Info, "none needed: plain HTTP to the emulator on this machine", "")
			return
		}
		d.add(areaPlaid, "TLS", Fail, "the answer came over plain HTTP", "something between here and Plaid is intercepting: check HTTPS_PROXY")
		return
	}
	detail := tls.VersionName(ex.TLS.Version)
	state := OK
	if len(ex.TLS.PeerCertificates) > 0 {
		cert := ex.TLS.PeerCertificates[0]
		left := cert.NotAfter.Sub(d.now())
		detail += fmt.Sprintf(", certificate for %s by %s, valid until %s", cert.Subject.CommonName, cert.Issuer.CommonName, cert.NotAfter.Format(time.DateOnly))
		if left < 14*24*time.Hour {
			state = Warn
		}
	}
	if ex.TLS.Version < tls.VersionTLS12 {
		state = Fail
	}
	d.add(areaPlaid, "TLS", state, detail, "")
}

// connect opens a session on the chosen environment whose answers a
// recorder keeps; a failure is said as check name's.
func (d *run) connect(name string) (*app.Session, *recorder, bool) {
	rec := newRecorder(d.o.Factory.Transport, d.now)
	probe := *d.o.Factory
	probe.Transport = rec
	s, err := probe.Connect(d.o.Env)
	if err != nil {
		d.add(areaPlaid, name, Fail, "cannot connect: "+err.Error(), "")
		return nil, nil, false
	}
	return s, rec, true
}
