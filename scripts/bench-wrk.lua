-- wrk script for docs/benchmarks.md: cycles through request paths (one per line in the file named
-- by WRK_PATHS, written by scripts/bench.sh from the seeded dev query mix) with the API key in
-- WRK_KEY. Each thread starts at a different offset.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local key = os.getenv("WRK_KEY")
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end
local i = 0
function request()
  i = i + 1
  local p = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", p, { ["Authorization"] = "Bearer " .. key })
end
