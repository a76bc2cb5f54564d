"""Accounts: users, sessions, API tokens, roles, saved lists and sharing."""
