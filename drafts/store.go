package drafts

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/internal/filelock"
)

// Store is a drafts directory.
type Store struct {
	dir  string
	keys KeySource
	now  func() time.Time
	// templates, when set, give new customer drafts their default answers.
	templates *Templates

	mu   sync.Mutex
	seen map[string]os.FileInfo // the file of each draft as this process last read or wrote it
	// lastLogo and its sum: see cachedLogoSum.
	lastLogo, lastLogoSum string
}

// Errors a caller can tell apart.
var (
	ErrNotFound = errors.New("no such draft")
	ErrInUse    = errors.New("the draft is open in another plaid-onboard window")
	// ErrChanged means another process wrote the draft since this one read
	// it; the save went to a copy instead of overwriting.
	ErrChanged = errors.New("the draft was changed elsewhere")
)

// ChangedError says where a save that would have overwritten another
// process's changes went instead.
type ChangedError struct {
	ID     string
	CopyID string // the new draft the changes were saved as
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("draft %s was changed by another plaid-onboard window; your changes were saved as a new draft %s", e.ID, e.CopyID)
}

func (e *ChangedError) Unwrap() error { return ErrChanged }

// Open opens (creating) a drafts directory, keeping it 0700.
func Open(dir string, keys KeySource) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the drafts directory: %w", err)
	}
	if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		// Drafts hold personal data; the directory is ours, so tighten it.
		if err := os.Chmod(dir, 0o700); err != nil { //nolint:gosec // a directory: 0700 is its 0600
			return nil, fmt.Errorf("making %s private: %w", dir, err)
		}
	}
	return &Store{dir: dir, keys: keys, now: time.Now, seen: map[string]os.FileInfo{}}, nil
}

// Dir is the drafts directory.
func (s *Store) Dir() string { return s.dir }

// KeyWhere says where the key sealing personal data lives ("the OS
// keyring", "the file …"), and whether it can be had.
func (s *Store) KeyWhere() (string, error) {
	_, err := s.keys.Key()
	return s.keys.Where(), err
}

// SetClock replaces the clock (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) path(id string) string { return filepath.Join(s.dir, id+".json") }

// SetTemplates makes new customer drafts start from the default template
// kept in t.
func (s *Store) SetTemplates(t *Templates) { s.templates = t }

// Templates are the templates new customer drafts start from (nil when
// none were set).
func (s *Store) Templates() *Templates { return s.templates }

// New starts a draft of kind with an id no other draft has. A customer
// draft starts from the default template, when there is one.
func (s *Store) New(kind Kind) *Draft {
	d := s.NewBlank(kind)
	if kind == PartnerCustomer && s.templates != nil {
		if tp, err := s.templates.Load(DefaultTemplate); err == nil {
			tp.Apply(d)
		}
	}
	return d
}

// NewLike starts a customer draft with src's answers but those that name
// the company (the catalogue's Names fields), and says which it left
// empty.
func (s *Store) NewLike(src *Draft) (*Draft, []*catalog.Field, error) {
	if src.Partner == nil {
		return nil, nil, fmt.Errorf("draft %s is a %s draft: only a partner customer draft makes another like it", src.ID, src.Kind.Label())
	}
	d := s.NewBlank(PartnerCustomer)
	kept, left := catalog.PartnerCreate().Copy(src.Partner, func(f *catalog.Field) bool { return !f.Names })
	d.Partner = kept.(*client.PartnerCustomerCreateRequest)
	for k, v := range src.UI {
		if k != UILogoPath && !slices.ContainsFunc(left, func(f *catalog.Field) bool { return f.Path == k }) {
			d.UI[k] = v
		}
	}
	d.RefreshTitle()
	return d, left, nil
}

// NewBlank starts a draft of kind with nothing in it, template or not.
func (s *Store) NewBlank(kind Kind) *Draft {
	now := s.now().UTC()
	d := &Draft{Schema: CurrentSchema, Kind: kind, CreatedAt: now, UpdatedAt: now, UI: map[string]string{}}
	for {
		d.ID = newID()
		// Only an id whose file exists is taken. Any other answer (the
		// directory gone or unusable) ends the search: the save will say
		// what is wrong; looping would hang.
		if _, err := os.Stat(s.path(d.ID)); err != nil {
			break
		}
	}
	switch kind {
	case PartnerCustomer:
		d.Partner = &client.PartnerCustomerCreateRequest{}
	case BeaconUser:
		d.Beacon = &client.BeaconUserCreateRequest{}
	}
	return d
}

// Summary is a draft as the list shows it.
type Summary struct {
	ID        string
	Kind      Kind
	Title     string
	Step      string
	CreatedAt time.Time
	UpdatedAt time.Time
	// Revision counts the draft's saves.
	Revision int64
	// Batch is the import the draft came from, if any, and BatchIndex
	// its place there.
	Batch      string
	BatchIndex int
	// LastSubmission is the latest submission, if any.
	LastSubmission *Submission
}

