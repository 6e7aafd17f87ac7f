//go:build unix

package drafts

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/fulldisk"
)

// On a full disk the key cannot be written: that is an error, and no
// empty key file is left in place (it would make every sealed field of
// every draft unreadable).
func TestKeyFileNotWrittenOnAFullDisk(t *testing.T) {
	if fulldisk.Child() {
		file := filepath.Join(os.Getenv("KEYDIR"), "drafts.key")
		k := &Keys{File: file}
		if _, err := k.Key(); err == nil {
			t.Fatal("no error, yet the key could not be written")
		}
		if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("a key file was left in place: %v", err)
		}
		return
	}
	fulldisk.Run(t, 0, "KEYDIR="+t.TempDir())
}
