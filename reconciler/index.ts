// Public surface of the reconciler: the queue consumer, the pipeline without a queue, and the
// list of entity types it applies (the ingester reports the others in its response).
export { RECONCILED_TYPES } from './models.ts'
export { applyRequests, recordFailedRequests } from './pipeline.ts'
export { slugify } from './slugify.ts'
export { ReconcilerError, ReconcilerArgumentError, EntityError, isTransientError } from './errors.ts'
export type { ApplySummary, ApplyCounts, ApplyOptions, EntityResult, RequestInput } from './pipeline.ts'
export type { ChangeEntry, EntityChangeSet } from './change-set.ts'
export type { IngestionState } from './ingestion-log.ts'
export type { ReconcilerErrorCode } from './errors.ts'
export { createReconciler, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY } from './consumer.ts'
export type { Reconciler, ReconcilerOptions } from './consumer.ts'
export { startApplyWorkers, DEFAULT_YOUNG_GENERATION_MB } from './apply-workers.ts'
export type { ApplyWorkers, ApplyWorkersOptions } from './apply-workers.ts'
export { startRetention } from './retention.ts'
export type { Retention, RetentionOptions, SweepResult } from './retention.ts'
// The read side (REST read API, RetrieveIngestionLogs) lives in read-api/ and is part of this
// component's surface.
export { createReadApi, createIngestionLogService, READ_SCOPE } from './read-api/index.ts'
export type { HttpHandler, ReadApiOptions, IngestionLogService, IngestionLogServiceOptions } from './read-api/index.ts'