// Quarantined is a draft file that could not be read and was moved aside.
type Quarantined struct {
	File    string // where it was
	MovedTo string
	Reason  string
}

// String says what happened, starting with words rather than the file's
// name (an error printer capitalises a message's first letter: g.json
// would read G.json).
func (q Quarantined) String() string {
	if q.MovedTo == "" {
		return fmt.Sprintf("the draft file %s is left in place: %s", filepath.Base(q.File), q.Reason)
	}
	return fmt.Sprintf("the draft file %s is unreadable (%s); moved to %s", filepath.Base(q.File), q.Reason, q.MovedTo)
}

// List returns the drafts, newest first. Files that cannot be read are
// moved to the corrupt/ subdirectory and reported, never fatal.
func (s *Store) List() ([]Summary, []Quarantined, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the drafts directory: %w", err)
	}
	s.sweepTemps()
	var out []Summary
	var bad []Quarantined
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(s.dir, name)
		d, err := readHead(path)
		if err == nil && d.ID+".json" != name {
			err = fmt.Errorf("the file name does not match its id %q", d.ID)
		}
		if err != nil {
			if errors.Is(err, ErrNewerSchema) {
				// Leave it for the newer program that wrote it.
				bad = append(bad, Quarantined{File: path, Reason: err.Error() + "; a newer plaid-onboard opens it"})
				continue
			}
			bad = append(bad, s.quarantine(path, err))
			continue
		}
		out = append(out, Summary{ID: d.ID, Kind: d.Kind, Title: d.DisplayTitle(), Step: d.Step,
			CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, Revision: d.Revision, Batch: d.Batch, BatchIndex: d.BatchIndex, LastSubmission: d.LastSubmission})
	}
	slices.SortFunc(out, func(a, b Summary) int {
		if c := b.UpdatedAt.Compare(a.UpdatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, bad, nil
}

// sweepTemps removes temporary files that a process killed mid-save left
// behind: those of drafts and of logos.
func (s *Store) sweepTemps() {
	atomicfile.Sweep(s.dir, s.now(), func(base string) bool {
		return strings.HasSuffix(base, ".json") || strings.HasSuffix(base, ".logo")
	})
}

// readHead reads the head of a draft file: what the list shows.
func readHead(path string) (*Draft, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read only
	if err := notTooBig(f); err != nil {
		return nil, err
	}
	return decodeHead(f)
}

// notTooBig refuses a file larger than any draft this program writes,
// before a byte of it is read.
func notTooBig(f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() > MaxDraftBytes {
		return fmt.Errorf("the file is %s, more than the %s a draft holds: plaid-onboard did not write it",
			humanBytes(int(fi.Size())), humanBytes(MaxDraftBytes))
	}
	return nil
}

func (s *Store) quarantine(path string, reason error) Quarantined {
	q := Quarantined{File: path, Reason: reason.Error()}
	dir := filepath.Join(s.dir, "corrupt")
	dest := filepath.Join(dir, fmt.Sprintf("%s.%s", filepath.Base(path), s.now().UTC().Format("20060102T150405.000000000")))
	if err := os.MkdirAll(dir, 0o700); err == nil {
		if err := os.Rename(path, dest); err == nil {
			q.MovedTo = dest
			return q
		}
	}
	q.MovedTo = "(could not move it: left in place)"
	return q
}

// Load reads a draft and opens its sealed fields. When the key is missing
// or wrong the draft still loads, with those fields empty and
// PIIUnreadable set.
func (s *Store) Load(id string) (*Draft, error) {
	if !validID(id) {
		return nil, fmt.Errorf("%w: %q is not a draft id", ErrNotFound, id)
	}
	path := s.path(id)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading draft %s: %w", id, err)
	}
	defer f.Close() //nolint:errcheck // read only
	if err := notTooBig(f); err != nil {
		return nil, fmt.Errorf("draft %s: %w", id, err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("reading draft %s: %w", id, err)
	}
	d, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("draft %s: %w", id, err)
	}
	if d.ID != id {
		return nil, fmt.Errorf("draft %s: the file holds draft %q", id, d.ID)
	}
	s.remember(id)
	s.unseal(d)
	s.restoreLogo(d)
	return d, nil
}

func (s *Store) unseal(d *Draft) {
	if !d.HasSensitive() {
		return
	}
	var sl *sealer
	if key, err := s.keys.Key(); err == nil {
		sl, _ = newSealer(key)
	}
	sensitive(d, func(path string, f *string) {
		plain, err := sl.open(d.ID, path, *f)
		if err != nil {
			d.PIIUnreadable = true
			plain = ""
		}
		*f = plain
	})
}

// SaveOptions change how a draft is written.
type SaveOptions struct {
	// NoPII leaves the sensitive fields out of the file (--no-save-pii).
	NoPII bool
}

// Save writes a draft atomically: a crash leaves the previous save or this
// one. If another process wrote the draft since this one read it, nothing
// is overwritten: the changes go to a new draft and a *ChangedError says
// which. d's Revision and UpdatedAt are advanced.
func (s *Store) Save(d *Draft, opt SaveOptions) error {
	if !validID(d.ID) {
		return fmt.Errorf("draft has no valid id (%q)", d.ID)
	}
	if s.changedElsewhere(d.ID) {
		// d becomes the copy, in place: the forms editing it hold pointers
		// into its request, so its content must stay the very same values
		// (replacing them, later edits would go to a request no save
		// writes).
		orig, origTitle := d.ID, d.Title
		d.ID = s.New(d.Kind).ID
		d.Title = strings.TrimSpace(d.Title + " (copy)")
		if err := s.write(d, opt); err != nil {
			d.ID, d.Title = orig, origTitle
			return err
		}
		return &ChangedError{ID: orig, CopyID: d.ID}
	}
	return s.write(d, opt)
}

func (s *Store) write(d *Draft, opt SaveOptions) error {
	out := d.Clone()
	out.Revision++
	out.UpdatedAt = s.now().UTC()
	// Still omitted while --no-save-pii drops fields, or dropped them before.
	out.PIIOmitted = opt.NoPII && (out.HasSensitive() || d.PIIOmitted)
	if out.HasSensitive() {
		if opt.NoPII {
			sensitive(out, func(_ string, f *string) { *f = "" })
		} else {
			key, err := s.keys.Key()
			if err != nil {
				return fmt.Errorf("saving draft %s: %w", d.ID, err)
			}
			sl, err := newSealer(key)
			if err != nil {
				return err
			}
			sensitive(out, func(path string, f *string) { *f = sl.seal(d.ID, path, *f) })
		}
	}
	logo, err := s.stashLogo(out)
	if err != nil {
		return err
	}
	out.LogoFile = logo
	b, err := encode(out)
	if err != nil {
		return fmt.Errorf("encoding draft %s: %w", d.ID, err)
	}
	if err := atomicfile.Write(s.path(d.ID), b, 0o600); err != nil {
		return fmt.Errorf("saving draft %s: %w", d.ID, err)
	}
	s.remember(d.ID)
	s.dropOldLogos(d.ID, logo)
	d.Revision, d.UpdatedAt, d.Schema, d.LogoFile = out.Revision, out.UpdatedAt, CurrentSchema, logo
	return nil
}

func (s *Store) remember(id string) {
	fi, err := os.Stat(s.path(id))
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.seen[id] = fi
	}
}

