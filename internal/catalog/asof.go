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

// A Lapse says why no version of a policy is in force on a day.
type Lapse struct {
	// Revoked is whether the policy had been revoked by then: from the day
	// RevokedOn (zero: from the start), by the version By, of another policy
	// or the policy's own version that revokes it; By is nil when the catalog
	// does not name it.
	Revoked   bool
	RevokedOn legal.Date
	By        *Version
	// First is, for a policy not yet in force, its first version to take
	// effect; nil when it has no version that does.
	First *Version
}

// Lapse tells why no version of p is in force on the day on, by the rule of
// legal.Reckon: a revocation that has taken effect (the first, when there
// are several), else the policy's own revoking version in force, else that
// its first version is still to come. Call it when p.InForceOn(on) is nil.
func (c *Catalog) Lapse(p *Policy, on legal.Date) Lapse {
	var l Lapse
	for _, d := range p.revocations() {
		if legal.InEffect(d, on) && (!l.Revoked || d.Compare(l.RevokedOn) < 0) {
			l.Revoked, l.RevokedOn = true, d
		}
	}
	if l.Revoked {
		l.By = c.revoker(p, l.RevokedOn)
		return l
	}
	var last *Version
	for i, e := range p.entries() {
		switch {
		case e.Standing == legal.Drafted:
		case legal.InEffect(e.Date, on):
			last = p.Versions[i]
		case l.First == nil:
			l.First = p.Versions[i]
		}
	}
	if last != nil && last.Standing == string(legal.Withdrawn) {
		l.Revoked, l.By, l.First = true, last, nil
		l.RevokedOn, _ = legal.ParseDate(last.Date)
	}
	return l
}

// revoker is the version of another policy that revokes p from the day on,
// as the inverse relations of p's versions name it; nil if none does.
func (c *Catalog) revoker(p *Policy, on legal.Date) *Version {
	for _, v := range p.Versions {
		for _, r := range v.Relations {
			ref, err := legal.ParseRef(r.Ref)
			if r.Kind != "revoked-by" || err != nil {
				continue
			}
			if by := c.Version(ref.Region, ref.Policy, ref.Version); by != nil {
				if d, _ := legal.ParseDate(by.Date); d == on {
					return by
				}
			}
		}
	}
	return nil
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
