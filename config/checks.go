package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// CheckPlan reads the verification stages: SOHOA_CHECK_STAGES (none by default), the share of
// entries a blind stage checks blind (SOHOA_CHECK_SAMPLE, 1 by default: all) and the confidence
// below which it always does (SOHOA_CHECK_BLIND_BELOW, 0 by default).
func (c *Config) CheckPlan() (domain.CheckPlan, error) {
	stages, err := domain.ParseCheckStages(c.CheckStages)
	if err != nil {
		return domain.CheckPlan{}, fmt.Errorf("SOHOA_CHECK_STAGES (--check-stages): %q: give none, sighted, blind, or two of them such as blind,sighted", c.CheckStages)
	}
	share := func(env, flag, v string, def float64) (float64, error) {
		if strings.TrimSpace(v) == "" {
			return def, nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), ",", "."), 64)
		if err != nil || f < 0 || f > 1 {
			return 0, fmt.Errorf("%s (--%s): %q is not a number from 0 to 1", env, flag, v)
		}
		return f, nil
	}
	p := domain.CheckPlan{Stages: stages}
	if p.Sample, err = share("SOHOA_CHECK_SAMPLE", "check-sample", c.CheckSample, 1); err != nil {
		return p, err
	}
	if p.BlindBelow, err = share("SOHOA_CHECK_BLIND_BELOW", "check-blind-below", c.CheckBlindBelow, 0); err != nil {
		return p, err
	}
	return p, nil
}
