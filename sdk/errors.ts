// Typed errors of the SDK. Callers match on `code`; messages name the target, request id, chunk
// or field and the limit involved, and never carry a client secret or a token.
import { status as GrpcStatus } from '@grpc/grpc-js'

export const ERR_SDK_INVALID_TARGET = 'ERR_SDK_INVALID_TARGET'
export const ERR_SDK_INVALID_OPTION = 'ERR_SDK_INVALID_OPTION'
export const ERR_SDK_INVALID_ENTITY = 'ERR_SDK_INVALID_ENTITY'
export const ERR_SDK_CERT_FILE = 'ERR_SDK_CERT_FILE'
export const ERR_SDK_AUTH_REJECTED = 'ERR_SDK_AUTH_REJECTED'
export const ERR_SDK_AUTH_UNAVAILABLE = 'ERR_SDK_AUTH_UNAVAILABLE'
export const ERR_SDK_INGEST_FAILED = 'ERR_SDK_INGEST_FAILED'
export const ERR_SDK_ABORTED = 'ERR_SDK_ABORTED'
export const ERR_SDK_CLOSED = 'ERR_SDK_CLOSED'
export const ERR_SDK_DRY_RUN_FILE = 'ERR_SDK_DRY_RUN_FILE'

export type SdkErrorCode =
  | typeof ERR_SDK_INVALID_TARGET | typeof ERR_SDK_INVALID_OPTION | typeof ERR_SDK_INVALID_ENTITY
  | typeof ERR_SDK_CERT_FILE | typeof ERR_SDK_AUTH_REJECTED | typeof ERR_SDK_AUTH_UNAVAILABLE
  | typeof ERR_SDK_INGEST_FAILED | typeof ERR_SDK_ABORTED | typeof ERR_SDK_CLOSED | typeof ERR_SDK_DRY_RUN_FILE

/** Base class of every error the SDK throws. */
export class SdkError extends Error {
  readonly code: SdkErrorCode
  constructor (code: SdkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SdkError'
    this.code = code
  }
}

/** A caller mistake found before any I/O: target URL, option, entity shape. */
export class SdkArgumentError extends SdkError {
  /** Dotted path of the offending option or field, e.g. "Device.site". */
  readonly field: string | undefined
  constructor (code: typeof ERR_SDK_INVALID_TARGET | typeof ERR_SDK_INVALID_OPTION | typeof ERR_SDK_INVALID_ENTITY | typeof ERR_SDK_CERT_FILE,
    message: string, options?: { cause?: unknown, field?: string }) {
    super(code, message, options)
    this.name = 'SdkArgumentError'
    this.field = options?.field
  }
}

/** The token endpoint refused the credentials (4xx) or stayed unavailable after the retries. */
export class AuthError extends SdkError {
  /** HTTP status of the last token response, undefined when no response came back. */
  readonly httpStatus: number | undefined
  /** Token calls made before giving up. */
  readonly attempts: number
  constructor (code: typeof ERR_SDK_AUTH_REJECTED | typeof ERR_SDK_AUTH_UNAVAILABLE, message: string,
    options: { cause?: unknown, httpStatus?: number, attempts: number }) {
    super(code, message, options)
    this.name = 'AuthError'
    this.httpStatus = options.httpStatus
    this.attempts = options.attempts
  }
}

/** An Ingest call failed with a gRPC status after the retries it was allowed. */
export class IngestError extends SdkError {
  /** Numeric gRPC status code (grpc-js `status`), e.g. 14 for UNAVAILABLE. */
  readonly grpcCode: number
  /** Name of the gRPC status, e.g. "UNAVAILABLE". */
  readonly grpcStatus: string
  /** Status details sent by the server (or grpc-js' description of a transport failure). */
  readonly details: string
  /** Request id of the failed chunk; retries of a chunk reuse it. */
  readonly requestId: string
  /** Request ids of the chunks of this call that the server had already accepted. */
  readonly acceptedRequestIds: string[]
  /** Response errors collected from the accepted chunks. */
  readonly responseErrors: string[]
  constructor (message: string, options: { cause?: unknown, grpcCode: number, details: string, requestId: string, acceptedRequestIds: string[], responseErrors: string[] }) {
    super(ERR_SDK_INGEST_FAILED, message, options)
    this.name = 'IngestError'
    this.grpcCode = options.grpcCode
    this.grpcStatus = grpcStatusName(options.grpcCode)
    this.details = options.details
    this.requestId = options.requestId
    this.acceptedRequestIds = options.acceptedRequestIds
    this.responseErrors = options.responseErrors
  }
}

export function grpcStatusName (code: number): string {
  return (GrpcStatus as unknown as Record<number, string>)[code] ?? `STATUS_${code}`
}
