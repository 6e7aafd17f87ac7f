package drafts

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// A partner draft's logo is up to 5.3 MB of base64. Written into the draft
// on every autosave it would cost ~50 ms and megabytes of disk writes per
// pause in typing, so it lives beside the draft in a file named by its
// content, written only when the logo changes; the draft names it. The new
// logo file is written before the draft that names it, and old ones are
// removed after, so a crash at any point leaves the draft naming a logo
// file that exists.

func (s *Store) logoPath(id, sum string) string {
	return filepath.Join(s.dir, id+"."+sum+".logo")
}

func logoSum(logo string) string {
	h := sha256.Sum256([]byte(logo))
	return hex.EncodeToString(h[:8])
}

// stashLogo moves the logo out of the copy being written and into its own
// file, returning the name to record.
func (s *Store) stashLogo(out *Draft) (string, error) {
	if out.Partner == nil || out.Partner.Logo == "" {
		return "", nil
	}
	sum := s.cachedLogoSum(out.Partner.Logo)
	path := s.logoPath(out.ID, sum)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := atomicfile.Write(path, []byte(out.Partner.Logo), 0o600); err != nil {
			return "", fmt.Errorf("saving the logo of draft %s: %w", out.ID, err)
		}
	}
	out.Partner.Logo = ""
	return sum, nil
}

// dropOldLogos removes the logo files of id other than keep.
func (s *Store) dropOldLogos(id, keep string) {
	matches, _ := filepath.Glob(filepath.Join(s.dir, id+".*.logo"))
	for _, m := range matches {
		if keep == "" || filepath.Base(m) != filepath.Base(s.logoPath(id, keep)) {
			_ = os.Remove(m) // an old logo file: gone or not, the draft names the new one
		}
	}
}

// restoreLogo reads the logo file a draft names. A missing or altered file
// leaves the logo empty and sets LogoMissing; the form then asks again.
func (s *Store) restoreLogo(d *Draft) {
	if d.LogoFile == "" || d.Partner == nil {
		return
	}
	b, err := readAtMost(s.logoPath(d.ID, d.LogoFile), maxLogoFile)
	if err != nil || logoSum(string(b)) != d.LogoFile || strings.ContainsAny(d.LogoFile, `/\.`) {
		d.LogoMissing = true
		return
	}
	d.Partner.Logo = string(b)
}

// cachedLogoSum hashes a logo once: an autosave after a keystroke
// elsewhere saves the very same logo string, which compares equal to the
// last one at once (Go compares a string with itself without reading
// it), so 5 MB are not hashed again.
func (s *Store) cachedLogoSum(logo string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastLogoSum == "" || s.lastLogo != logo {
		s.lastLogo, s.lastLogoSum = logo, logoSum(logo)
	}
	return s.lastLogoSum
}

// maxLogoFile bounds a logo file: the base64 of the largest logo Plaid
// takes. A larger file was not written by this program.
const maxLogoFile = (validate.LogoMaxBytes + 2) / 3 * 4

// readAtMost reads a file that must not be larger than limit.
func readAtMost(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only
	if fi, err := f.Stat(); err != nil || fi.Size() > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return io.ReadAll(f)
}
