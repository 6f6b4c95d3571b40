package search_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing/fstest"

	"naskah/internal/catalog"
	"naskah/internal/search"
)

// relevanceSet is testdata/relevance.json: queries with judged answers, and the
// floors that the ranking's figures must not fall below.
type relevanceSet struct {
	About      []string                  `json:"about"`
	Now        string                    `json:"now"` // the day the versions in force are reckoned by
	Corpus     rankCorpus                `json:"corpus"`
	Floor      rankFigures               `json:"floor"`
	Sets       map[string]*judgedGroup   `json:"sets"`
	Categories map[string]*judgedGroup   `json:"categories"`
	Queries    []judgedQuery             `json:"queries"`
	answers    map[string][]judgedAnswer // of each query, parsed
}

// rankCorpus sizes the generated part of the korpus set (see corpus.Options).
type rankCorpus struct {
	Regions  int    `json:"regions"`
	Policies int    `json:"policies"`
	Versions int    `json:"versions"`
	Words    int    `json:"words"`
	Seed     uint64 `json:"seed"`
}

// judgedGroup is a set or a category of queries, with its floors.
type judgedGroup struct {
	About string      `json:"about"`
	Floor rankFigures `json:"floor"`
}

// rankFigures are the two measures of a ranking, each a mean over queries.
type rankFigures struct {
	MRR    float64 `json:"mrr"`
	NDCG10 float64 `json:"ndcg10"`
}

// judgedQuery is a query as a reader types it, with the sections that answer it:
// "region/policy#section" to 2 for the section the reader wants, 1 for one
// that will do.
type judgedQuery struct {
	Query    string         `json:"query"`
	Category string         `json:"category"`
	Set      string         `json:"set"`
	Answers  map[string]int `json:"answers"`
	Note     string         `json:"note,omitempty"`
}

// judgedAnswer is a judged section.
type judgedAnswer struct {
	region, policy, section string
	grade                   int
}

func (a judgedAnswer) key() string { return a.region + "/" + a.policy + "#" + a.section }

// readRelevanceSet reads and checks the relevance set in file.
func readRelevanceSet(file string) (*relevanceSet, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var rs relevanceSet
	if err := dec.Decode(&rs); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	rs.answers = map[string][]judgedAnswer{}
	for i, q := range rs.Queries {
		if err := rs.check(q); err != nil {
			return nil, fmt.Errorf("%s: query %d (%q): %w", file, i+1, q.Query, err)
		}
	}
	return &rs, nil
}

func (rs *relevanceSet) check(q judgedQuery) error {
	switch {
	case rs.Sets[q.Set] == nil:
		return fmt.Errorf("set %q is not among the sets", q.Set)
	case rs.Categories[q.Category] == nil:
		return fmt.Errorf("category %q is not among the categories", q.Category)
	case len(q.Answers) == 0:
		return fmt.Errorf("no judged answer")
	case rs.answers[q.Set+"\x00"+q.Query] != nil:
		return fmt.Errorf("asked twice in set %s", q.Set)
	}
	var out []judgedAnswer
	for key, grade := range q.Answers {
		region, rest, ok1 := strings.Cut(key, "/")
		policy, section, ok2 := strings.Cut(rest, "#")
		if !ok1 || !ok2 || region == "" || policy == "" || section == "" {
			return fmt.Errorf("answer %q is not region/policy#section", key)
		}
		if grade != 1 && grade != 2 {
			return fmt.Errorf("answer %q has grade %d, not 1 or 2", key, grade)
		}
		out = append(out, judgedAnswer{region, policy, section, grade})
	}
	// Highest grade first, then by key, so that the ideal ranking is one order.
	slices.SortFunc(out, func(a, b judgedAnswer) int {
		if a.grade != b.grade {
			return b.grade - a.grade
		}
		return strings.Compare(a.key(), b.key())
	})
	rs.answers[q.Set+"\x00"+q.Query] = out
	return nil
}

// answersOf returns the judged answers of q, highest grade first.
func (rs *relevanceSet) answersOf(q judgedQuery) []judgedAnswer {
	return rs.answers[q.Set+"\x00"+q.Query]
}

// missingSections returns the answers of the queries of set that name no
// section of any version in c: a judgment that cannot be met.
func (rs *relevanceSet) missingSections(set string, c *catalog.Catalog) []string {
	have := map[string]bool{}
	c.Versions(func(v *catalog.Version) {
		for _, s := range v.Sections {
			have[v.Region+"/"+v.Policy+"#"+s.ID] = true
		}
	})
	var out []string
	for _, q := range rs.Queries {
		for _, a := range rs.answersOf(q) {
			if q.Set == set && !have[a.key()] {
				out = append(out, fmt.Sprintf("%q: %s", q.Query, a.key()))
			}
		}
	}
	return out
}

