"""Background jobs: a durable job table in the database, run by huey workers."""
