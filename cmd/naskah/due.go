package main

import (
	"context"
	"time"

	"naskah/internal/legal"
)

// A clock is what the serve loop reads the time from and waits on; tests give
// it a fake one.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// maxWait bounds one wait of whenDue, so that a clock set forward, or a
// machine that slept, is noticed within the hour.
const maxWait = time.Hour

// whenDue calls due at the start (00:00 WIB) of each day on which a scheduled
// change of status comes due, with the day it is then, until ctx is done or
// next says no change is scheduled. next is asked again after each call.
func whenDue(ctx context.Context, c clock, next func() (legal.Date, bool), due func(today legal.Date)) {
	for {
		day, ok := next()
		if !ok {
			return
		}
		for {
			wait := day.Start().Sub(c.Now())
			if wait <= 0 {
				break
			}
			select {
			case <-ctx.Done():
				return
			case <-c.After(min(wait, maxWait)):
			}
		}
		if ctx.Err() != nil {
			return
		}
		due(legal.Today(c.Now()))
	}
}
