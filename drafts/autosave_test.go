package drafts

import (
	"errors"
	"sync"
	"testing"
	"time"
)

type statuses struct {
	mu  sync.Mutex
	all []SaveStatus
}

func (s *statuses) add(st SaveStatus) { s.mu.Lock(); s.all = append(s.all, st); s.mu.Unlock() }
func (s *statuses) count() int        { s.mu.Lock(); defer s.mu.Unlock(); return len(s.all) }

// first waits for the first report (they arrive on their own goroutine).
func (s *statuses) first(t *testing.T) SaveStatus {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for s.count() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no save reported")
		}
		time.Sleep(time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.all[0]
}

func TestAutosaveDebouncesAndNeverBlocks(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	var got statuses
	a := s.Autosave(SaveOptions{}, 50*time.Millisecond, time.Second, got.add)
	defer a.Close()
	start := time.Now()
	for i := range 100 {
		d.Beacon.User.EmailAddress = "typing" + string(rune('a'+i%26)) + "@example.com"
		a.Changed(d.Clone())
	}
	if elapsed := time.Since(start); elapsed > 50*time.Millisecond {
		t.Errorf("100 changes took %v: Changed must not wait on the disk", elapsed)
	}
	deadline := time.Now().Add(2 * time.Second)
	for got.count() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	if n := got.count(); n != 1 {
		t.Fatalf("%d saves for one burst of typing", n)
	}
	loaded, _ := s.Load(d.ID)
	if loaded.Beacon.User.EmailAddress != d.Beacon.User.EmailAddress {
		t.Errorf("saved %q, last typed %q", loaded.Beacon.User.EmailAddress, d.Beacon.User.EmailAddress)
	}
}

func TestAutosaveSavesDuringLongTyping(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	var got statuses
	a := s.Autosave(SaveOptions{}, 100*time.Millisecond, 200*time.Millisecond, got.add)
	defer a.Close()
	stop := time.Now().Add(700 * time.Millisecond)
	for time.Now().Before(stop) {
		a.Changed(d.Clone())
		time.Sleep(20 * time.Millisecond) // never quiet for 100 ms
	}
	if n := got.count(); n < 2 {
		t.Errorf("only %d saves in 700 ms of non-stop typing (max delay 200 ms)", n)
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
	release := make(chan struct{})
	defer close(release)
	a := s.Autosave(SaveOptions{}, time.Millisecond, time.Millisecond, func(SaveStatus) { <-release })
	a.Changed(d.Clone())
	time.Sleep(20 * time.Millisecond) // the first save is reported, and its report blocks
	d.Title = "last"
	a.Changed(d.Clone())
	done := make(chan error, 1)
	go func() { done <- a.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Close waits for a report the caller cannot take")
	}
	if got, _ := s.Load(d.ID); got.Title != "last" {
		t.Fatalf("last change not saved: %q", got.Title)
	}
}
