-- Prints wrk's latency percentiles (microseconds) and counters on one machine-readable line.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("MEDIANE_RESULT p50=%d p95=%d p99=%d requests=%d duration_us=%d non2xx=%d socket_errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, summary.errors.status, errors))
end
