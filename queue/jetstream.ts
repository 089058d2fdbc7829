// The production queue: one JetStream stream of IngestRequest bytes, published with the request id
// as Nats-Msg-Id (JetStream drops a second message with the same id inside the duplicate window),
// read by one durable pull consumer with explicit acks that every reconciler shares.
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node'
import {
  jetstream, jetstreamManager, AckPolicy, DiscardPolicy, JetStreamApiError, RetentionPolicy, StorageType,
  type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg
} from '@nats-io/jetstream'
import type { Logger } from 'pino'
import { silentLogger } from '../config/logger.ts'
import { QueueArgumentError, QueueError } from './errors.ts'
import type { FetchOptions, PublishOptions, PublishResult, Queue, QueueMessage, QueueStats, WaitingMessage } from './types.ts'

export const DEFAULT_STREAM = 'TRIBUTARY_INGEST'
export const DEFAULT_CONSUMER = 'reconciler'
/** ms */
export const DEFAULT_PUBLISH_TIMEOUT = 3000
/** ms */
export const DEFAULT_CONNECT_TIMEOUT = 5000
/** ms; the time a fetched message may stay unacknowledged before JetStream redelivers it. */
export const DEFAULT_ACK_WAIT = 60_000
/** ms; a retried request (SDK retry, agent restart) normally arrives well inside this. */
export const DEFAULT_DUPLICATE_WINDOW = 10 * 60_000
/** bytes: 1 GiB of backlog before publishes are refused with ERR_QUEUE_FULL. */
export const DEFAULT_MAX_BYTES = 1024 ** 3
/** ms for management calls (stream info, consumer info). */
const API_TIMEOUT = 2000
/** Room kept below max_payload for the subject and the Nats-Msg-Id header. */
const HEADER_ROOM = 1024
/** Messages the consume() iterator keeps buffered for fetch(). */
const CONSUME_BUFFER = 64

export interface JetStreamQueueOptions {
  /** NATS server URL(s), comma separated, e.g. "nats://127.0.0.1:4222". */
  servers: string
  /** Stream name, default TRIBUTARY_INGEST. */
  stream?: string
  /** Subject the requests are published on, default "<stream>.requests". */
  subject?: string
  /** Durable pull consumer name, default "reconciler". */
  consumer?: string
  /** Stream limit in bytes; publishes beyond it fail with ERR_QUEUE_FULL. Default 1 GiB. */
  maxBytes?: number
  /** Stream limit in messages; default unlimited. */
  maxMessages?: number
  /** ms a message is kept at most; default 0 = forever (until acknowledged). */
  maxAge?: number
  /** Stream replicas (clustered NATS), default 1. */
  replicas?: number
  /** ms for the first connection, default 5000. */
  connectTimeout?: number
  /** ms to wait for JetStream's publish acknowledgement, default 3000. */
  publishTimeout?: number
  /** ms before an unacknowledged message is redelivered, default 60000. */
  ackWait?: number
  /** ms within which a repeated request id is stored once, default 10 minutes. */
  duplicateWindow?: number
  logger?: Logger
}

interface Resolved {
  servers: string[]
  stream: string
  subject: string
  consumer: string
  maxBytes: number
  maxMessages: number
  maxAge: number
  replicas: number
  connectTimeout: number
  publishTimeout: number
  ackWait: number
  duplicateWindow: number
}

