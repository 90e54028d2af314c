// Package people makes a synthetic population-database extract (citizens by families, with the
// namesakes and shared birthdays of real ones) and the birth-register entries derived from it with
// the damage of old books, for testing and measuring matching (`sohoa population synth`).
package people
