// Test-only preload (NODE_OPTIONS=--import …): moves this process's Date.now() by
// SILA_TEST_CLOCK_OFFSET_MS. The rate limits count in clock-aligned windows; a test that
// starts a server at the top of a window (test/server/shifted-clock.ts) need not sleep
// until the next real one. Only Date.now() moves: `new Date()` and the database keep real time.
const offset = Number(process.env.SILA_TEST_CLOCK_OFFSET_MS ?? 0);
if (offset) {
  const realNow = Date.now;
  Date.now = () => realNow() + offset;
}
