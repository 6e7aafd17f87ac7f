package drafts

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// statuses collects the autosaver's reports, which arrive on their own
// goroutine.
type statuses struct {
	mu     sync.Mutex
	all    []SaveStatus
	notify chan struct{}
}

func (s *statuses) add(st SaveStatus) {
	s.mu.Lock()
	s.all = append(s.all, st)
	if s.notify == nil {
		s.notify = make(chan struct{}, 1)
	}
	notify := s.notify
	s.mu.Unlock()
	select {
	case notify <- struct{}{}:
	default:
	}
}

func (s *statuses) count() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.all) }

// wait blocks until at least n reports have come.
func (s *statuses) wait(t *testing.T, n int) {
	t.Helper()
	s.mu.Lock()
	if s.notify == nil {
		s.notify = make(chan struct{}, 1)
	}
	notify := s.notify
	s.mu.Unlock()
	deadline := time.NewTimer(patience)
	defer deadline.Stop()
	for s.count() < n {
		select {
		case <-notify:
		case <-deadline.C:
			t.Fatalf("waited %v for %d saves to be reported (%d were)", patience, n, s.count())
		}
	}
}

// first waits for the first report.
func (s *statuses) first(t *testing.T) SaveStatus {
	t.Helper()
	s.wait(t, 1)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.all[0]
}

// patience bounds a wait for something that must happen, so a broken test
// fails instead of hanging; it asserts nothing about speed.
const patience = 2 * time.Minute

// The schedule: a burst of changes is saved once it pauses for quiet, and
// no later than most after its first change, however long it goes on.
func TestScheduleDebouncesAndBoundsTheDelay(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := schedule{quiet: 100 * time.Millisecond, most: 200 * time.Millisecond}
	// 100 changes at once: one save, quiet after the last.
	for range 100 {
		if wait := s.changed(t0); wait != 100*time.Millisecond {
			t.Fatalf("wait %v after a change", wait)
		}
	}
	s.saved()
	// A change every 20 ms, never quiet for 100 ms: the waits shrink to
	// the deadline, 200 ms after the first change.
	var saves []time.Duration
	at := time.Duration(0)
	fireAt := time.Duration(-1)
	for at <= 700*time.Millisecond {
		if fireAt >= 0 && at >= fireAt {
			saves = append(saves, fireAt)
			s.saved()
		}
		fireAt = at + s.changed(t0.Add(at))
		at += 20 * time.Millisecond
	}
	if len(saves) < 3 || saves[0] != 200*time.Millisecond {
		t.Fatalf("saves at %v during 700 ms of non-stop typing (most 200 ms)", saves)
	}
}

// Changed hands a snapshot over and returns: typing never waits on the
// disk, even while a save is stuck. Only the latest snapshot is written.
func TestChangedNeverWaitsForTheDisk(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	a := s.Autosave(SaveOptions{}, time.Hour, time.Hour, nil)
	defer a.Close()
	var writes atomic.Int32
	saving, release := make(chan struct{}), make(chan struct{})
	a.save = func(d *Draft, opt SaveOptions) error {
		if writes.Add(1) == 1 {
			close(saving)
			<-release
		}
		return s.Save(d, opt)
	}
	a.Changed(d.Clone())
	flushed := make(chan error, 1)
	go func() { flushed <- a.Flush() }()
	<-saving // the save is under way, and stuck on the "disk"
	typed := make(chan struct{})
	go func() {
		for i := range 100 {
			d.Beacon.User.EmailAddress = "typing" + string(rune('a'+i%26)) + "@example.com"
			a.Changed(d.Clone())
		}
		close(typed)
	}()
	select {
	case <-typed:
	case <-time.After(patience):
		t.Fatal("Changed waited for a stuck save")
	}
	close(release)
	if err := <-flushed; err != nil {
		t.Fatal(err)
	}
	if err := a.Flush(); err != nil { // the 100 changes: one write, of the last
		t.Fatal(err)
	}
	if n := writes.Load(); n != 2 {
		t.Fatalf("%d writes for one stuck save and one burst of 100 changes", n)
	}
	loaded, _ := s.Load(d.ID)
	if loaded.Beacon.User.EmailAddress != d.Beacon.User.EmailAddress {
		t.Errorf("saved %q, last typed %q", loaded.Beacon.User.EmailAddress, d.Beacon.User.EmailAddress)
	}
}

