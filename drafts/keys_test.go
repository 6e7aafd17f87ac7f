package drafts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

func TestKeyringHoldsTheKey(t *testing.T) {
	keyring.MockInit()
	file := filepath.Join(t.TempDir(), "config", "drafts.key")
	k := &Keys{File: file, UseKeyring: true}
	key, err := k.Key()
	if err != nil || len(key) != 32 || k.Where() != "the OS keyring" {
		t.Fatalf("key %d bytes, %v, where %s", len(key), err, k.Where())
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Error("a key file was written although the keyring worked")
	}
	again, _ := (&Keys{File: file, UseKeyring: true}).Key()
	if !bytes.Equal(key, again) {
		t.Error("the keyring's key changed between runs")
	}
}

func TestKeyFileFallbackWithOneTimeNotice(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config", "drafts.key")
	var notices []string
	k := &Keys{File: file, UseKeyring: false, Notice: func(s string) { notices = append(notices, s) }}
	key, err := k.Key()
	if err != nil || len(key) != 32 {
		t.Fatal(err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], file) {
		t.Fatalf("notices %v", notices)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %v", fi.Mode().Perm())
		}
		if fi, _ := os.Stat(filepath.Dir(file)); fi.Mode().Perm() != 0o700 {
			t.Errorf("key dir mode %v", fi.Mode().Perm())
		}
	}
	k2 := &Keys{File: file, UseKeyring: true, Notice: func(s string) { notices = append(notices, s) }}
	key2, _ := k2.Key()
	if !bytes.Equal(key, key2) || len(notices) != 1 {
		t.Errorf("the existing file must win, without a second notice (notices %d)", len(notices))
	}
}

func TestDamagedKeyFileIsNotReplaced(t *testing.T) {
	file := filepath.Join(t.TempDir(), "drafts.key")
	os.WriteFile(file, []byte("short"), 0o600)
	if _, err := (&Keys{File: file}).Key(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "short" {
		t.Error("a damaged key file was overwritten (drafts sealed with it would be lost for good)")
	}
}

func TestTimeBoxGivesUp(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	_, err := timeBoxed(time.Millisecond, func() (string, error) { <-release; return "", nil })
	if !errors.Is(err, errKeyringTimeout) {
		t.Fatalf("a keyring that never answers: %v", err)
	}
}
