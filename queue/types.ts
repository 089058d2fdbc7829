// The durable queue between ingester and reconciler. Two implementations sit behind this one
// interface (NATS JetStream for production, an on-disk log for the embedded default), so neither
// the ingester nor the reconciler can tell which one it has.

export interface PublishOptions {
  /** Time in ms to wait for the queue to acknowledge durable storage. */
  timeout?: number
  signal?: AbortSignal
}

export interface PublishResult {
  /** True when a message with the same id was already stored (a retried request). */
  duplicate: boolean
  /** Sequence number of the stored message. */
  seq: number
}

export interface QueueMessage {
  /** The message id given at publish (JetStream's Nats-Msg-Id, the deduplication key):
   * - `<request id>` for a request published whole: `data` is the request as received;
   * - `<request id>#<first entity index>` for one part of a request larger than the queue's
   *   maxMessageBytes, e.g. `0b6f...-9c1e#2870`: `data` is a valid IngestRequest holding every
   *   non-entity field of the original and its entities from that index on, consecutive.
   * parseMessageId (message-id.ts) reads both forms; partMessageId writes the second. */
  readonly id: string
  /** The IngestRequest bytes exactly as the ingester received them, or one part of them (see id). */
  readonly data: Uint8Array
  /** 1 on first delivery, incremented on each redelivery. */
  readonly deliveryCount: number
  readonly seq: number
  /** Acknowledge: call only after the reconciler's transaction committed. */
  ack (): Promise<void>
  /** Negative acknowledge: redeliver after `delay` ms. */
  nak (delay?: number): Promise<void>
  /** Give up on the message for good; `reason` is kept for operators. */
  term (reason: string): Promise<void>
  /** Extend the ack deadline during long work. */
  working (): Promise<void>
}

export interface FetchOptions {
  /** Most messages to return, default 64. */
  max?: number
  /** Wait at most this many ms for the first message, default 1000; returns [] when none came. */
  expires?: number
  signal?: AbortSignal
}

export interface QueueStats {
  /** Messages not yet acknowledged by the consumer (queue lag). */
  pending: number
  /** Messages stored. */
  messages: number
  bytes: number
}

/** A message stored and not yet acknowledged, read without taking it (Queue.waiting). */
export interface WaitingMessage {
  /** As QueueMessage.id. */
  readonly id: string
  readonly seq: number
  readonly data: Uint8Array
  /** When the queue stored it. */
  readonly time: Date
}

export interface Queue {
  readonly kind: 'jetstream' | 'embedded'
  /** Largest message in bytes the queue stores (JetStream: the server's max_payload less header
   * room); undefined when the queue sets no limit of its own. */
  readonly maxMessageBytes?: number
  publish (id: string, data: Uint8Array, options?: PublishOptions): Promise<PublishResult>
  /** Fetches a batch for this process's durable consumer. */
  fetch (options?: FetchOptions): Promise<QueueMessage[]>
  /** True when the queue can take a publish now (for /readyz). */
  ready (): Promise<boolean>
  stats (): Promise<QueueStats>
  /** Up to `limit` messages not yet acknowledged, newest first, left where they are: what the
   * read side shows as QUEUED. A message being reconciled right now is among them. Stops after
   * the message that brings the bytes read to `maxBytes` (default: no limit). */
  waiting (limit: number, maxBytes?: number): Promise<WaitingMessage[]>
  close (): Promise<void>
}
