/** Poll `check` until it returns a value; bounded: after `ms` it throws instead of hanging. */
export async function pollUntil<T>(
  check: () => Promise<T | undefined | false>,
  o: { ms: number; everyMs: number; what: string },
): Promise<T> {
  const end = Date.now() + o.ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(o.what)
    await new Promise((r) => setTimeout(r, o.everyMs))
  }
}
