// Errors of the read API. Each carries the HTTP status NetBox would answer with, so the handler
// renders them as {"detail": "..."} without guessing.
export type ReadApiErrorCode =
  | 'ERR_INVALID_QUERY_PARAM'
  | 'ERR_NOT_FOUND'
  | 'ERR_METHOD_NOT_ALLOWED'
  | 'ERR_UNAUTHENTICATED'
  | 'ERR_PERMISSION_DENIED'

export class ReadApiError extends Error {
  override name = 'ReadApiError'
  readonly code: ReadApiErrorCode
  readonly status: number
  constructor (code: ReadApiErrorCode, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.status = status
  }
}

/** A query parameter the API cannot interpret; the message starts with the parameter name. */
export class InvalidQueryParamError extends ReadApiError {
  override name = 'InvalidQueryParamError'
  readonly param: string
  constructor (param: string, message: string) {
    super('ERR_INVALID_QUERY_PARAM', 400, `${param}: ${message}`)
    this.param = param
  }
}

export class NotFoundError extends ReadApiError {
  override name = 'NotFoundError'
  constructor (message = 'No object matches the given query.') {
    super('ERR_NOT_FOUND', 404, message)
  }
}

export class MethodNotAllowedError extends ReadApiError {
  override name = 'MethodNotAllowedError'
  constructor (method: string) {
    super('ERR_METHOD_NOT_ALLOWED', 405, `Method "${method}" not allowed.`)
  }
}

/** Maps an error thrown by the authorize option to 401/403, or undefined if it is not an auth error. */
export function authStatus (err: unknown): 401 | 403 | undefined {
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'ERR_UNAUTHENTICATED') return 401
  if (code === 'ERR_PERMISSION_DENIED') return 403
  return undefined
}
