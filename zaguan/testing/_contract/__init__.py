"""The contract the server checks requests against: one compiled check per operation (`_spec`,
`_checks`) and the wording of what broke it (`_explain`)."""
