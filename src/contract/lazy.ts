/**
 * A schema built on first use. Building zod schemas is not free (a 4× CPU profile of the
 * 50-ratings page charged ~180 ms to it): when every contract module built its schemas as
 * the script ran, a page paid for schemas it needed only once something was sent, or never.
 *
 * `lazy(() => z.object(…))` returns a stand-in with the built schema's exact type: the
 * first property read (`.safeParse`, `.shape`, zod's own `._zod` when another schema uses
 * it) builds the schema once, and every read after goes to that one schema. Nothing else
 * changes for the code that uses it, on the server as in the browser, so each schema keeps
 * one definition. A module must not read a lazy schema's properties while it is evaluated,
 * only inside a factory or a function (else that schema is built at start again). A schema
 * of one zod object (an enum of constants) stays eager: its wrapper costs more bytes than
 * building it costs time. Unused lazy schemas are dropped from a bundle with their factory.
 */

/** The stand-in's target: the factory, and the schema once built. */
interface Pending {
  build: () => object;
  built?: object;
}

const real = (pending: Pending): object => (pending.built ??= pending.build());

// One handler for every stand-in (bytes once), each trap forwarding to the built schema.
// The receiver is left out on purpose: zod's getters run on the real schema, not on the
// stand-in. Enough for zod and for `instanceof`; a stand-in is not written to, and not
// spread or enumerated (spread `.shape`, which is the real schema's plain object).
const handler: ProxyHandler<Pending> = {
  get: (pending, key) => Reflect.get(real(pending), key),
  has: (pending, key) => Reflect.has(real(pending), key),
  getPrototypeOf: (pending) => Reflect.getPrototypeOf(real(pending)),
};

/* @__NO_SIDE_EFFECTS__ */ export function lazy<T extends object>(build: () => T): T {
  return new Proxy<Pending>({ build }, handler) as unknown as T;
}
