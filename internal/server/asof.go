package server

import (
	"time"

	"naskah/internal/catalog"
	"naskah/internal/legal"
)

// asOf returns the status of every version as of the day of the request: the
// API answers for the day it is asked on, though the pages keep the status of
// the day they were built. It is reckoned once a day per state.
func (s *Server) asOf(st *state) *catalog.AsOf {
	today := legal.Today(s.now())
	if a := st.asOf.Load(); a != nil && a.Day == today {
		return a
	}
	a := st.cat.AsOf(today)
	st.asOf.Store(a)
	s.noteStale(st, today)
	return a
}

// noteStale logs, once per state and day, that the static pages are out of
// date: a status changed between the day they were built and today.
func (s *Server) noteStale(st *state, today legal.Date) {
	built, err := legal.ParseDate(st.cat.Now)
	if err != nil || today.Compare(built) <= 0 {
		return
	}
	due, ok := st.cat.NextChange(built)
	if !ok || due.Compare(today) > 0 {
		return
	}
	if st.staleLogged.Swap(true) {
		return
	}
	s.log.Warn("halaman statis sudah usang: status berubah sejak dibangun; bangun ulang (naskah build) setiap hari",
		"dibangun_per", built.String(), "berubah_per", due.String(), "hari_ini", today.String())
}

// now is the server's clock.
func (s *Server) now() time.Time {
	if s.clock != nil {
		return s.clock()
	}
	return time.Now()
}

// dataModTime is the Last-Modified of an answer that holds statuses: not
// before the start of the day they are reckoned for, so that a client's
// If-Modified-Since of yesterday does not keep yesterday's statuses.
func dataModTime(st *state, a *catalog.AsOf) time.Time {
	day := a.Day.Start()
	if day.After(st.modTime) {
		return day
	}
	return st.modTime
}

// NextChange returns the first day after the day after (zero: the day the
// served build holds on) on which a status changes, so that whoever runs the
// server can rebuild then.
func (s *Server) NextChange(after legal.Date) (legal.Date, bool) {
	st := s.acquire()
	defer st.release()
	if after.IsZero() {
		built, err := legal.ParseDate(st.cat.Now)
		if err != nil {
			return legal.Date{}, false
		}
		after = built
	}
	return st.cat.NextChange(after)
}

// CheckStale logs, once, that the pages are out of date if a change of status
// has come due since they were built.
func (s *Server) CheckStale() {
	st := s.acquire()
	defer st.release()
	s.asOf(st)
}
