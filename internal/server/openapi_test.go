package server

import (
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestOpenAPIDocument checks that openapi.json is a structurally valid OpenAPI 3.1
// document: the required fields, operations with responses, path parameters
// declared, every reference resolving, and only the schema keywords the checker
// of schema_test.go understands.
func TestOpenAPIDocument(t *testing.T) {
	doc, err := parseOpenAPI(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	root := doc.root
	if v, _ := root["openapi"].(string); !regexp.MustCompile(`^3\.1\.\d+$`).MatchString(v) {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	info, _ := root["info"].(map[string]any)
	if title, _ := info["title"].(string); title == "" {
		t.Error("info.title is missing")
	}
	if version, _ := info["version"].(string); version == "" {
		t.Error("info.version is missing")
	}
	if _, ok := root["components"].(map[string]any); !ok {
		t.Error("components is missing")
	}
	paths, ok := root["paths"].(map[string]any)
	if !ok || len(paths) == 0 {
		t.Fatal("paths is missing")
	}
	ids := map[string]bool{}
	for p, item := range paths {
		for _, err := range checkPathItem(doc, p, item.(map[string]any), ids) {
			t.Error(err)
		}
	}
	for _, err := range checkRefs(doc, root, "#") {
		t.Error(err)
	}
}

var statusKey = regexp.MustCompile(`^([1-5]\d\d|[1-5]XX|default)$`)

// checkPathItem checks one path of the document.
func checkPathItem(doc *openAPI, p string, item map[string]any, ids map[string]bool) []error {
	var errs []error
	if !strings.HasPrefix(p, "/") {
		errs = append(errs, fmt.Errorf("path %q does not start with /", p))
	}
	shared, _ := item["parameters"].([]any)
	for method, v := range item {
		switch {
		case method == "parameters", method == "summary", method == "description":
			continue
		case !slices.Contains([]string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}, method):
			errs = append(errs, fmt.Errorf("%s: %q is not an operation", p, method))
			continue
		}
		op := v.(map[string]any)
		if id, ok := op["operationId"].(string); ok {
			if ids[id] {
				errs = append(errs, fmt.Errorf("operationId %q twice", id))
			}
			ids[id] = true
		}
		errs = append(errs, checkOperation(doc, p+" "+method, p, op, shared)...)
	}
	return errs
}

// checkOperation checks an operation of path p; shared are the parameters of
// the path, which hold for all its operations.
func checkOperation(doc *openAPI, where, p string, op map[string]any, shared []any) []error {
	var errs []error
	responses, _ := op["responses"].(map[string]any)
	if len(responses) == 0 {
		errs = append(errs, fmt.Errorf("%s: no responses", where))
	}
	for code, r := range responses {
		if !statusKey.MatchString(code) {
			errs = append(errs, fmt.Errorf("%s: response key %q", where, code))
		}
		resp, err := doc.deref(r.(map[string]any))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", where, code, err))
		} else if d, _ := resp["description"].(string); d == "" {
			errs = append(errs, fmt.Errorf("%s %s: response without a description", where, code))
		}
	}
	declared := map[string]bool{}
	params, _ := op["parameters"].([]any)
	for _, pv := range append(params, shared...) {
		param, err := doc.deref(pv.(map[string]any))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where, err))
			continue
		}
		name, _ := param["name"].(string)
		in, _ := param["in"].(string)
		if name == "" || !slices.Contains([]string{"query", "header", "path", "cookie"}, in) {
			errs = append(errs, fmt.Errorf("%s: parameter %q in %q", where, name, in))
		}
		if _, ok := param["schema"].(map[string]any); !ok {
			errs = append(errs, fmt.Errorf("%s: parameter %q has no schema", where, name))
		}
		if in == "path" {
			if param["required"] != true {
				errs = append(errs, fmt.Errorf("%s: path parameter %q is not required", where, name))
			}
			declared[name] = true
		}
	}
	for _, m := range regexp.MustCompile(`\{([^}]+)\}`).FindAllStringSubmatch(p, -1) {
		if !declared[m[1]] {
			errs = append(errs, fmt.Errorf("%s: path parameter %q is not declared", where, m[1]))
		}
	}
	return errs
}

