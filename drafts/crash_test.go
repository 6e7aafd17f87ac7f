package drafts

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// The crash test runs this test binary again as a writer (TestMain sees
// DRAFTS_CRASH_WRITER) that saves two drafts in a loop — a sealed Beacon
// draft and a partner draft whose logo changes — printing the counter of
// each save once Save has returned, until it is killed.
func TestMain(m *testing.M) {
	if os.Getenv("DRAFTS_CRASH_WRITER") != "" {
		crashWriter(os.Getenv("DRAFTS_DIR"), strings.Split(os.Getenv("DRAFTS_IDS"), ","))
		os.Exit(0)
	}
	if os.Getenv("DRAFTS_KEY_RACER") != "" {
		keyRacer(os.Getenv("DRAFTS_DIR"), os.Getenv("DRAFTS_KEY_FILE"))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func crashWriter(dir string, ids []string) {
	s, err := Open(dir, testKey)
	if err != nil {
		panic(err)
	}
	var ds []*Draft
	for _, id := range ids {
		d, err := s.Load(id)
		if err != nil {
			panic(err)
		}
		ds = append(ds, d)
	}
	n, _ := strconv.Atoi(ds[0].UI["n"])
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "ready")
	out.Flush()
	for {
		n++
		for _, d := range ds {
			d.UI["n"] = strconv.Itoa(n)
			if d.Beacon != nil {
				d.Beacon.User.Name.FamilyName = fmt.Sprintf("Edit%07d", n)
			}
			if d.Partner != nil && n%5 == 0 {
				d.Partner.Logo = samples.LogoBase64() + strings.Repeat("A", 4*(n%7))
			}
			if err := s.Save(d, SaveOptions{}); err != nil {
				panic(err)
			}
		}
		fmt.Fprintln(out, n) // both drafts hold n
		out.Flush()
	}
}

// keyRacer is a first run: it waits for the go (a line on stdin), then
// saves a draft with a sealed date of birth, making the key if there is
// none, and prints the draft's id.
func keyRacer(dir, keyFile string) {
	s, err := Open(dir, &Keys{File: keyFile})
	if err != nil {
		panic(err)
	}
	bufio.NewReader(os.Stdin).ReadString('\n')
	d := beaconDraft(s)
	if err := s.Save(d, SaveOptions{}); err != nil {
		panic(err)
	}
	fmt.Println(d.ID)
}

// Three programs started at once on a machine with no key yet: each seals
// a date of birth. Exactly one key must come out of it, so every draft
// opens afterwards.
func TestFirstRunsAgreeOnOneKey(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("helper processes")
	}
	rounds := 20
	if testing.Short() {
		rounds = 5
	}
	for round := range rounds {
		root := t.TempDir()
		dir, keyFile := filepath.Join(root, "drafts"), filepath.Join(root, "config", "drafts.key")
		var cmds []*exec.Cmd
		var outs []*strings.Builder
		var gos []io.WriteCloser
		for range 3 {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "DRAFTS_KEY_RACER=1", "DRAFTS_DIR="+dir, "DRAFTS_KEY_FILE="+keyFile)
			out := &strings.Builder{}
			cmd.Stdout, cmd.Stderr = out, out
			in, _ := cmd.StdinPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, outs, gos = append(cmds, cmd), append(outs, out), append(gos, in)
		}
		for _, in := range gos {
			in.Write([]byte("go\n"))
			in.Close()
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("round %d: racer %d: %v\n%s", round, i, err, outs[i])
			}
		}
		s, err := Open(dir, &Keys{File: keyFile})
		if err != nil {
			t.Fatal(err)
		}
		for i, out := range outs {
			d, err := s.Load(strings.TrimSpace(out.String()))
			if err != nil {
				t.Fatalf("round %d: racer %d's draft: %v", round, i, err)
			}
			if d.PIIUnreadable || d.Beacon.User.DateOfBirth == "" {
				t.Fatalf("round %d: racer %d sealed its date of birth with a key that was then replaced", round, i)
			}
		}
	}
}

