// Benchmark driver for `make bench`; each benchmark lives in its own file beside this one.
print("no benchmarks yet")
