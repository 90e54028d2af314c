package review

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddr is the address of the person's machine: the TCP peer, or, when the peer is one of
// the trusted reverse proxies (SOHOA_TRUSTED_PROXIES), the right-most address in
// X-Forwarded-For that is not itself a trusted proxy. A client cannot choose its own key by
// sending the header to a server that trusts no proxy.
func (ui *UI) clientAddr(r *http.Request) netip.Addr {
	peer := peerAddr(r)
	if !ui.trusted(peer) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer // a malformed chain: judge by the proxy itself
		}
		if a = a.Unmap(); !ui.trusted(a) {
			return a
		}
	}
	return peer
}

func (ui *UI) fromTrustedProxy(r *http.Request) bool { return ui.trusted(peerAddr(r)) }

func (ui *UI) trusted(a netip.Addr) bool {
	for _, p := range ui.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func peerAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}
