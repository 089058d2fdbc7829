// Public surface of the queue component: the interface, its two implementations and their errors.
export { createJetStreamQueue, DEFAULT_STREAM, DEFAULT_CONSUMER, DEFAULT_PUBLISH_TIMEOUT } from './jetstream.ts'
export { openEmbeddedQueue } from './embedded.ts'
export { QueueError, QueueArgumentError, isQueueError } from './errors.ts'
export type { JetStreamQueueOptions } from './jetstream.ts'
export type { EmbeddedQueueOptions } from './embedded.ts'
export type { QueueErrorCode } from './errors.ts'
export type { Queue, QueueMessage, QueueStats, PublishOptions, PublishResult, FetchOptions } from './types.ts'
