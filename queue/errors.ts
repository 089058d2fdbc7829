// Errors every queue implementation throws, matched by callers on `code` (the ingester maps
// ERR_QUEUE_UNAVAILABLE to gRPC UNAVAILABLE and ERR_QUEUE_FULL to RESOURCE_EXHAUSTED).

export type QueueErrorCode =
  | 'ERR_QUEUE_UNAVAILABLE'
  | 'ERR_QUEUE_FULL'
  | 'ERR_QUEUE_MESSAGE_TOO_LARGE'
  | 'ERR_QUEUE_CLOSED'
  | 'ERR_QUEUE_CORRUPT'

/** A state error: the queue cannot take or give messages right now. */
export class QueueError extends Error {
  override name = 'QueueError'
  readonly code: QueueErrorCode
  constructor (code: QueueErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** A caller passed a bad option or argument. */
export class QueueArgumentError extends Error {
  override name = 'QueueArgumentError'
  readonly code = 'ERR_QUEUE_ARGUMENT'
}

export function isQueueError (err: unknown, code?: QueueErrorCode): err is QueueError {
  return err instanceof QueueError && (code === undefined || err.code === code)
}
