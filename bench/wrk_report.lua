-- wrk script for bench/harness.py: rotates over the paths in a file, gives every request a
-- distinct visitor address (behind one trusted proxy), stops a thread after its share of the
-- request budget, and prints a JSON summary with p50/p95/p99.
local paths = {}
local budget = 0
local sent = 0
local counter = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  -- As every browser does (bench/loadgen.py ACCEPT_ENCODING): pages come compressed.
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
  budget = tonumber(args[2])
  counter = math.random(0, 1000000)
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  wrk.headers["X-Forwarded-For"] = string.format(
    "10.%d.%d.%d", math.floor(counter / 65536) % 256, math.floor(counter / 256) % 256, counter % 256)
  return wrk.format("GET", path, wrk.headers)
end

function response(status, headers, body)
  sent = sent + 1
  if sent >= budget then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "errors": %d, "non_2xx_3xx": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
