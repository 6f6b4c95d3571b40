package reload

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestLiveInjectsScript(t *testing.T) {
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "" {
			t.Error("the page was asked for compressed")
		}
		if r.URL.Path == "/gaya.css" {
			w.Header().Set("Content-Type", "text/css")
			io.WriteString(w, "body{}")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"x"`)
		io.WriteString(w, "<!DOCTYPE html><title>t</title><body><p>isi</p></body></html>")
	})
	srv := httptest.NewServer(New().Wrap(site))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `<script src="/_naskah/live.js" defer></script></body>`) {
		t.Errorf("page: %s", body)
	}
	if res.Header.Get("ETag") != "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers: %v", res.Header)
	}
	res, err = http.Get(srv.URL + "/gaya.css")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if string(body) != "body{}" {
		t.Errorf("a stylesheet was changed: %q", body)
	}
	res, err = http.Get(srv.URL + "/_naskah/live.js")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("live.js: %v %v", res, err)
	}
	res.Body.Close()
}

func TestLiveEvents(t *testing.T) {
	live := New()
	srv := httptest.NewServer(live.Wrap(http.NotFoundHandler()))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/_naskah/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	lines := bufio.NewScanner(res.Body)
	next := func() string {
		for lines.Scan() {
			if l := lines.Text(); strings.HasPrefix(l, "data: ") {
				return l
			}
		}
		t.Fatal("the stream ended")
		return ""
	}
	if got := next(); got != `data: {"build":0,"error":""}` {
		t.Errorf("first state %q", got)
	}
	live.Failed("content/a/k/v1.md:2: wajib diisi: title")
	if got := next(); got != `data: {"build":0,"error":"content/a/k/v1.md:2: wajib diisi: title"}` {
		t.Errorf("after a failed build %q", got)
	}
	live.Built()
	if got := next(); got != `data: {"build":1,"error":""}` {
		t.Errorf("after a good build %q", got)
	}
}