// rankKey names the section a hit leads to as answers do: its region, its
// policy and the fragment of its URL.
func rankKey(h search.Hit) string {
	_, fragment, _ := strings.Cut(h.URL, "#")
	return h.Region + "/" + h.Policy + "#" + fragment
}

// rankDepth is how deep a ranking is measured: the first page.
const rankDepth = 10

// measureRanking scores a ranking of hits against the answers of its query: the
// reciprocal rank of the first hit with a grade within rankDepth (0 if none),
// and nDCG@rankDepth with the gain 2^grade-1. A section met again further
// down (another version of it) gains nothing the second time, so that no
// ranking scores above the ideal one.
//
// Hits of equal score are tied, and bleve returns them in no fixed order: the
// figures are the expected ones over the orders of each tie (McSherry and
// Najork, "Computing information retrieval performance measures efficiently
// in the presence of tied scores", 2008). The first pinned hits are each a tie
// of their own. hits must reach past the tie at rankDepth, if any (see
// rankedHits).
func measureRanking(hits []search.Hit, pinned int, answers []judgedAnswer) rankFigures {
	grade := map[string]int{}
	for _, a := range answers {
		grade[a.key()] = a.grade
	}
	gains := make([]float64, len(hits))
	seen := map[string]bool{}
	for i, h := range hits {
		if k := rankKey(h); grade[k] > 0 && !seen[k] {
			seen[k] = true
			gains[i] = rankGain(grade[k])
		}
	}
	var f rankFigures
	var dcg float64
	found := false
	for s := 0; s < min(len(hits), rankDepth); {
		e := s + 1
		for s >= pinned && e < len(hits) && hits[e].Score == hits[s].Score {
			e++
		}
		var sum float64
		relevant := 0
		for _, g := range gains[s:e] {
			sum += g
			if g > 0 {
				relevant++
			}
		}
		for r := s; r < min(e, rankDepth); r++ {
			dcg += sum / float64(e-s) / rankDiscount(r)
		}
		if !found && relevant > 0 {
			f.MRR, found = rankExpectedRR(s, e-s, relevant), true
		}
		s = e
	}
	var ideal float64
	for i, a := range answers[:min(len(answers), rankDepth)] {
		ideal += rankGain(a.grade) / rankDiscount(i)
	}
	f.NDCG10 = dcg / ideal
	return f
}

// rankExpectedRR is the expected reciprocal rank of the first relevant hit of a
// tie of n hits, k of them relevant, that starts at the 0-based rank s, over
// the tie's orders, counting only ranks within rankDepth.
func rankExpectedRR(s, n, k int) float64 {
	var rr float64
	none := 1.0 // the chance that the first i hits of the tie are not relevant
	for i := 0; i <= n-k && s+i < rankDepth; i++ {
		rr += none * float64(k) / float64(n-i) / float64(s+i+1)
		none *= float64(n-k-i) / float64(n-i)
	}
	return rr
}

// rankGain is what a section of the grade brings.
func rankGain(grade int) float64 { return math.Exp2(float64(grade)) - 1 }

// rankDiscount divides the gain at the 0-based rank.
func rankDiscount(rank int) float64 { return math.Log2(float64(rank) + 2) }

// rankTally sums figures to report their mean.
type rankTally struct {
	sum rankFigures
	n   int
}

func (t *rankTally) add(f rankFigures) {
	t.sum.MRR += f.MRR
	t.sum.NDCG10 += f.NDCG10
	t.n++
}

func (t *rankTally) mean() rankFigures {
	if t.n == 0 {
		return rankFigures{}
	}
	return rankFigures{t.sum.MRR / float64(t.n), t.sum.NDCG10 / float64(t.n)}
}

// below returns what of f falls below floor, or "".
func (f rankFigures) below(floor rankFigures) string {
	const eps = 1e-9
	var out []string
	if f.MRR+eps < floor.MRR {
		out = append(out, fmt.Sprintf("MRR %.3f < floor %.3f", f.MRR, floor.MRR))
	}
	if f.NDCG10+eps < floor.NDCG10 {
		out = append(out, fmt.Sprintf("nDCG@10 %.3f < floor %.3f", f.NDCG10, floor.NDCG10))
	}
	return strings.Join(out, ", ")
}

