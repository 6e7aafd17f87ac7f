package emulator

import (
	"bufio"
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
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
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

// However many connections stall, only MaxConns are held at once; the
// others wait in the kernel's queue, and a good request is answered once
// a stalled one is let go.
func TestConnectionsAreBounded(t *testing.T) {
	const limit = 8
	var mu sync.Mutex
	open, most := 0, 0
	addr := serveForTest(t, ServerOptions{ReadTimeout: 50 * time.Millisecond, MaxConns: limit,
		ConnState: func(_ net.Conn, s http.ConnState) {
			mu.Lock()
			defer mu.Unlock()
			switch s {
			case http.StateNew:
				open++
				most = max(most, open)
			case http.StateClosed, http.StateHijacked:
				open--
			}
		}})
	var conns []net.Conn
	for range 200 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("POST /beacon/user/get HTTP/1.1\r\n")) // and nothing more
		conns = append(conns, c)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	resp, err := (&http.Client{Timeout: patience}).Post("http://"+addr+"/beacon/user/get", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	mu.Lock()
	defer mu.Unlock()
	// The server frees a closing connection's slot just before it reports
	// the connection closed, so a new one may be reported open first: the
	// count seen here can lead the listener's by one.
	if most > limit+1 {
		t.Fatalf("%d connections were held at once, more than %d", most, limit)
	}
}
