"""Operations: Prometheus metrics, readiness probes, the watch loop that feeds the alerts."""
