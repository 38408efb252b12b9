-- wrk script: one authenticated MCP tools/call per request, on a session opened beforehand.
-- Environment: BENCH_TOKEN (bearer token), BENCH_SESSION (Mcp-Session-Id, may be empty),
-- BENCH_BODY (the JSON-RPC request), BENCH_DELAY_MS (optional: each connection pauses this
-- long before each request, for a paced rather than saturating load). done() prints one
-- parseable summary line.

local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local session = os.getenv("BENCH_SESSION") or ""

wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or error("BENCH_BODY is not set")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
if session ~= "" then
  wrk.headers["Mcp-Session-Id"] = session
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "") or 0
if pause > 0 then
  function delay()
    return pause
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
      .. "max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
