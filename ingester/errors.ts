// Errors of the ingester, matched by callers on `code`. AuthError maps to gRPC UNAUTHENTICATED or
// PERMISSION_DENIED and to OAuth2 error bodies; their messages never carry a token or a secret.

export type AuthErrorCode = 'ERR_UNAUTHENTICATED' | 'ERR_PERMISSION_DENIED' | 'ERR_INVALID_CLIENT' | 'ERR_INVALID_SCOPE' | 'ERR_INVALID_REQUEST'

export class AuthError extends Error {
  override name = 'AuthError'
  readonly code: AuthErrorCode
  constructor (code: AuthErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** A request failed validation; the message names the request id and, for an entity, its index and field. */
export class ValidationError extends Error {
  override name = 'ValidationError'
  readonly code = 'ERR_INVALID_ARGUMENT'
}

/** A bad option given to createIngester / createAuthenticator. */
export class IngesterArgumentError extends Error {
  override name = 'IngesterArgumentError'
  readonly code = 'ERR_INGESTER_ARGUMENT'
}

/** One entity, with the request's other fields, does not fit in a queue message. */
export class EntityTooLargeError extends Error {
  override name = 'EntityTooLargeError'
  readonly code = 'ERR_INGEST_ENTITY_TOO_LARGE'
  readonly entityIndex: number
  readonly bytes: number
  readonly limit: number
  constructor (entityIndex: number, bytes: number, limit: number) {
    super(`entity ${entityIndex} is ${bytes} bytes with the request's other fields; the queue takes at most ${limit} bytes per message`)
    this.entityIndex = entityIndex
    this.bytes = bytes
    this.limit = limit
  }
}
