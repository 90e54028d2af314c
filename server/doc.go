// Package server is sohoa's HTTP front: every route is registered in one function (routes.go),
// errors are mapped to status codes and safe messages in one place (errors.go), and each
// handler lives in its own file.
package server
