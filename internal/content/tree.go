package content

import (
	"naskah/internal/legal"
)

// A Tree is the whole content of a site.
type Tree struct {
	Site     Site
	Regions  []Region  // sorted by slug
	Warnings []Problem // problems that do not stop the site from being built
	// Thesaurus is the bytes of the site's thesaurus of search (ThesaurusFile
	// in the root), nil when it has none; the build reads it, as package
	// search defines its format. ThesaurusPath is its display path.
	Thesaurus     []byte
	ThesaurusPath string
}

// ThesaurusFile is the name of a site's thesaurus of search in the root of
// the content directory.
const ThesaurusFile = "_sinonim.txt"

// A Site is read from the _index.md at the root of the content directory.
// Its front matter keys are title (required), description, base_url (an
// absolute http or https URL) and language (two or three lowercase letters,
// "id" when absent). The body of the file is not used.
type Site struct {
	Title       string
	Description string
	BaseURL     string
	Language    string
	Path        string // display path of _index.md
	Raw         []byte // the file's bytes as read
}

// A Region is a regency, city or province, read from {region}/_index.md. Its
// front matter keys are name (required), kind (required: kabupaten, kota or
// provinsi), province and fictional (true for an example region that exists
// nowhere, which every page of it then says). The body is a short description
// in Markdown.
type Region struct {
	Slug     string // directory name
	Name     string
	Kind     string
	Province string
	// Fictional marks an example region: its pages say it exists nowhere, and
	// its instruments are not fed to JDIHN.
	Fictional bool
	Body      []byte
	BodyLine  int      // line of the file at which Body starts
	Path      string   // display path of _index.md
	Raw       []byte   // the bytes of _index.md as read; Body is a part of them
	Policies  []Policy // sorted by slug
}

// A Policy is a directory of versions of one policy document.
type Policy struct {
	Slug     string    // directory name
	Path     string    // display path of the directory
	Versions []Version // oldest first; see [Load]
	// Files are the files beside the versions that they publish: the
	// originals they name and the images, sorted by name.
	Files []File
}

// A Version is one version of a policy, read from {region}/{policy}/{slug}.md.
//
// Its front matter keys are title (required), version (a label; the file's
// slug when absent), date ("YYYY-MM-DD" or "YYYY-MM"), status (draft,
// published or revoked; published when absent), summary, tags (a list of
// slugs), number (the official document number), source (an absolute http
// or https URL of the official publication) and note.
type Version struct {
	Slug     string // file name without ".md"
	Path     string // display path of the file
	Title    string
	Label    string // the version key, or Slug when absent
	Summary  string
	Source   string
	Note     string
	Date     legal.Date
	Status   Status
	Tags     []string
	Form     Form   // how Body is read
	Body     []byte // Markdown after the front matter
	BodyLine int    // line of the file at which Body starts
	DateLine int    // line of the date key; 0 when there is none
	Raw      []byte // the file's bytes as read; Body is a part of them
	Instrument
	Relations []Relation
	// Images are the names of the files of the policy that the body shows,
	// in the order it first shows them; set by [Tree.ShowImages].
	Images []string
}

// A Form is how the body of a version is read.
type Form string

// The forms of a body.
const (
	Prose     Form = "prose"     // sections under headings, and paragraphs
	Peraturan Form = "peraturan" // the units of a regulation: BAB, Pasal, ayat, huruf
)

var forms = []string{string(Prose), string(Peraturan)}

// A Status says whether a version is in force.
type Status string

// The statuses a version can have.
const (
	Draft     Status = "draft"     // not yet in force
	Published Status = "published" // in force or historical
	Revoked   Status = "revoked"   // withdrawn
)
