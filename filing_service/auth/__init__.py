"""Who is asking: users with passwords and roles, case systems with tokens, one tenant each."""
