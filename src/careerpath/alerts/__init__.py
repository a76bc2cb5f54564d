"""Alerts on saved careers: digests of what changed, sent by email, one-click unsubscribe."""
