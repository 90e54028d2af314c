// Package config holds sohoa's settings in one struct, filled from flags and the environment,
// and validates them with messages that name the setting that is wrong.
package config
