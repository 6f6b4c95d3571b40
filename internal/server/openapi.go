package server

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3.1 description of /api/v1; openapi_test.go checks it
// against what the handlers answer.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	s.send(w, r, reply{status: http.StatusOK, ctype: jsonType, cache: "no-cache", body: openAPIDoc, revalidate: true})
	return nil
}
