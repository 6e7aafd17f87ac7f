//go:build linux

package emulator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Every file of a new store is the user's alone from its first byte: in a
// shared directory, a file created with the usual 0644 and tightened
// afterwards can be opened by anyone in between (and an open file stays
// readable). A watcher reads each file's mode the moment inotify says it
// was created.
func TestStoreFilesArePrivateFromTheFirstByte(t *testing.T) {
	old := syscall.Umask(0o022) // the usual umask, whatever the test runner's
	defer syscall.Umask(old)
	dir := t.TempDir()
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC)
	if err != nil {
		t.Skip("no inotify:", err)
	}
	defer unix.Close(fd)
	if _, err := unix.InotifyAddWatch(fd, dir, unix.IN_CREATE); err != nil {
		t.Fatal(err)
	}
	modes := make(chan map[string]os.FileMode)
	go func() {
		seen := map[string]os.FileMode{}
		defer func() { modes <- seen }()
		buf := make([]byte, 64<<10)
		for {
			n, err := unix.Read(fd, buf)
			if n <= 0 || err != nil {
				return
			}
			for off := 0; off < n; {
				ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
				start := off + unix.SizeofInotifyEvent
				name := string(bytes.TrimRight(buf[start:start+int(ev.Len)], "\x00"))
				off = start + int(ev.Len)
				if name == "stop" {
					return
				}
				if fi, err := os.Lstat(filepath.Join(dir, name)); err == nil {
					if _, done := seen[name]; !done {
						seen[name] = fi.Mode().Perm()
					}
				}
			}
		}
	}()
	h := start(t, Options{StatePath: filepath.Join(dir, "demo.db")})
	if _, err := h.cli.CreateBeaconUser(ctx, person("Donna", "Meagle", "1975-06-06")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stop"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	seen := <-modes
	for _, name := range []string{"demo.db", "demo.db-wal", "demo.db-shm"} {
		if _, ok := seen[name]; !ok {
			t.Errorf("%s was not seen created (seen: %v)", name, seen)
		}
	}
	for name, mode := range seen {
		if strings.HasPrefix(name, "demo.db") && mode != 0o600 {
			t.Errorf("%s was created %v: readable by others until it is tightened", name, mode)
		}
	}
}
