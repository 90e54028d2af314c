package pgbase

import "github.com/sohoa/sohoa/domain"

// Stages is a check plan's stages as a text[] argument.
func Stages(p domain.CheckPlan) []string {
	out := make([]string, len(p.Stages))
	for i, m := range p.Stages {
		out[i] = string(m)
	}
	return out
}
