package emulator

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// patience bounds a wait for something that must happen; it asserts
// nothing about speed.
const patience = 2 * time.Minute

func serveForTest(t *testing.T, o ServerOptions) string {
	t.Helper()
	emu, err := New(Options{ClientID: testID, Secret: testSecret, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := Serve(ln, emu, o)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedByServer waits until the server closes conn (a read ends).
func closedByServer(t *testing.T, conn net.Conn, what string) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(patience))
	buf := make([]byte, 4096)
	for {
		if _, err := conn.Read(buf); err != nil {
			if ne := net.Error(nil); errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("%s: the server kept the connection for %v", what, patience)
			}
			return
		}
	}
}

// A body that stops coming, and a connection left idle, are let go.
func TestStalledClientsAreLetGo(t *testing.T) {
	addr := serveForTest(t, ServerOptions{ReadTimeout: 50 * time.Millisecond, IdleTimeout: 50 * time.Millisecond})

	stalled, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	fmt.Fprintf(stalled, "POST /beacon/user/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"beacon_")
	closedByServer(t, stalled, "a body that stopped")

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	fmt.Fprintf(idle, "POST /beacon/user/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
	resp, err := http.ReadResponse(bufio.NewReader(idle), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	closedByServer(t, idle, "an idle keep-alive connection")
}

// However many connections sit idle, at most MaxConns are kept: past it
// the oldest idle one is closed. So a good request is answered at once
// even when the idle ones would be let go only an hour later — a client
// that sends nothing never costs another its turn.
func TestIdleConnectionsNeverStarveOthers(t *testing.T) {
	const limit = 8
	var mu sync.Mutex
	changed := sync.NewCond(&mu)
	open := 0
	addr := serveForTest(t, ServerOptions{ReadTimeout: time.Hour, IdleTimeout: time.Hour, MaxConns: limit,
		ConnState: func(_ net.Conn, s http.ConnState) {
			mu.Lock()
			defer mu.Unlock()
			switch s {
			case http.StateNew:
				open++
			case http.StateClosed, http.StateHijacked:
				open--
			}
			changed.Broadcast()
		}})
	var conns []net.Conn
	for i := range 200 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			c.Write([]byte("POST /beacon/user/get HTTP/1.1\r\n")) // and nothing more
		}
		conns = append(conns, c)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	// Patience bounds a hang; before idle connections were shed, this
	// request waited for one of them to be let go (here, an hour).
	resp, err := (&http.Client{Timeout: patience}).Post("http://"+addr+"/beacon/user/get", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// The connections shed are closed at once; the server reports each
	// closed when its goroutine notices. Wait until it has.
	mu.Lock()
	defer mu.Unlock()
	for open > limit {
		changed.Wait()
	}
}