// With real timers: a change is saved once typing pauses.
func TestAutosaveSavesAfterAPause(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	var got statuses
	a := s.Autosave(SaveOptions{}, time.Millisecond, time.Millisecond, got.add)
	defer a.Close()
	d.Beacon.User.Name.GivenName = "Paused"
	a.Changed(d.Clone())
	if st := got.first(t); st.Err != nil {
		t.Fatal(st.Err)
	}
	if loaded, _ := s.Load(d.ID); loaded.Beacon.User.Name.GivenName != "Paused" {
		t.Errorf("saved %q", loaded.Beacon.User.Name.GivenName)
	}
}

func TestFlushWritesAtOnce(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	a := s.Autosave(SaveOptions{}, time.Hour, time.Hour, nil)
	d.Beacon.User.Name.GivenName = "Last keystroke"
	a.Changed(d.Clone())
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(d.ID)
	if err != nil || got.Beacon.User.Name.GivenName != "Last keystroke" {
		t.Fatalf("%+v %v", got, err)
	}
	if err := a.Flush(); err == nil {
		t.Error("Flush after Close should fail, not hang")
	}
}

func TestAutosaveFollowsTheCopy(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	s.Save(d, SaveOptions{})
	other, _ := Open(s.Dir(), testKey)
	theirs, _ := other.Load(d.ID)
	theirs.Title = "theirs"
	other.Save(theirs, SaveOptions{})

	var got statuses
	a := s.Autosave(SaveOptions{}, time.Hour, time.Hour, got.add)
	defer a.Close()
	a.Changed(d.Clone())
	err := a.Flush()
	var ce *ChangedError
	if !errors.As(err, &ce) || got.first(t).CopyID != ce.CopyID {
		t.Fatalf("first save: %v %+v", err, got.first(t))
	}
	d.Title = "mine, later"
	a.Changed(d.Clone()) // still carries the old id
	if err := a.Flush(); err != nil {
		t.Fatalf("the second save should go to the copy: %v", err)
	}
	cp, _ := s.Load(ce.CopyID)
	kept, _ := s.Load(d.ID)
	if cp.Title != "mine, later" || kept.Title != "theirs" {
		t.Errorf("copy %q, original %q", cp.Title, kept.Title)
	}
	list, _, _ := s.List()
	if len(list) != 2 {
		t.Errorf("%d drafts: a second copy was made", len(list))
	}
}

func TestCloseTwice(t *testing.T) {
	s := openStore(t)
	a := s.Autosave(SaveOptions{}, time.Hour, time.Hour, nil)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
}

// A report that cannot be delivered (the program's event loop is busy —
// here, waiting in Close) must not stop the save loop: Close returns.
func TestBlockedReportDoesNotDeadlockClose(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	release, reporting := make(chan struct{}), make(chan struct{}, 1)
	defer close(release)
	a := s.Autosave(SaveOptions{}, time.Millisecond, time.Millisecond, func(SaveStatus) {
		reporting <- struct{}{}
		<-release
	})
	a.Changed(d.Clone())
	<-reporting // the first save is reported, and its report blocks
	d.Title = "last"
	a.Changed(d.Clone())
	done := make(chan error, 1)
	go func() { done <- a.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(patience):
		t.Fatal("Close waits for a report the caller cannot take")
	}
	if got, _ := s.Load(d.ID); got.Title != "last" {
		t.Fatalf("last change not saved: %q", got.Title)
	}
}
