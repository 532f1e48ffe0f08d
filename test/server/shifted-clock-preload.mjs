// Test-only preload (NODE_OPTIONS=--import …): moves this process's clock (Date.now(),
// new Date(), Date()) by SILA_TEST_CLOCK_OFFSET_MS. The rate limits count in clock-aligned
// windows; a test that starts a server at the top of a window (test/server/shifted-clock.ts)
// need not sleep until the next real one. The database keeps real time.
const offset = Number(process.env.SILA_TEST_CLOCK_OFFSET_MS ?? 0);
if (offset) {
  const RealDate = Date;
  const realNow = Date.now;
  const now = () => realNow() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
}
