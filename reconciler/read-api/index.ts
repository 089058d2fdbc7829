// Public surface of the read API: the NetBox-shaped HTTP handler over the source of truth and
// the diode.v1 RetrieveIngestionLogs gRPC service.
export { createReadApi, READ_SCOPE, DEFAULT_BASE_PATH } from './read-api.ts'
export { createIngestionLogService, ingestionLogServiceDefinition, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './ingestion-log-service.ts'
export { DEFAULT_LIMIT, MAX_LIMIT } from './pagination.ts'
export { ReadApiError, InvalidQueryParamError, NotFoundError, MethodNotAllowedError } from './errors.ts'
export { RESOURCES } from './resources.ts'
export type { HttpHandler, ReadApiOptions } from './read-api.ts'
export type { IngestionLogService, IngestionLogServiceOptions } from './ingestion-log-service.ts'
export type { ReadApiErrorCode } from './errors.ts'
export type { Resource } from './resource.ts'
