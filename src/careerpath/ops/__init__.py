"""Operations: Prometheus metrics of the web process and its jobs."""
