// Errors of the reconciler. Callers match on `code`; messages name the request, the entity index
// and the field so an operator can find the bad value in the producer's payload.

export type ReconcilerErrorCode =
  | 'ERR_RECONCILER_INVALID_ENTITY'
  | 'ERR_RECONCILER_UNRESOLVED'
  | 'ERR_RECONCILER_NOT_RECONCILED'
  | 'ERR_RECONCILER_DECODE'
  | 'ERR_RECONCILER_DATABASE'
  | 'ERR_RECONCILER_CONFLICT'
  | 'ERR_RECONCILER_CLOSED'
  | 'ERR_RECONCILER_ATTEMPTS'
  | 'ERR_RECONCILER_WORKER'

export class ReconcilerError extends Error {
  override name = 'ReconcilerError'
  readonly code: ReconcilerErrorCode
  constructor (code: ReconcilerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** An entity that cannot be applied; `field` is the dotted path inside the entity ("device.site"). */
export class EntityError extends ReconcilerError {
  override name = 'EntityError'
  readonly field: string
  constructor (code: ReconcilerErrorCode, field: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.field = field
  }
}

/** Another transaction created or removed a row this batch planned around: plan again. */
export class ConflictError extends ReconcilerError {
  override name = 'ConflictError'
  constructor (message: string) {
    super('ERR_RECONCILER_CONFLICT', message)
  }
}

/** An error raised on an apply worker thread (apply-workers.ts), rebuilt on this side of the
 * message channel: its message, its code (a ReconcilerErrorCode, or the store's for a failed
 * connect) and whether a retry of the batch may cure it, judged where the cause was at hand. */
export class WorkerError extends Error {
  override name = 'WorkerError'
  readonly code: string
  readonly transient: boolean
  constructor (message: string, code: string, transient: boolean) {
    super(message)
    this.code = code
    this.transient = transient
  }
}

export class ReconcilerArgumentError extends TypeError {
  override name = 'ReconcilerArgumentError'
  readonly code = 'ERR_RECONCILER_ARGUMENT'
}

// SQLSTATEs worth retrying: serialization failure, deadlock, and the connection classes (08, 57P).
const TRANSIENT_STATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300'])
const TRANSIENT_NET = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'])

/** True for database errors a retry of the whole batch can cure. */
export function isTransientError (err: unknown, depth = 0): boolean {
  if (err instanceof ConflictError) return true
  if (err instanceof WorkerError) return err.transient
  const cause = (err as { cause?: unknown } | null)?.cause
  if (cause !== undefined && depth < 5 && isTransientError(cause, depth + 1)) return true
  const e = err as { code?: unknown, message?: unknown } | null
  if (!e || typeof e !== 'object') return false
  const code = typeof e.code === 'string' ? e.code : ''
  if (TRANSIENT_STATES.has(code) || code.startsWith('08') || TRANSIENT_NET.has(code)) return true
  const msg = typeof e.message === 'string' ? e.message : ''
  return /Connection terminated|connection (?:is )?closed|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(msg)
}

/** True for errors caused by the data of one entity (bad value, constraint), not the database. */
export function isDataError (err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'))
}

/** True for a unique violation: a row with the same key is already there (or was just created by
 * another writer, whose commit the statement waited for). */
export function isUniqueViolation (err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505'
}