// checkRefs checks that every $ref in v resolves, and that every schema uses only
// keywords the checker knows.
func checkRefs(doc *openAPI, v any, at string) []error {
	var errs []error
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			if _, err := doc.resolve(ref); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
			}
		}
		for k, e := range v {
			if k == "schema" || strings.HasSuffix(at, "/schemas") {
				errs = append(errs, checkSchemaKeywords(e, at+"/"+k)...)
			}
			errs = append(errs, checkRefs(doc, e, at+"/"+k)...)
		}
	case []any:
		for i, e := range v {
			errs = append(errs, checkRefs(doc, e, fmt.Sprintf("%s/%d", at, i))...)
		}
	}
	return errs
}

func checkSchemaKeywords(v any, at string) []error {
	s, ok := v.(map[string]any)
	if !ok {
		return []error{fmt.Errorf("%s: a schema must be an object", at)}
	}
	var errs []error
	for k, e := range s {
		if !schemaKeyword(k) {
			errs = append(errs, fmt.Errorf("%s: schema keyword %q is not supported by the checker", at, k))
		}
		switch k {
		case "items":
			errs = append(errs, checkSchemaKeywords(e, at+"/items")...)
		case "properties":
			for name, ps := range e.(map[string]any) {
				errs = append(errs, checkSchemaKeywords(ps, at+"/properties/"+name)...)
			}
		}
	}
	return errs
}

// apiCase is a request whose answer is checked against the document.
type apiCase struct {
	method, target string
	header         []string // name, value, ...
	status         int
	server         string // "" for the plain server, "limited" or "busy"
}

