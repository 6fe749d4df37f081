-- wrk script for the workload's function call: POST {"number": 21} as JSON to the URL's path
-- (Verve: /api/Bench/doubleNumber, raw baseline: /api/double; both answer {"result":42}).
wrk.method = "POST"
wrk.body = '{"number": 21}'
wrk.headers["Content-Type"] = "application/json"
