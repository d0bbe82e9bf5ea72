-- GET as one user: the token comes from the environment.
dofile(os.getenv("BENCH_LUA_DIR") .. "/wrk_report.lua")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