// changedElsewhere compares the file with what this process last read or
// wrote: a stat, not a read, so an autosave of a 5 MB draft costs no more.
func (s *Store) changedElsewhere(id string) bool {
	s.mu.Lock()
	seen, known := s.seen[id]
	s.mu.Unlock()
	fi, err := os.Stat(s.path(id))
	if errors.Is(err, os.ErrNotExist) {
		return false // new, or deleted elsewhere: writing it back loses nothing
	}
	if !known || err != nil {
		return known
	}
	return !os.SameFile(fi, seen) || !fi.ModTime().Equal(seen.ModTime()) || fi.Size() != seen.Size()
}

// Has says whether a draft is on disk.
func (s *Store) Has(id string) bool {
	if !validID(id) {
		return false
	}
	_, err := os.Stat(s.path(id))
	return err == nil
}

// Delete removes a draft.
func (s *Store) Delete(id string) error {
	if !validID(id) {
		return fmt.Errorf("%w: %q is not a draft id", ErrNotFound, id)
	}
	err := os.Remove(s.path(id))
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	_ = os.Remove(s.lockPath(id)) // a lock file left behind is taken again harmlessly
	s.dropOldLogos(id, "")
	return err
}

func (s *Store) lockPath(id string) string { return filepath.Join(s.dir, "."+id+".lock") }

// Lock marks a draft as open in this process until the returned function
// is called. A second window opening the same draft gets ErrInUse. The
// kernel drops the lock if the process dies, so a crash leaves no stale
// lock behind.
func (s *Store) Lock(id string) (func(), error) {
	unlock, err := filelock.Lock(s.lockPath(id), 0)
	if errors.Is(err, filelock.ErrTimeout) {
		return nil, fmt.Errorf("draft %s: %w", id, ErrInUse)
	}
	return unlock, err
}
