-- wrk script for the endorsement surge (bench/surge.py, `measure_wrk`): every request is a new
-- endorse-form submission (its own organization, contact address, submission_id and visitor
-- address), and the submission_id of every one the server acknowledged is printed at the end.
--
-- Run with one connection per thread (`-t N -c N`): a thread's requests and responses then
-- alternate strictly, so the response the thread reads answers the submission it sent last.
--
-- Arguments (after `--`): form (a file: the url-encoded fields every submission shares),
-- cookie, run (8 hex digits, distinct per measurement), first visitor number, budget per
-- thread, number of threads, and optionally a file of solved proof-of-work payloads (one a
-- line, url-encoded; thread i uses lines i+1, i+1+threads, ...).
local threads = {}

function setup(thread)
  thread:set("id", #threads) -- setup runs for each thread before its init
  threads[#threads + 1] = thread
end

local form, cookie, run, first, budget
local payloads = {}
local sent, pending = 0, nil
acked = {} -- a global: done() reads it with thread:get

function init(args)
  local file = assert(io.open(args[1]))
  form = file:read("*a"):gsub("%s+$", "")
  file:close()
  cookie, run, first, budget = args[2], args[3], tonumber(args[4]), tonumber(args[5])
  local count = tonumber(args[6])
  if args[7] then
    local n = 0
    for line in io.lines(args[7]) do
      if n % count == id then payloads[#payloads + 1] = line end
      n = n + 1
    end
  end
end

function request()
  sent = sent + 1
  local number = first + id * budget + sent -- a distinct visitor and submission everywhere
  local sid = string.format("%s-%04x-4000-8000-%012x", run, id, sent)
  pending = sid
  local body = form ..
    "&organization_name=Surge+Collective+" .. run .. "+" .. id .. "-" .. sent ..
    "&contact_name=Contact+" .. sent ..
    "&contact_email=contact-" .. sent .. "-" .. run .. "-" .. id .. "%40example.net" ..
    "&submission_id=" .. sid
  if payloads[sent] then body = body .. "&altcha=" .. payloads[sent] end
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = string.format(
      "10.%d.%d.%d", math.floor(number / 65536) % 256, math.floor(number / 256) % 256,
      number % 256),
  }
  return wrk.format("POST", "/en/endorse/", headers, body)
end

local function success(location)
  return location and (location:match("/endorse/thanks/$") or location:match("/endorse/received/$"))
end

function response(status, headers, body)
  if status == 302 and pending and success(headers["Location"] or headers["location"]) then
    acked[#acked + 1] = pending
  end
  pending = nil
  if sent >= budget then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local e = summary.errors
  for _, thread in ipairs(threads) do
    for _, sid in ipairs(thread:get("acked")) do io.write("ACK ", sid, "\n") end
  end
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "errors": %d, "non_2xx_3xx": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
