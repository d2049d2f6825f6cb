// Command pki makes the throwaway certificates of one test cluster: a CA, the API server's serving
// certificate, the service-account signing key, and client certificates on demand. Written in Go
// because Go is already a prerequisite of test/cluster and openssl is not.
//
//	pki init -dir DIR                          ca.{crt,key} apiserver.{crt,key} sa.{key,pub}
//	pki client -dir DIR -cn NAME [-o G1,G2] -out PREFIX [-ttl 1h]   PREFIX.{crt,key}
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: pki init|client [flags]")
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dir := fs.String("dir", "", "directory of the cluster's PKI")
	cn := fs.String("cn", "", "client certificate common name (the user name)")
	orgs := fs.String("o", "", "comma-separated organizations (the groups)")
	out := fs.String("out", "", "path prefix of the client certificate and key")
	ttl := fs.Duration("ttl", 24*time.Hour, "client certificate lifetime")
	_ = fs.Parse(os.Args[2:])
	if *dir == "" {
		fail("-dir is required")
	}
	switch os.Args[1] {
	case "init":
		initPKI(*dir)
	case "client":
		if *cn == "" || *out == "" {
			fail("client needs -cn and -out")
		}
		var groups []string
		if *orgs != "" {
			groups = strings.Split(*orgs, ",")
		}
		ca := loadCA(*dir)
		tmpl := leaf(pkix.Name{CommonName: *cn, Organization: groups}, *ttl)
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		issue(ca, tmpl, *out)
	default:
		fail("unknown command " + os.Args[1])
	}
}

func initPKI(dir string) {
	must(os.MkdirAll(dir, 0o700))
	key := newKey()
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "cicd-actions test cluster CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &key.PublicKey, key)
	must(err)
	writePEM(filepath.Join(dir, "ca.crt"), "CERTIFICATE", der)
	writeKey(filepath.Join(dir, "ca.key"), key)

	ca := loadCA(dir)
	server := leaf(pkix.Name{CommonName: "kube-apiserver"}, 7*24*time.Hour)
	server.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	server.DNSNames = []string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"}
	server.IPAddresses = []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1"), net.ParseIP("10.96.0.1")}
	issue(ca, server, filepath.Join(dir, "apiserver"))

	// Service-account tokens are signed with RSA (RS256), the algorithm every client expects.
	sa, err := rsa.GenerateKey(rand.Reader, 2048)
	must(err)
	writePEM(filepath.Join(dir, "sa.key"), "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(sa))
	pub, err := x509.MarshalPKIXPublicKey(&sa.PublicKey)
	must(err)
	writePEM(filepath.Join(dir, "sa.pub"), "PUBLIC KEY", pub)
}

type authority struct {
	cert *x509.Certificate
	key  any
}

func loadCA(dir string) authority {
	pair, err := tls.LoadX509KeyPair(filepath.Join(dir, "ca.crt"), filepath.Join(dir, "ca.key"))
	must(err)
	cert, err := x509.ParseCertificate(pair.Certificate[0])
	must(err)
	return authority{cert: cert, key: pair.PrivateKey}
}

func leaf(subject pkix.Name, ttl time.Duration) *x509.Certificate {
	now := time.Now()
	return &x509.Certificate{
		SerialNumber: serial(),
		Subject:      subject,
		NotBefore:    now.Add(-time.Minute),
		NotAfter:     now.Add(ttl),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
}

func issue(ca authority, tmpl *x509.Certificate, prefix string) {
	key := newKey()
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	must(err)
	writePEM(prefix+".crt", "CERTIFICATE", der)
	writeKey(prefix+".key", key)
}

func newKey() *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(err)
	return key
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	must(err)
	return n
}

func writeKey(path string, key *ecdsa.PrivateKey) {
	der, err := x509.MarshalECPrivateKey(key)
	must(err)
	writePEM(path, "EC PRIVATE KEY", der)
}

func writePEM(path, kind string, der []byte) {
	must(os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600))
}

func must(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "pki:", msg)
	os.Exit(2)
}
