package catalog

import "naskah/internal/legal"

// AsOf is the status of every version as of one day, reckoned from the
// catalog by legal.Reckon, the rule the build applies: a server that runs
// from the data directory alone answers for the day it is asked on, not the
// day the site was built.
type AsOf struct {
	Day     legal.Date
	states  map[*Version]legal.State
	current map[*Policy]*Version
}

// AsOf reckons the status of every version as of day.
func (c *Catalog) AsOf(day legal.Date) *AsOf {
	a := &AsOf{Day: day, states: map[*Version]legal.State{}, current: map[*Policy]*Version{}}
	for _, r := range c.Regions {
		for _, p := range r.Policies {
			states, cur := legal.Reckon(p.entries(), p.revocations(), day)
			for i, v := range p.Versions {
				a.states[v] = states[i]
			}
			if len(p.Versions) > 0 {
				a.current[p] = p.Versions[cur]
			}
		}
	}
	return a
}

// State is v's status on the day.
func (a *AsOf) State(v *Version) string {
	if st, ok := a.states[v]; ok {
		return string(st)
	}
	return v.Status
}

// Current is p's current version on the day.
func (a *AsOf) Current(p *Policy) *Version { return a.current[p] }

// InForceOn returns the version of p in force on the day on (or, for a day to
// come, that will be), or nil when none is.
func (p *Policy) InForceOn(on legal.Date) *Version {
	i := legal.InForceOn(p.entries(), p.revocations(), on)
	if i < 0 {
		return nil
	}
	return p.Versions[i]
}

// NextChange returns the first day after day on which the status of some
// version changes: a version comes into force or a revocation takes effect.
func (c *Catalog) NextChange(day legal.Date) (legal.Date, bool) {
	var next legal.Date
	consider := func(s string) {
		d, err := legal.ParseDate(s)
		if err == nil && d.Compare(day) > 0 && (next.IsZero() || d.Compare(next) < 0) {
			next = d
		}
	}
	for _, r := range c.Regions {
		for _, p := range r.Policies {
			for _, v := range p.Versions {
				if v.Standing != string(legal.Drafted) {
					consider(v.Date)
				}
			}
			for _, d := range p.Revocations {
				consider(d)
			}
		}
	}
	return next, !next.IsZero()
}

func (p *Policy) entries() []legal.Entry {
	out := make([]legal.Entry, len(p.Versions))
	for i, v := range p.Versions {
		d, _ := legal.ParseDate(v.Date)
		out[i] = legal.Entry{Date: d, Standing: legal.Standing(v.Standing)}
	}
	return out
}

func (p *Policy) revocations() []legal.Date {
	out := make([]legal.Date, len(p.Revocations))
	for i, s := range p.Revocations {
		out[i], _ = legal.ParseDate(s)
	}
	return out
}
