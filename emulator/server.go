package emulator

import (
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// ServerOptions bound what clients may hold of an emulator served over
// HTTP: a client that stalls (a body that never comes, a connection left
// open) is let go, and only so many connections are served at once; the
// rest wait in the kernel's queue, costing nothing here.
type ServerOptions struct {
	// ReadTimeout bounds reading a whole request, body included, and
	// IdleTimeout a connection kept open between requests: 15 s when zero.
	ReadTimeout, IdleTimeout time.Duration
	// MaxConns is how many connections are served at once: 64 when zero.
	MaxConns int
	// ErrorLog receives the server's own errors (nothing when nil).
	ErrorLog *log.Logger
	// ConnState, when set, hears of every connection's changes (tests).
	ConnState func(net.Conn, http.ConnState)
}

// Defaults of ServerOptions.
const (
	DefaultReadTimeout = 15 * time.Second
	DefaultMaxConns    = 64
)

func (o ServerOptions) withDefaults() ServerOptions {
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultReadTimeout
	}
	if o.MaxConns <= 0 {
		o.MaxConns = DefaultMaxConns
	}
	if o.ErrorLog == nil {
		o.ErrorLog = log.New(io.Discard, "", 0)
	}
	return o
}

// Serve serves h on ln with the bounds of o, until the returned server is
// shut down (its Serve error is sent on the channel).
func Serve(ln net.Listener, h http.Handler, o ServerOptions) (*http.Server, <-chan error) {
	o = o.withDefaults()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: o.ReadTimeout,
		ReadTimeout:       o.ReadTimeout,
		// An answer is small and quick to write; a client that does not
		// read it is let go as one that does not send.
		WriteTimeout:   o.ReadTimeout,
		IdleTimeout:    o.IdleTimeout,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       o.ErrorLog,
		ConnState:      o.ConnState,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(netutil.LimitListener(ln, o.MaxConns)) }()
	return srv, served
}