// suggested is the floor that f allows: 0.01 below it, to three decimals.
func (f rankFigures) suggested() rankFigures {
	down := func(x float64) float64 { return math.Max(0, math.Floor((x-0.01)*1000)/1000) }
	return rankFigures{down(f.MRR), down(f.NDCG10)}
}

// plantedRegion is the judged part of the korpus set: a fictional city whose
// sections treat topics (pay, allowances, maternity leave, retirement, transfer,
// discipline) that no sentence of the shipped content treats, so that no
// section of the generated corpus, which is made of those sentences, answers a
// query about them. plantedWords checks that.
var plantedRegion = fstest.MapFS{
	"sukamaju/_index.md": plantedFile("---\nname: Sukamaju\nkind: kota\nprovince: Provinsi Uji\nfictional: true\n---\n\nKota buatan untuk mengukur peringkat pencarian.\n"),
	"sukamaju/kesejahteraan-pegawai/v1.md": plantedFile(`---
title: "Kesejahteraan Pegawai di Lingkungan Pemerintah Kota Sukamaju"
date: 2025-03
summary: "Kota buatan untuk mengukur peringkat pencarian."
tags: [kesejahteraan]
---

## Ketentuan Umum

Pedoman ini mengatur kesejahteraan pegawai di lingkungan Pemerintah Kota Sukamaju dan berlaku bagi setiap perangkat daerah Kota Sukamaju.

## Penghasilan

Penghasilan pegawai terdiri atas gaji pokok, tunjangan keluarga, tunjangan jabatan dan tunjangan kinerja. Gaji dibayarkan pada hari kerja pertama setiap bulan melalui rekening bank yang ditunjuk pemerintah daerah.

## Tunjangan Kinerja

Tunjangan kinerja dibayarkan setiap bulan berdasarkan capaian sasaran kinerja dan tingkat kehadiran. Pegawai yang tidak masuk kerja tanpa keterangan dipotong tunjangan kinerjanya tiga persen untuk setiap hari.

## Cuti Melahirkan

Pegawai perempuan berhak atas cuti melahirkan selama tiga bulan untuk kelahiran anak pertama sampai ketiga. Selama cuti melahirkan, pegawai tetap menerima penghasilan penuh.

## Pensiun

Pegawai diberhentikan dengan hormat dan menerima hak pensiun setelah mencapai batas usia pensiun, yaitu 58 tahun bagi pejabat administrasi dan 60 tahun bagi pejabat pimpinan tinggi. Setahun sebelum pensiun, pegawai mengikuti pembekalan masa persiapan pensiun.
`),
	"sukamaju/manajemen-karier/v1.md": plantedFile(`---
title: "Manajemen Karier Pegawai di Lingkungan Pemerintah Kota Sukamaju"
date: 2025-03
summary: "Kota buatan untuk mengukur peringkat pencarian."
tags: [karier]
---

## Ketentuan Umum

Pedoman ini mengatur manajemen karier pegawai di lingkungan Pemerintah Kota Sukamaju dan berlaku bagi setiap perangkat daerah Kota Sukamaju.

## Mutasi

Mutasi pegawai antarperangkat daerah dilakukan paling singkat dua tahun setelah pegawai menduduki jabatannya, untuk penyegaran organisasi dan pemerataan kompetensi. Pegawai dapat mengajukan mutasi atas permintaan sendiri dengan persetujuan kepala perangkat daerah asal dan tujuan.

## Hukuman Disiplin

Pegawai yang melanggar kewajiban atau larangan dijatuhi hukuman disiplin ringan, sedang atau berat setelah diperiksa oleh atasan langsung. Hukuman disiplin berat dapat berupa penurunan jabatan, pembebasan dari jabatan, atau pemberhentian tidak dengan hormat.
`),
}

// plantedWords are the words (as the start of a word) that make a planted
// section an answer, and that the generated corpus must not hold.
var plantedWords = []string{
	"sukamaju", "tunjangan", "gaji", "penghasilan", "melahirkan", "hamil", "pensiun",
	"mutasi", "pindah", "disiplin", "hukuman", "sanksi", "berhenti", "diberhentikan", "pemberhentian",
}

// plantedWordIn returns a planted word that a generated file holds, or "".
func plantedWordIn(files map[string][]byte) string {
	for name, data := range files {
		for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool {
			return !('a' <= r && r <= 'z')
		}) {
			for _, p := range plantedWords {
				if strings.HasPrefix(w, p) {
					return name + ": " + w
				}
			}
		}
	}
	return ""
}

func plantedFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
