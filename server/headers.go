package server

import (
	"net/http"
	"strings"
)

// contentSecurityPolicy allows scripts, styles and images from this site only: no inline script,
// no inline style attribute, no plugins, no framing. form-action is left out: Chromium applied it
// to the redirect after the login form (post/redirect/get) and the login never completed, and
// cross-site form posts are refused by CrossOriginProtection anyway.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries: CSP, nosniff, no referrer to other
// sites, no framing, HSTS over TLS, and no caching of anything a station or clerk reads (pages,
// page images, exports, API answers) except the static files.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}