// TestCrashMidAutosave kills a writer at random moments, many times, and
// loads the drafts after each kill: none may be broken, and none may have
// lost a save the writer finished. PLAID_ONBOARD_STRESS=1 runs 1,000 kills.
func TestCrashMidAutosave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL")
	}
	rounds := 120
	if os.Getenv("PLAID_ONBOARD_STRESS") != "" {
		rounds = 1000
	}
	if testing.Short() {
		rounds = 20
	}
	dir := filepath.Join(t.TempDir(), "drafts")
	s, err := Open(dir, testKey)
	if err != nil {
		t.Fatal(err)
	}
	b := beaconDraft(s)
	b.UI["n"] = "0"
	p := s.New(PartnerCustomer)
	p.Partner = samples.PartnerCreate()
	p.UI["n"] = "0"
	s.Save(b, SaveOptions{})
	s.Save(p, SaveOptions{})

	// The writer's $TMPDIR is on the same filesystem as the drafts: the
	// temporary files of its saves must still stay in the drafts'
	// private directory (and be swept from there), never land in it.
	tmpdir := filepath.Join(t.TempDir(), "tmp")
	os.MkdirAll(tmpdir, 0o700)
	acked := 0
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "DRAFTS_CRASH_WRITER=1", "DRAFTS_DIR="+dir, "DRAFTS_IDS="+b.ID+","+p.ID, "TMPDIR="+tmpdir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var wg sync.WaitGroup
		ready := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if sc.Text() == "ready" {
					close(ready)
					continue
				}
				if n, err := strconv.Atoi(sc.Text()); err == nil {
					mu.Lock()
					acked = max(acked, n)
					mu.Unlock()
				}
			}
		}()
		// Most kills land while saving (a pair of saves takes a few
		// milliseconds); one in ten lands anywhere, start-up included.
		if round%10 != 0 {
			select {
			case <-ready:
			case <-time.After(patience):
				t.Fatalf("round %d: the writer did not start", round)
			}
			time.Sleep(time.Duration(rng.IntN(8_000)) * time.Microsecond)
		} else {
			time.Sleep(time.Duration(rng.IntN(30_000)) * time.Microsecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		wg.Wait()

		for _, id := range []string{b.ID, p.ID} {
			d, err := s.Load(id)
			if err != nil {
				t.Fatalf("round %d: draft %s is broken after a kill: %v", round, id, err)
			}
			if d.PIIUnreadable || d.LogoMissing {
				t.Fatalf("round %d: draft %s lost sealed data or its logo", round, id)
			}
			n, _ := strconv.Atoi(d.UI["n"])
			// Every acknowledged save must be on disk. A draft may be
			// ahead (a save finished, the kill came before its
			// acknowledgement), never behind.
			if n < acked {
				t.Fatalf("round %d: draft %s holds save %d, but the writer had acknowledged %d", round, id, n, acked)
			}
			if id == b.ID && n > 0 && d.Beacon.User.Name.FamilyName != fmt.Sprintf("Edit%07d", n) {
				t.Fatalf("round %d: counter %d but name %q: a torn save", round, n, d.Beacon.User.Name.FamilyName)
			}
		}
	}
	if left, _ := os.ReadDir(tmpdir); len(left) > 0 {
		t.Errorf("%d files left in $TMPDIR, outside the private directory (first %s)", len(left), left[0].Name())
	}
	// Temporaries killed halfway are swept once stale.
	s.SetClock(func() time.Time { return time.Now().Add(time.Hour) })
	list, bad, err := s.List()
	if err != nil || len(bad) != 0 || len(list) != 2 {
		t.Fatalf("after %d kills: %d drafts, unreadable %v, %v", rounds, len(list), bad, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), ".lock") {
			t.Errorf("a stale temporary is left after listing: %s", e.Name())
		}
	}
	t.Logf("%d kills, %d saves acknowledged, no draft broken or behind", rounds, acked)
}
