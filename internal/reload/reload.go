// Package reload is the live preview's reload of open pages: a script injected
// into every HTML page listens to Server-Sent Events and reloads the page after a
// good build, or shows the problems of a failed one over the page until they are
// fixed. It is a leaf used only by naskah serve -watch; package watch decides when
// to rebuild.
package reload

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Path is where the preview's script and event stream live; it starts with an
// underscore so that it can never be a region's slug.
const Path = "/_naskah/"

//go:embed live.js
var liveJS []byte

// Reloader tells open pages of the preview when to reload, and shows a build
// error over every page until it is fixed. It sends Server-Sent Events; the
// script it injects into HTML pages listens to them.
type Reloader struct {
	mu    sync.Mutex
	state liveState
	subs  map[chan liveState]struct{}
}

type liveState struct {
	Build int    `json:"build"` // counts good builds
	Error string `json:"error"` // the last build's problems, "" when it was good
}

// New returns a Reloader with no build yet.
func New() *Reloader { return &Reloader{subs: map[chan liveState]struct{}{}} }

// Built tells open pages that a build succeeded: they reload.
func (l *Reloader) Built() { l.set(func(s *liveState) { s.Build++; s.Error = "" }) }

// Failed tells open pages that a build failed with msg: they show it.
func (l *Reloader) Failed(msg string) { l.set(func(s *liveState) { s.Error = msg }) }

func (l *Reloader) set(change func(*liveState)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	change(&l.state)
	for ch := range l.subs {
		select {
		case ch <- l.state:
		default: // a slow page catches up with the next state
		}
	}
}

func (l *Reloader) subscribe() (chan liveState, liveState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ch := make(chan liveState, 1)
	l.subs[ch] = struct{}{}
	return ch, l.state
}

func (l *Reloader) unsubscribe(ch chan liveState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.subs, ch)
}

// Wrap serves the preview's script and events, and injects the script into every
// HTML page that next serves. Pages are served fresh: no compression, no
// validators, so that a reload always shows the last build.
func (l *Reloader) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case Path + "live.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write(liveJS)
			return
		case Path + "events":
			l.events(w, r)
			return
		}
		r = r.Clone(r.Context())
		for _, h := range []string{"Accept-Encoding", "If-None-Match", "If-Modified-Since"} {
			r.Header.Del(h)
		}
		rec := &pageRecorder{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		rec.flush(w, r.Method == http.MethodHead)
	})
}

// events streams the state: at once, then after every change.
func (l *Reloader) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, state := l.subscribe()
	defer l.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		data, _ := json.Marshal(state)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", data); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case state = <-ch:
		case <-ping.C:
			state = l.current()
		}
	}
}

func (l *Reloader) current() liveState {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state
}

// pageRecorder holds a response so that the script can be injected into HTML.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }

var liveTag = []byte(`<script src="` + Path + `live.js" defer></script>`)

func (p *pageRecorder) flush(w http.ResponseWriter, head bool) {
	body := p.body.Bytes()
	if strings.HasPrefix(p.header.Get("Content-Type"), "text/html") {
		if i := bytes.LastIndex(body, []byte("</body>")); i >= 0 {
			body = append(body[:i:i], append(liveTag, body[i:]...)...)
		}
	}
	for k, v := range p.header {
		w.Header()[k] = v
	}
	w.Header().Del("ETag")
	w.Header().Del("Last-Modified")
	w.Header().Set("Cache-Control", "no-store")
	if !head {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(p.status)
	if !head {
		w.Write(body)
	}
}
