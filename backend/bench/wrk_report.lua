-- Shared by every bench run: counts unexpected statuses per thread and prints one JSON
-- line of figures when wrk finishes. Latencies are in microseconds.
local threads = {}
expected_status = tonumber(os.getenv("BENCH_EXPECTED_STATUS") or "200")

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function response(status, headers, body)
  if status ~= expected_status then
    unexpected = (unexpected or 0) + 1
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + (thread:get("unexpected") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '\nBENCH_JSON {"requests": %d, "duration_us": %d, "socket_errors": %d, "unexpected_status": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout,
    unexpected_total, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
