package emulator

import (
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// ServerOptions bound what clients may hold of an emulator (or a
// listener) served over HTTP: a client that stalls (headers or a body that
// never come, a connection left open) is let go, and past MaxConns the
// connections that are doing nothing are closed first, oldest first, so
// idle sockets never cost a working client its turn.
type ServerOptions struct {
	// ReadTimeout bounds reading a whole request, body included, and
	// IdleTimeout a connection kept open between requests: 15 s when zero.
	ReadTimeout, IdleTimeout time.Duration
	// MaxConns is how many connections are kept at once: 512 when zero.
	// Beyond it the oldest idle one is closed (one that has not sent a
	// whole request's headers, or is between requests); when every one is
	// busy, the new one is.
	MaxConns int
	// ErrorLog receives the server's own errors (nothing when nil).
	ErrorLog *log.Logger
	// ConnState, when set, hears of every connection's changes (tests).
	ConnState func(net.Conn, http.ConnState)
}

// Defaults of ServerOptions.
const (
	DefaultReadTimeout = 15 * time.Second
	DefaultMaxConns    = 512
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
	shed := &shedder{max: o.MaxConns, idle: map[net.Conn]uint64{}, busy: map[net.Conn]bool{}}
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
		ConnState: func(c net.Conn, s http.ConnState) {
			shed.track(c, s)
			if o.ConnState != nil {
				o.ConnState(c, s)
			}
		},
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	return srv, served
}

// shedder keeps the connections within max, closing idle ones first.
// Every connection gets its own goroutine from net/http, so an idle one
// costs memory but never delays another: the cap only bounds memory.
type shedder struct {
	mu   sync.Mutex
	max  int
	seq  uint64
	idle map[net.Conn]uint64 // since when (in arrivals) it has done nothing
	busy map[net.Conn]bool
}

func (s *shedder) track(c net.Conn, state http.ConnState) {
	s.mu.Lock()
	var victim net.Conn
	switch state {
	case http.StateNew, http.StateIdle:
		delete(s.busy, c)
		s.seq++
		s.idle[c] = s.seq
		if len(s.idle)+len(s.busy) > s.max {
			victim = s.oldestIdle(c)
			delete(s.idle, victim)
		}
	case http.StateActive:
		delete(s.idle, c)
		s.busy[c] = true
	case http.StateHijacked, http.StateClosed:
		delete(s.idle, c)
		delete(s.busy, c)
	}
	s.mu.Unlock()
	if victim != nil {
		_ = victim.Close() // its goroutine sees the close and reports StateClosed
	}
}

// oldestIdle is the idle connection that has waited longest, other than
// the one just arrived; the new one itself when every other is busy.
func (s *shedder) oldestIdle(arrived net.Conn) net.Conn {
	victim, since := arrived, s.idle[arrived]
	for c, at := range s.idle {
		if c != arrived && (victim == arrived || at < since) {
			victim, since = c, at
		}
	}
	return victim
}
