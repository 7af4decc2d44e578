package term

// InternalHash exposes make_internal_hash for the tests that compare it
// with OTP's.
func InternalHash(t Term) uint32 { return internalHash(t, 0) }
