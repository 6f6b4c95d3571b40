package site

import (
	"cmp"
	"slices"

	"naskah/internal/content"
	"naskah/internal/legal"
)

// An EventKind is what happens to a policy on a day of its timeline.
type EventKind string

// The events of a timeline, in the order those of one day are listed: a
// version is enacted, then promulgated, then takes effect; what it does to
// other instruments happens as it takes effect, and what others do to the
// policy last.
const (
	EventEnacted     EventKind = "enacted"     // ditetapkan
	EventPromulgated EventKind = "promulgated" // diundangkan
	EventInForce     EventKind = "in-force"    // mulai berlaku
	EventWithdrawn   EventKind = "withdrawn"   // a version that revokes its own policy: dicabut
	EventPlanned     EventKind = "planned"     // a draft's intended day: direncanakan berlaku
	// A relation the policy's version states, taking effect with it.
	EventAmends  EventKind = EventKind(Amends)  // mengubah
	EventRevokes EventKind = EventKind(Revokes) // mencabut
	// A relation another instrument states to the policy, taking effect with it.
	EventAmendedBy     EventKind = EventKind(AmendedBy)     // diubah dengan
	EventRevokedBy     EventKind = EventKind(RevokedBy)     // dicabut dengan
	EventImplementedBy EventKind = EventKind(ImplementedBy) // dilaksanakan dengan
)

var eventOrder = []EventKind{
	EventEnacted, EventPromulgated, EventInForce, EventWithdrawn, EventPlanned,
	EventAmends, EventRevokes, EventAmendedBy, EventRevokedBy, EventImplementedBy,
}

// An Event is one dated step in the life of a policy.
type Event struct {
	// Date is the day of the event; zero for one that holds from the start,
	// as an undated version does.
	Date legal.Date
	Kind EventKind
	// Version is the policy's version the event belongs to: the one enacted,
	// promulgated or taking effect, or stating the relation. For a relation
	// another instrument states, it is the version named, or nil when the
	// instrument names the policy as a whole.
	Version *Version
	// Name is how the other instrument of a relation event is named; empty
	// for the other events.
	Name string
	// URL is where the event leads: the page of the version concerned, the
	// other instrument's for a relation event; empty for the citation of an
	// instrument outside the site.
	URL string
	// Future marks an event after the day the timeline is drawn on.
	Future bool
}

// Timeline is every dated step of the policy's life, in order: each version
// enacted, promulgated and taking effect (a draft, on the day it is planned
// for), the amendments and revocations its versions make, and the
// amendments, revocations and implementations other instruments make of it,
// each on the day the relating version takes effect. Events without a date
// hold from the start, as undated versions do, and come first. A date left
// unstated is no event: the timeline shows what the content says, no more.
// now is the day events after which are marked Future.
func (p *Policy) Timeline(now legal.Date) []Event {
	var events []Event
	add := func(e Event) {
		e.Future = !e.Date.IsZero() && e.Date.Compare(now) > 0
		events = append(events, e)
	}
	for _, v := range p.Versions {
		for _, e := range versionEvents(v) {
			add(e)
		}
	}
	for _, e := range p.relatedBy() {
		add(e)
	}
	slices.SortStableFunc(events, func(a, b Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(slices.Index(eventOrder, a.Kind), slices.Index(eventOrder, b.Kind)))
	})
	return events
}

// versionEvents are the events of v itself and of the relations it states.
func versionEvents(v *Version) []Event {
	var out []Event
	if !v.Enacted.IsZero() {
		out = append(out, Event{Date: v.Enacted, Kind: EventEnacted, Version: v, URL: v.URL()})
	}
	if !v.Promulgated.IsZero() {
		out = append(out, Event{Date: v.Promulgated, Kind: EventPromulgated, Version: v, URL: v.URL()})
	}
	switch v.Status {
	case content.Draft:
		if !v.Date.IsZero() {
			out = append(out, Event{Date: v.Date, Kind: EventPlanned, Version: v, URL: v.URL()})
		}
		return out // a draft changes nothing
	case content.Revoked:
		out = append(out, Event{Date: v.Date, Kind: EventWithdrawn, Version: v, URL: v.URL()})
	default:
		out = append(out, Event{Date: v.Date, Kind: EventInForce, Version: v, URL: v.URL()})
	}
	for _, r := range v.Relations {
		if r.Kind == Amends || r.Kind == Revokes {
			out = append(out, Event{Date: v.Date, Kind: EventKind(r.Kind), Version: v, Name: r.Name(), URL: r.URL()})
		}
	}
	return out
}

// relatedBy are the amendments, revocations and implementations of p that
// other instruments state, once each: an instrument that names the policy
// gives every version the inverse relation, which is one event.
func (p *Policy) relatedBy() []Event {
	type key struct {
		kind RelationKind
		by   *Version
	}
	var keys []key
	named := map[key][]*Version{} // the versions of p that carry the relation
	for _, v := range p.Versions {
		for _, r := range v.Relations {
			if r.Version == nil || r.Policy == p || (r.Kind != AmendedBy && r.Kind != RevokedBy && r.Kind != ImplementedBy) {
				continue
			}
			k := key{r.Kind, r.Version}
			if _, ok := named[k]; !ok {
				keys = append(keys, k)
			}
			named[k] = append(named[k], v)
		}
	}
	out := make([]Event, 0, len(keys))
	for _, k := range keys {
		e := Event{Date: k.by.Date, Kind: EventKind(k.kind), Name: Relation{Policy: k.by.Policy, Version: k.by}.Name(), URL: k.by.URL()}
		if vs := named[k]; len(vs) == 1 && len(p.Versions) > 1 {
			e.Version = vs[0]
		}
		out = append(out, e)
	}
	return out
}