function positive (name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new QueueArgumentError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${value}`)
  }
  return value
}

function resolve (o: JetStreamQueueOptions): Resolved {
  if (typeof o.servers !== 'string' || o.servers.trim() === '') throw new QueueArgumentError('servers must name at least one NATS URL')
  const stream = o.stream ?? DEFAULT_STREAM
  if (!/^[\w-]+$/.test(stream)) throw new QueueArgumentError(`stream "${stream}" may only hold letters, digits, "_" and "-"`)
  const consumer = o.consumer ?? DEFAULT_CONSUMER
  if (!/^[\w-]+$/.test(consumer)) throw new QueueArgumentError(`consumer "${consumer}" may only hold letters, digits, "_" and "-"`)
  return {
    servers: o.servers.split(',').map((s) => s.trim()).filter(Boolean),
    stream,
    subject: o.subject ?? `${stream}.requests`,
    consumer,
    maxBytes: positive('maxBytes', o.maxBytes, DEFAULT_MAX_BYTES),
    maxMessages: positive('maxMessages', o.maxMessages, -1),
    maxAge: positive('maxAge', o.maxAge, 0, true),
    replicas: positive('replicas', o.replicas, 1),
    connectTimeout: positive('connectTimeout', o.connectTimeout, DEFAULT_CONNECT_TIMEOUT),
    publishTimeout: positive('publishTimeout', o.publishTimeout, DEFAULT_PUBLISH_TIMEOUT),
    ackWait: positive('ackWait', o.ackWait, DEFAULT_ACK_WAIT),
    duplicateWindow: positive('duplicateWindow', o.duplicateWindow, DEFAULT_DUPLICATE_WINDOW)
  }
}

// JetStream API error codes for a stream at its limits with discard=new.
const FULL_CODES = new Set([10047 /* insufficient resources */, 10077 /* maximum messages exceeded */, 10028 /* message size exceeds maximum */])

/** Connects, makes sure the stream and the durable consumer exist, and returns the queue. */
export async function createJetStreamQueue (options: JetStreamQueueOptions): Promise<Queue> {
  const o = resolve(options)
  const log = (options.logger ?? silentLogger).child({ component: 'queue', queue: 'jetstream', stream: o.stream })
  let nc: NatsConnection
  try {
    nc = await connect({
      servers: o.servers,
      timeout: o.connectTimeout,
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      name: 'tributary-queue',
      // Without this nats.js builds two extra Errors (each capturing a stack) on every request,
      // i.e. on every JetStream publish, only to name the caller should it fail; our QueueError
      // messages name the publish, the request id and the stream already (issue 3).
      noAsyncTraces: true
    })
  } catch (cause) {
    throw new QueueError('ERR_QUEUE_UNAVAILABLE', `cannot connect to NATS at ${o.servers.map(withoutCredentials).join(',')} within ${o.connectTimeout} ms: ${(cause as Error).message}`, { cause })
  }
  const queue = new JetStreamQueue(nc, o, log)
  try {
    await queue.ensureStream()
    await queue.ensureConsumer()
  } catch (err) {
    await nc.close().catch(() => {})
    throw err
  }
  queue.watchStatus()
  return queue
}

/** A server URL without its userinfo part. */
export function withoutCredentials (server: string): string {
  return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^@/]*@/i, '$1')
}

class JetStreamQueue implements Queue {
  readonly kind = 'jetstream' as const
  readonly #nc: NatsConnection
  readonly #js: JetStreamClient
  #jsm: JetStreamManager | undefined
  readonly #o: Resolved
  readonly #log: Logger
  #connected = true
  #closed = false
  #messages: ConsumerMessages | undefined
  #iterator: AsyncIterator<JsMsg> | undefined
  #pendingNext: Promise<IteratorResult<JsMsg>> | undefined
  #fetchChain: Promise<unknown> = Promise.resolve()
  /** Stream bytes as last read, plus what this process stored since (see #roomFor). */
  #streamBytes = 0
  #streamBytesAt = 0
  #refreshing = false

  constructor (nc: NatsConnection, o: Resolved, log: Logger) {
    this.#nc = nc
    this.#o = o
    this.#log = log
    this.#js = jetstream(nc, { timeout: o.publishTimeout })
  }

  get maxMessageBytes (): number {
    return (this.#nc.info?.max_payload ?? 1024 * 1024) - HEADER_ROOM
  }

  async #manager (): Promise<JetStreamManager> {
    this.#jsm ??= await jetstreamManager(this.#nc, { timeout: API_TIMEOUT, checkAPI: false })
    return this.#jsm
  }

  // Errors reach logs and, through the read API's QUEUED view, HTTP clients: a server URL's
  // user and password (nats://user:secret@host) stay out of them.
  #where (): string {
    return `stream ${this.#o.stream} at ${this.#o.servers.map(withoutCredentials).join(',')}`
  }

  async ensureStream (): Promise<void> {
    const jsm = await this.#manager()
    try {
      const info = await jsm.streams.info(this.#o.stream)
      this.#streamBytes = info.state.bytes
      this.#streamBytesAt = Date.now()
      return
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === 10059)) throw this.#unavailable('stream info', err)
    }
    try {
      await jsm.streams.add({
        name: this.#o.stream,
        subjects: [this.#o.subject],
        storage: StorageType.File,
        // Work-queue retention deletes a message once the reconciler acknowledged it, so the byte
        // limit bounds the backlog (what is not yet reconciled), not the history; discard=new makes a
        // full backlog refuse new requests (RESOURCE_EXHAUSTED, the SDK backs off) instead of
        // silently dropping accepted ones.
        retention: RetentionPolicy.Workqueue,
        discard: DiscardPolicy.New,
        max_bytes: this.#o.maxBytes,
        max_msgs: this.#o.maxMessages,
        max_age: nanos(this.#o.maxAge),
        num_replicas: this.#o.replicas,
        duplicate_window: nanos(this.#o.duplicateWindow)
      })
      this.#log.info({ subject: this.#o.subject, maxBytes: this.#o.maxBytes }, 'created stream')
    } catch (err) {
      // Another process created it between our info and add.
      if (err instanceof JetStreamApiError && err.code === 10058) return
      throw this.#unavailable('stream create', err)
    }
  }

  async ensureConsumer (): Promise<void> {
    const jsm = await this.#manager()
    try {
      await jsm.consumers.info(this.#o.stream, this.#o.consumer)
      return
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === 10014)) throw this.#unavailable('consumer info', err)
    }
    try {
      await jsm.consumers.add(this.#o.stream, {
        durable_name: this.#o.consumer,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(this.#o.ackWait),
        max_ack_pending: 10_000
      })
    } catch (err) {
      throw this.#unavailable('consumer create', err)
    }
  }

  watchStatus (): void {
    void (async () => {
      for await (const s of this.#nc.status()) {
        if (s.type === 'disconnect') {
          this.#connected = false
          this.#log.warn({ server: s.server }, 'NATS disconnected; publishes fail until it is back')
        } else if (s.type === 'reconnect') {
          this.#connected = true
          this.#log.info({ server: s.server }, 'NATS reconnected')
        }
      }
    })().catch(() => {})
  }

  #unavailable (phase: string, cause: unknown): QueueError {
    if (cause instanceof QueueError) return cause
    return new QueueError('ERR_QUEUE_UNAVAILABLE', `${phase} failed on ${this.#where()}: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }

  async publish (id: string, data: Uint8Array, options: PublishOptions = {}): Promise<PublishResult> {
    if (this.#closed) throw new QueueError('ERR_QUEUE_CLOSED', `publish of ${id}: the queue is closed`)
    if (typeof id !== 'string' || id === '') throw new QueueArgumentError('publish: id must be a non-empty string')
    const limit = this.maxMessageBytes
    if (data.byteLength > limit) {
      throw new QueueError('ERR_QUEUE_MESSAGE_TOO_LARGE', `message ${id} is ${data.byteLength} bytes; ${this.#where()} takes at most ${limit} bytes per message (NATS max_payload less header room)`)
    }
    // While disconnected nats.js would buffer the publish until it reconnects; fail now instead,
    // so the producer gets UNAVAILABLE at once and retries.
    if (!this.#connected || this.#nc.isClosed()) {
      throw new QueueError('ERR_QUEUE_UNAVAILABLE', `publish of ${id}: not connected to NATS (${this.#where()})`)
    }
    const record = this.#recordBytes(data.byteLength)
    if (!this.#roomFor(record) && !await this.#roomAfterRefresh(record)) {
      throw new QueueError('ERR_QUEUE_FULL', `publish of ${id}: ${this.#where()} is full (max_bytes ${this.#o.maxBytes}): it holds about ${this.#streamBytes} bytes, no room for ${record} more`)
    }
    const timeout = Math.min(options.timeout ?? this.#o.publishTimeout, this.#o.publishTimeout)
    const started = Date.now()
    options.signal?.throwIfAborted()
    for (let attempt = 0; ; attempt++) {
      const left = timeout - (Date.now() - started)
      if (left <= 0) throw new QueueError('ERR_QUEUE_UNAVAILABLE', `publish of ${id}: no acknowledgement from ${this.#where()} within ${timeout} ms`)
      try {
        const ack = await this.#js.publish(this.#o.subject, data, { msgID: id, timeout: left, retries: 0 })
        if (!ack.duplicate) this.#streamBytes += record
        return { duplicate: ack.duplicate, seq: ack.seq }
      } catch (err) {
        const e = err as Error
        if (err instanceof JetStreamApiError && FULL_CODES.has(err.code)) {
          throw new QueueError('ERR_QUEUE_FULL', `publish of ${id}: ${this.#where()} is full (max_bytes ${this.#o.maxBytes}${this.#o.maxMessages > 0 ? `, max_msgs ${this.#o.maxMessages}` : ''}): ${e.message}`, { cause: err })
        }
        // Nobody answers on the subject (nats.js reports it as no responders or "jetstream is not
        // enabled"): the stream is gone, e.g. NATS restarted without its store. Recreate it once.
        if (attempt === 0 && (e.name === 'NoRespondersError' || e.name === 'JetStreamNotEnabled' || /no responders|jetstream is not enabled/i.test(e.message))) {
          try {
            await this.ensureStream()
            await this.ensureConsumer()
            continue
          } catch (inner) {
            throw this.#unavailable(`publish of ${id}`, inner)
          }
        }
        if (e.name === 'TimeoutError') {
          throw new QueueError('ERR_QUEUE_UNAVAILABLE', `publish of ${id}: no acknowledgement from ${this.#where()} within ${timeout} ms`, { cause: err })
        }
        throw this.#unavailable(`publish of ${id}`, err)
      }
    }
  }

  // Bytes the server accounts for one stored message: payload, subject, the Nats-Msg-Id header
  // and its record framing.
  #recordBytes (payload: number): number {
    return payload + this.#o.subject.length + 128
  }

  // nats-server 2.9 checks discard=new against the payload alone but enforces max_bytes on whole
  // records, so a publish landing just under the limit made it delete the OLDEST message: an
  // accepted request lost. We therefore refuse on our own count first: the stream's bytes read
  // about every second, plus what this process stored since. Several ingesters can still overshoot
  // within that second, so keep max_bytes well above the expected backlog.
  #roomFor (record: number): boolean {
    if (Date.now() - this.#streamBytesAt > 1000 && !this.#refreshing) {
      this.#refreshing = true
      void this.#manager()
        .then((jsm) => jsm.streams.info(this.#o.stream))
        .then((info) => { this.#streamBytes = info.state.bytes; this.#streamBytesAt = Date.now() })
        .catch(() => {})
        .finally(() => { this.#refreshing = false })
    }
    return this.#streamBytes + record <= this.#o.maxBytes
  }

  // Before refusing, read the stream again: the reconciler may have drained it since.
  async #roomAfterRefresh (record: number): Promise<boolean> {
    try {
      const info = await (await this.#manager()).streams.info(this.#o.stream)
      this.#streamBytes = info.state.bytes
      this.#streamBytesAt = Date.now()
    } catch {
      // Unknown: let the server decide.
      return true
    }
    return this.#streamBytes + record <= this.#o.maxBytes
  }

  fetch (options: FetchOptions = {}): Promise<QueueMessage[]> {
    // One fetch at a time: they share the consume() iterator.
    const run = this.#fetchChain.then(() => this.#fetch(options))
    this.#fetchChain = run.catch(() => {})
    return run
  }

  async #fetch (options: FetchOptions): Promise<QueueMessage[]> {
    if (this.#closed) throw new QueueError('ERR_QUEUE_CLOSED', 'fetch: the queue is closed')
    const max = options.max ?? 64
    const expires = options.expires ?? 1000
    if (!this.#iterator) {
      const consumer = await this.#js.consumers.get(this.#o.stream, this.#o.consumer)
        .catch((err: unknown) => { throw this.#unavailable('consumer lookup', err) })
      this.#messages = await consumer.consume({ max_messages: Math.max(CONSUME_BUFFER, 1), expires: 30_000 })
      this.#iterator = this.#messages[Symbol.asyncIterator]()
    }
    const first = await this.#next(expires, options.signal)
    if (!first) return []
    const termReason = this.#termTakesReason()
    const out = [wrap(first, termReason)]
    while (out.length < max && this.#messages!.getPending() > 0) {
      const m = await this.#next(0)
      if (!m) break
      out.push(wrap(m, termReason))
    }
    return out
  }

  // Servers before 2.11 do not parse "+TERM <reason>" and would ignore the term altogether.
  #termTakesReason (): boolean {
    const [major = 0, minor = 0] = (this.#nc.info?.version ?? '0.0').split('.').map(Number)
    return major > 2 || (major === 2 && minor >= 11)
  }

  // Waits up to `timeout` ms for the iterator's next message. The pending next() cannot be
  // cancelled, so a late one is kept and handed to the following fetch instead of being lost.
  async #next (timeout: number, signal?: AbortSignal): Promise<JsMsg | undefined> {
    this.#pendingNext ??= this.#iterator!.next()
    const pending = this.#pendingNext
    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    const wait = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeout)
      onAbort = () => resolve('timeout')
      signal?.addEventListener('abort', onAbort, { once: true })
    })
    try {
      const r = await Promise.race([pending, wait])
      if (r === 'timeout') return undefined
      this.#pendingNext = undefined
      if (r.done) {
        this.#iterator = undefined
        return undefined
      }
      return r.value
    } finally {
      clearTimeout(timer)
      if (onAbort) signal?.removeEventListener('abort', onAbort)
    }
  }

  async ready (): Promise<boolean> {
    if (this.#closed || !this.#connected || this.#nc.isClosed()) return false
    try {
      await (await this.#manager()).streams.info(this.#o.stream)
      return true
    } catch {
      return false
    }
  }

  async stats (): Promise<QueueStats> {
    try {
      const jsm = await this.#manager()
      const s = await jsm.streams.info(this.#o.stream)
      const c = await jsm.consumers.info(this.#o.stream, this.#o.consumer)
      return { pending: c.num_pending + c.num_ack_pending, messages: s.state.messages, bytes: s.state.bytes }
    } catch (err) {
      throw this.#unavailable('stats', err)
    }
  }

  async waiting (limit: number, maxBytes = Infinity): Promise<WaitingMessage[]> {
    try {
      const jsm = await this.#manager()
      const { first_seq: first, last_seq: last, messages } = (await jsm.streams.info(this.#o.stream)).state
      const out: WaitingMessage[] = []
      // Work-queue retention deletes what the reconciler acknowledged, so the stream holds exactly
      // the waiting messages, the newest at its end; acknowledgements out of order leave gaps,
      // which cost one request each: a bounded number of them.
      let gaps = Math.min(Math.max(0, last - first + 1 - messages), 4 * limit + 100)
      let bytes = 0
      for (let seq = last; seq >= first && out.length < limit && bytes < maxBytes; seq--) {
        const m = await jsm.streams.getMessage(this.#o.stream, { seq })
        if (m === null) {
          if (--gaps < 0) break
          continue
        }
        out.push({ id: m.header?.get('Nats-Msg-Id') ?? '', seq: m.seq, data: m.data, time: m.time })
        bytes += m.data.byteLength
      }
      return out
    } catch (err) {
      throw this.#unavailable('waiting', err)
    }
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#messages?.stop()
    // drain() waits for in-flight requests; never let a dead server hold close() up.
    let timer: NodeJS.Timeout | undefined
    const giveUp = new Promise<void>((resolve) => { timer = setTimeout(resolve, 2000) })
    await Promise.race([this.#nc.drain().catch(() => {}), giveUp])
    clearTimeout(timer)
    if (!this.#nc.isClosed()) await this.#nc.close().catch(() => {})
  }
}

function wrap (m: JsMsg, termReason: boolean): QueueMessage {
  return {
    id: m.headers?.get('Nats-Msg-Id') ?? '',
    data: m.data,
    deliveryCount: m.info.deliveryCount,
    seq: m.seq,
    async ack () {
      // Wait for the server to confirm: the reconciler's commit is only final once this holds.
      await m.ackAck()
    },
    async nak (delay?: number) { m.nak(delay) },
    async term (reason: string) { m.term(termReason ? reason : undefined) },
    async working () { m.working() }
  }
}
