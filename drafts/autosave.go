package drafts

import (
	"errors"
	"sync"
	"time"
)

// Default autosave timing: save once typing pauses, and at least every
// MaxDelay while it does not.
const (
	QuietDelay = 300 * time.Millisecond
	MaxDelay   = 2 * time.Second
)

// SaveStatus is what an autosave reports, for the footer ("saved 14:02").
type SaveStatus struct {
	At       time.Time
	Revision int64
	Err      error
	// CopyID is set when another window had changed the draft: the changes
	// were saved as this new draft, and later saves go there.
	CopyID string
}

// schedule decides when a burst of changes is saved: once they pause for
// quiet, and no later than most after the burst's first change, so long
// typing is saved too. It only does arithmetic on the times it is given.
type schedule struct {
	quiet, most time.Duration
	deadline    time.Time // the latest save of the burst under way
	pending     bool
}

// changed records a change at now and returns how long to wait before
// saving.
func (s *schedule) changed(now time.Time) time.Duration {
	if !s.pending {
		s.pending, s.deadline = true, now.Add(s.most)
	}
	return min(s.quiet, max(0, s.deadline.Sub(now)))
}

// saved ends the burst.
func (s *schedule) saved() { s.pending = false }

// Autosaver writes a draft off the caller's goroutine, so typing never
// waits on the disk.
type Autosaver struct {
	store  *Store
	opt    SaveOptions
	sched  schedule
	report func(SaveStatus)
	// save writes a snapshot (Store.Save; tests slow it down).
	save func(*Draft, SaveOptions) error

	mu       sync.Mutex
	latest   *Draft
	redirect map[string]string // draft id → the copy it was saved as
	signal   chan struct{}
	flush    chan chan error
	stop     chan struct{}
	stopped  chan struct{}
	closing  sync.Once
	closeErr error

	// Reports go through a mailbox to their own goroutine: report may
	// block (a program's Send waits for its event loop), and the event
	// loop may be waiting in Flush — the save loop must never wait on it.
	pending   *SaveStatus
	reportSig chan struct{}
}

// Autosave starts an autosaver that saves once changes pause for quiet,
// and at least every most while they do not; report (may be nil) hears of
// every save.
func (s *Store) Autosave(opt SaveOptions, quiet, most time.Duration, report func(SaveStatus)) *Autosaver {
	a := &Autosaver{
		store: s, opt: opt, sched: schedule{quiet: quiet, most: most}, report: report, save: s.Save,
		redirect:  map[string]string{},
		signal:    make(chan struct{}, 1),
		flush:     make(chan chan error),
		stop:      make(chan struct{}),
		stopped:   make(chan struct{}),
		reportSig: make(chan struct{}, 1),
	}
	go a.loop()
	if report != nil {
		go a.reporter()
	}
	return a
}

// post leaves a status for the reporter; an undelivered earlier one is
// replaced, keeping its CopyID (which must not be missed).
func (a *Autosaver) post(st SaveStatus) {
	a.mu.Lock()
	if a.pending != nil && st.CopyID == "" {
		st.CopyID = a.pending.CopyID
	}
	a.pending = &st
	a.mu.Unlock()
	select {
	case a.reportSig <- struct{}{}:
	default:
	}
}

func (a *Autosaver) reporter() {
	for {
		select {
		case <-a.reportSig:
		case <-a.stopped:
			return
		}
		a.mu.Lock()
		st := a.pending
		a.pending = nil
		a.mu.Unlock()
		if st != nil {
			a.report(*st)
		}
	}
}

// Changed hands over a snapshot of the draft (the caller must not touch it
// again: pass d.Clone()). It returns at once; only the latest snapshot is
// written.
func (a *Autosaver) Changed(snapshot *Draft) {
	a.mu.Lock()
	a.latest = snapshot
	a.mu.Unlock()
	select {
	case a.signal <- struct{}{}:
	default:
	}
}

// SetOptions changes how later saves are written.
func (a *Autosaver) SetOptions(opt SaveOptions) {
	a.mu.Lock()
	a.opt = opt
	a.mu.Unlock()
}

// Flush writes any pending snapshot now and waits for it.
func (a *Autosaver) Flush() error {
	reply := make(chan error)
	select {
	case a.flush <- reply:
		return <-reply
	case <-a.stopped:
		return errors.New("the autosaver is closed")
	}
}

// Close flushes and stops the autosaver. Closing again does nothing.
func (a *Autosaver) Close() error {
	a.closing.Do(func() {
		a.closeErr = a.Flush()
		close(a.stop)
		<-a.stopped
	})
	return a.closeErr
}

func (a *Autosaver) loop() {
	defer close(a.stopped)
	timer := time.NewTimer(0)
	if !timer.Stop() {
		<-timer.C
	}
	armed := false
	disarm := func() {
		if armed && !timer.Stop() {
			<-timer.C
		}
		armed = false
	}
	for {
		select {
		case <-a.signal:
			wait := a.sched.changed(a.store.now())
			disarm()
			timer.Reset(wait)
			armed = true
		case <-timer.C:
			armed = false
			a.sched.saved()
			_ = a.saveLatest() // reported to the caller's report func
		case reply := <-a.flush:
			disarm()
			a.sched.saved()
			reply <- a.saveLatest()
		case <-a.stop:
			disarm()
			return
		}
	}
}

func (a *Autosaver) saveLatest() error {
	a.mu.Lock()
	d, opt := a.latest, a.opt
	a.latest = nil
	if d != nil {
		if to, moved := a.redirect[d.ID]; moved {
			d.ID = to
		}
	}
	a.mu.Unlock()
	if d == nil {
		return nil
	}
	orig := d.ID
	err := a.save(d, opt)
	st := SaveStatus{At: d.UpdatedAt, Revision: d.Revision, Err: err}
	var ce *ChangedError
	if errors.As(err, &ce) {
		a.mu.Lock()
		a.redirect[orig] = ce.CopyID
		a.mu.Unlock()
		st.CopyID = ce.CopyID
	}
	if a.report != nil {
		a.post(st)
	}
	return err
}
