// A part of a transaction that can fail on its own: the statements of `fn` are undone, the
// transaction goes on.
import type { Queryable } from './db.ts'

/** Runs `fn` inside savepoint `name` of the transaction `tx`: released when it resolves, rolled
 * back to (and the error rethrown) when it throws. */
export async function savepoint<T> (tx: Queryable, name: string, fn: () => Promise<T>): Promise<T> {
  await tx.query(`savepoint ${name}`)
  try {
    const r = await fn()
    await tx.query(`release savepoint ${name}`)
    return r
  } catch (err) {
    await tx.query(`rollback to savepoint ${name}`)
    throw err
  }
}