// TestOpenAPIResponses sends requests to every route of the document, for every
// response it describes, and validates each answer against the document: its
// status is listed, its content type and headers are the described ones, and its
// body matches the schema.
func TestOpenAPIResponses(t *testing.T) {
	doc, err := parseOpenAPI(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	servers := map[string]*Server{
		"":        newTestServer(t),
		"limited": newTestServerWith(t, Config{Rate: 1e-6, Burst: 1}),
		"busy":    newTestServerWith(t, Config{MaxConcurrent: 1, QueueWait: time.Millisecond}),
	}
	servers["busy"].gate.slots <- struct{}{} // every slot taken: 503
	etags := map[string]string{}
	for _, target := range []string{"/api/v1/regions", "/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji", "/api/v1/openapi.json"} {
		res, _ := get(t, servers[""], "GET", target)
		etags[target] = res.Header.Get("ETag")
	}
	const (
		cmpURL = "/api/v1/compare?a=contoh/kebijakan-uji@2024-01&b=contoh/kebijakan-uji"
		ver    = "/api/v1/policies/contoh/kebijakan-uji/versions/"
	)
	cases := []apiCase{
		{method: "GET", target: "/api/v1/search?q=pelatihan", status: 200},
		{method: "HEAD", target: "/api/v1/search?q=pelatihan", status: 200},
		{method: "GET", target: "/api/v1/search?q=kebijakan&versions=all&region=contoh&region=kota-uji&status=diganti&size=1&page=1", status: 200},
		{method: "GET", target: "/api/v1/search?q=zzzzzz", status: 200},
		{method: "GET", target: "/api/v1/search?q=pelatiahn", status: 200},           // corrected
		{method: "GET", target: "/api/v1/search?q=pelatihan+zzzqqq", status: 200},    // partial
		{method: "GET", target: "/api/v1/search?q=di", status: 200},                  // stop words only
		{method: "GET", target: "/api/v1/search?q=pelatiahn&literal=1", status: 200}, // not corrected
		{method: "GET", target: "/api/v1/search?q=pelatihan&literal=2", status: 400},
		{method: "GET", target: "/api/v1/search?q=" + url.QueryEscape("Pasal 4 ayat (2) Perbup Contoh 3/2024"), status: 200},
		{method: "GET", target: "/api/v1/search?q=" + url.QueryEscape("Pasal 4 ayat (9) Perbup Contoh 8/2025") + "&size=1&page=2", status: 200},
		{method: "GET", target: "/api/v1/search?q=" + url.QueryEscape("perbup contoh 1/2025"), status: 200},
		{method: "GET", target: "/api/v1/search?q=-pelatihan", status: 400},
		{method: "GET", target: "/api/v1/search", status: 400},
		{method: "GET", target: "/api/v1/search?q=" + strings.Repeat("a", 1600), status: 414},
		{method: "GET", target: "/api/v1/search?q=pelatihan", status: 200, server: "limited"},
		{method: "GET", target: "/api/v1/search?q=pelatihan", status: 429, server: "limited"},
		{method: "GET", target: "/api/v1/search?q=pelatihan", status: 503, server: "busy"},
		{method: "OPTIONS", target: "/api/v1/search", status: 204},
		{method: "GET", target: cmpURL, status: 200},
		{method: "GET", target: "/api/v1/compare?a=contoh/kebijakan-uji&b=kota-uji/aturan-lama@v1", status: 200},
		{method: "GET", target: "/api/v1/compare?a=contoh/peraturan-uji@v1&b=contoh/peraturan-uji@v2", status: 200}, // with the amendment
		{method: "GET", target: "/api/v1/policies/contoh/peraturan-uji/versions/v2", status: 200},                   // a regulation
		{method: "GET", target: cmpURL, header: []string{"If-None-Match", etags[cmpURL]}, status: 304},
		{method: "GET", target: "/api/v1/compare?a=contoh", status: 400},
		{method: "GET", target: "/api/v1/compare?a=contoh/x&b=contoh/kebijakan-uji", status: 404},
		{method: "GET", target: "/api/v1/compare?a=contoh/kebijakan-uji&b=contoh/kebijakan-uji", status: 429, server: "limited"},
		{method: "GET", target: "/api/v1/compare?a=contoh/kebijakan-uji&b=contoh/kebijakan-uji", status: 503, server: "busy"},
		{method: "OPTIONS", target: "/api/v1/compare", status: 204},
		{method: "GET", target: "/api/v1/regions", status: 200},
		{method: "GET", target: "/api/v1/regions", header: []string{"If-None-Match", etags["/api/v1/regions"]}, status: 304},
		{method: "POST", target: "/api/v1/regions", status: 405},
		{method: "GET", target: "/api/v1/regions", header: []string{"Content-Length", "5"}, status: 413},
		{method: "OPTIONS", target: "/api/v1/regions", status: 204},
		{method: "GET", target: "/api/v1/regions/contoh", status: 200},
		{method: "GET", target: "/api/v1/regions/kota-uji", status: 200},
		{method: "GET", target: "/api/v1/regions/tidak-ada", status: 404},
		{method: "OPTIONS", target: "/api/v1/regions/contoh", status: 204},
		{method: "GET", target: "/api/v1/policies/contoh/kebijakan-uji", status: 200},
		{method: "GET", target: "/api/v1/policies/contoh/tidak-ada", status: 404},
		{method: "DELETE", target: "/api/v1/policies/contoh/kebijakan-uji", status: 405},
		{method: "OPTIONS", target: "/api/v1/policies/contoh/kebijakan-uji", status: 204},
		{method: "GET", target: ver + "2024-01", status: 200},
		{method: "GET", target: ver + "2025-03", status: 200},
		{method: "GET", target: "/api/v1/policies/kota-uji/aturan-lama/versions/v1", status: 200},
		{method: "GET", target: ver + "v9", status: 404},
		{method: "OPTIONS", target: ver + "2025-03", status: 204},
		{method: "GET", target: "/api/v1/openapi.json", status: 200},
		{method: "GET", target: "/api/v1/openapi.json", header: []string{"If-None-Match", etags["/api/v1/openapi.json"]}, status: 304},
		{method: "OPTIONS", target: "/api/v1/openapi.json", status: 204},
		{method: "GET", target: "/healthz", status: 200},
		{method: "GET", target: "/api/v1/tidak-ada", status: 404},
	}
	used := map[string]bool{}
	for _, c := range cases {
		t.Run(c.method+" "+c.target[:min(len(c.target), 60)], func(t *testing.T) {
			req := httptest.NewRequest(c.method, "http://example"+c.target, nil)
			for i := 0; i+1 < len(c.header); i += 2 {
				req.Header.Set(c.header[i], c.header[i+1])
			}
			if req.Header.Get("Content-Length") != "" {
				req.ContentLength = 5
			}
			rec := httptest.NewRecorder()
			servers[c.server].ServeHTTP(rec, req)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if err := checkAnswer(doc, req, rec, used); err != nil {
				t.Error(err)
			}
		})
	}
	checkCoverage(t, doc, used)
}

// checkAnswer validates one answer against the document and records in used the
// operations and components it was checked against.
func checkAnswer(doc *openAPI, req *http.Request, rec *httptest.ResponseRecorder, used map[string]bool) error {
	p, item := findPath(doc, req.URL.Path)
	method := strings.ToLower(req.Method)
	if method == "head" {
		method = "get"
	}
	var resp map[string]any
	if item == nil {
		// A route the document does not list: only "not found" is right.
		if rec.Code != http.StatusNotFound {
			return fmt.Errorf("%s is not in the document but answered %d", req.URL.Path, rec.Code)
		}
		resp = map[string]any{"$ref": "#/components/responses/NotFound"}
	} else {
		op, _ := item[method].(map[string]any)
		if op == nil {
			op, _ = item["get"].(map[string]any) // 405 is described on the GET operation
		}
		used[p+" "+method] = true
		responses, _ := op["responses"].(map[string]any)
		r, ok := responses[fmt.Sprint(rec.Code)].(map[string]any)
		if !ok {
			return fmt.Errorf("%s %s: status %d is not described", p, method, rec.Code)
		}
		resp = r
	}
	if ref, ok := resp["$ref"].(string); ok {
		used[ref] = true
	}
	resp, err := doc.deref(resp)
	if err != nil {
		return err
	}
	return checkContent(doc, req, rec, resp)
}

// checkContent checks the headers, content type and body of an answer against
// the response object that describes it.
func checkContent(doc *openAPI, req *http.Request, rec *httptest.ResponseRecorder, resp map[string]any) error {
	headers, _ := resp["headers"].(map[string]any)
	for name := range headers {
		if rec.Header().Get(name) == "" {
			return fmt.Errorf("header %s is described but missing", name)
		}
	}
	content, _ := resp["content"].(map[string]any)
	if content == nil {
		if rec.Body.Len() != 0 {
			return fmt.Errorf("a body where the document describes none: %q", rec.Body)
		}
		return nil
	}
	mt, _, err := mime.ParseMediaType(rec.Header().Get("Content-Type"))
	if err != nil {
		return fmt.Errorf("Content-Type %q: %v", rec.Header().Get("Content-Type"), err)
	}
	media, ok := content[mt].(map[string]any)
	if !ok {
		return fmt.Errorf("Content-Type %s is not described", mt)
	}
	if req.Method == http.MethodHead {
		return nil
	}
	schema, _ := media["schema"].(map[string]any)
	var body any = rec.Body.String()
	if mt == "application/json" {
		if err := decodeJSON(rec.Body.Bytes(), &body); err != nil {
			return fmt.Errorf("body is not JSON: %v", err)
		}
	}
	return doc.validate(schema, body, "$")
}

// findPath finds the path of the document that a request path matches.
func findPath(doc *openAPI, urlPath string) (string, map[string]any) {
	segs := strings.Split(urlPath, "/")
	paths := doc.root["paths"].(map[string]any)
	for p, item := range paths {
		tmpl := strings.Split(p, "/")
		if len(tmpl) != len(segs) {
			continue
		}
		match := true
		for i, t := range tmpl {
			if !strings.HasPrefix(t, "{") && t != segs[i] {
				match = false
			}
		}
		if match {
			return p, item.(map[string]any)
		}
	}
	return "", nil
}

// checkCoverage fails if an operation or a shared response of the document was
// never checked against a real answer.
func checkCoverage(t *testing.T, doc *openAPI, used map[string]bool) {
	t.Helper()
	for p, item := range doc.root["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			if method != "parameters" && !used[p+" "+method] {
				t.Errorf("no answer of %s %s was checked", method, p)
			}
		}
	}
	responses := doc.root["components"].(map[string]any)["responses"].(map[string]any)
	for name := range responses {
		if !used["#/components/responses/"+name] {
			t.Errorf("no answer was checked against the response %s", name)
		}
	}
}
