package spelling

import "sync"

// testIndex is one Index shared by the tests, as the validator shares its own.
var testIndex = sync.OnceValue(NewIndex)
