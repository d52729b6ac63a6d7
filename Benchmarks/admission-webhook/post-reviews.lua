-- wrk script: POSTs the two benchmark AdmissionReviews (compliant and privileged pod) in turn.
-- REVIEW_DIR names the directory holding them (default ../shared/bench, from the repository).
local dir = os.getenv("REVIEW_DIR") or "../shared/bench"
local function read(name)
  local file = assert(io.open(dir .. "/" .. name, "rb"))
  local body = file:read("*all")
  file:close()
  return body
end
local bodies = { read("review-compliant-pod.json"), read("review-privileged-pod.json") }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", "/validate", { ["Content-Type"] = "application/json" }, bodies[(counter % 2) + 1])
end
-- A 200 with "allowed":false is the expected answer to the privileged pod; count other statuses.
local unexpected = 0
response = function(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
end
