// Polling for tests that wait on another process or a database to catch up.

/** Polls `fn` until it returns a truthy value or `timeout` ms pass. */
export async function eventually<T> (fn: () => Promise<T | undefined | false>, timeout = 30000, interval = 500, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeout} ms${last ? `: ${String(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, interval))
  }
}
