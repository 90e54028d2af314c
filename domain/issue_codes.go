package domain

// IssueAbsent marks a field the page does not have at all: an optional line (the date in words,
// say) that this entry was written without. It is "not on the page", not missing, and does not
// lower the entry's confidence.
const IssueAbsent = "absent"
