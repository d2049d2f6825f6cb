// Floor for health-check-retry: one fetch of the loopback URL with Node's built-ins, nothing else.
const res = await fetch(process.env.BENCH_URL);
await res.text();
process.exitCode = res.ok ? 0 : 1;
