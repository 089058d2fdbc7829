// The embedded queue for the no-server default: a durable log in one directory that keeps the
// JetStream queue's promises on one machine. publish() resolves only after its record is
// fdatasync'd, so an acknowledged request survives kill -9; acks and terms are synced the same way,
// so a restart redelivers exactly the messages that were not acknowledged. Concurrent appends share
// one write and one sync (group commit), which is what keeps the ingester fast on this path.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { join, resolve as resolvePath } from 'node:path'
import type { Logger } from 'pino'
import { silentLogger } from '../config/logger.ts'
import { QueueArgumentError, QueueError } from './errors.ts'
import {
  encodeAck, encodeDeliver, encodeId, encodePublish, encodeTerm, parseSegment,
  RECORD_ACK, RECORD_DELIVER, RECORD_ID, RECORD_PUBLISH, RECORD_TERM
} from './embedded-log.ts'
import type { FetchOptions, PublishOptions, PublishResult, Queue, QueueMessage, QueueStats, WaitingMessage } from './types.ts'

/** bytes: a segment file is closed and a new one started past this size. */
export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024
/** bytes of unacknowledged messages before publish fails with ERR_QUEUE_FULL. */
export const DEFAULT_EMBEDDED_MAX_BYTES = 4 * 1024 ** 3
/** ms, as for JetStream: a fetched message not acknowledged by then is delivered again. */
export const DEFAULT_EMBEDDED_ACK_WAIT = 60_000
/** ms a message id is remembered for deduplication. */
export const DEFAULT_EMBEDDED_DUPLICATE_WINDOW = 10 * 60_000
const COMPACT_INTERVAL = 10_000
/** Messages larger than this are refused; records keep 32-bit lengths. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024

export interface EmbeddedQueueOptions {
  /** Directory of the log; created when missing. One process at a time (a LOCK file enforces it). */
  dir: string
  /** Segment size in bytes, default 64 MiB; compaction deletes fully acknowledged segments. */
  segmentBytes?: number
  /** Bytes of unacknowledged messages kept at most, default 4 GiB. */
  maxBytes?: number
  /** ms before an unacknowledged fetched message is delivered again, default 60000. */
  ackWait?: number
  /** ms within which a repeated id is stored once, default 10 minutes. */
  duplicateWindow?: number
  logger?: Logger
}

interface Config { dir: string, segmentBytes: number, maxBytes: number, ackWait: number, duplicateWindow: number }

interface Segment {
  no: number
  path: string
  fh: FileHandle
  size: number
  published: number
}

interface Entry {
  seq: number
  id: string
  ts: number
  segment: Segment
  dataOffset: number
  length: number
  deliveries: number
  inflightUntil: number
  availableAt: number
}

interface PendingWrite {
  segment: Segment
  pos: number
  buf: Buffer
  durable: boolean
  resolve: () => void
  reject: (err: Error) => void
}

function segmentPath (dir: string, no: number): string {
  return join(dir, `seg-${String(no).padStart(10, '0')}.log`)
}

// Directories this process has open: the LOCK file alone cannot tell our own second open apart.
const openDirs = new Set<string>()

function lock (dir: string): string {
  const path = join(dir, 'LOCK')
  if (openDirs.has(resolvePath(dir))) throw new QueueError('ERR_QUEUE_UNAVAILABLE', `embedded queue ${dir} is in use by process ${process.pid} (this one)`)
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' })
    openDirs.add(resolvePath(dir))
    return path
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const holder = Number.parseInt(readFileSync(path, 'utf8'), 10)
  let alive = false
  if (Number.isInteger(holder) && holder !== process.pid) {
    try { process.kill(holder, 0); alive = true } catch { alive = false }
  }
  if (alive) throw new QueueError('ERR_QUEUE_UNAVAILABLE', `embedded queue ${dir} is in use by process ${holder} (${path})`)
  // Left behind by a process that died (kill -9): take it over.
  writeFileSync(path, String(process.pid))
  openDirs.add(resolvePath(dir))
  return path
}

function unlock (dir: string, path: string): void {
  openDirs.delete(resolvePath(dir))
  try { unlinkSync(path) } catch {}
}

/** Opens (creating on first use) the embedded queue in `options.dir`, replaying its log. */
export async function openEmbeddedQueue (options: EmbeddedQueueOptions): Promise<Queue> {
  if (typeof options.dir !== 'string' || options.dir === '') throw new QueueArgumentError('dir must name a directory')
  const num = (name: string, v: number | undefined, d: number): number => {
    if (v === undefined) return d
    if (!Number.isFinite(v) || v <= 0) throw new QueueArgumentError(`${name} must be a positive number, got ${v}`)
    return v
  }
  const cfg = {
    dir: options.dir,
    segmentBytes: num('segmentBytes', options.segmentBytes, DEFAULT_SEGMENT_BYTES),
    maxBytes: num('maxBytes', options.maxBytes, DEFAULT_EMBEDDED_MAX_BYTES),
    ackWait: num('ackWait', options.ackWait, DEFAULT_EMBEDDED_ACK_WAIT),
    duplicateWindow: num('duplicateWindow', options.duplicateWindow, DEFAULT_EMBEDDED_DUPLICATE_WINDOW)
  }
  mkdirSync(cfg.dir, { recursive: true })
  const lockPath = lock(cfg.dir)
  const q = new EmbeddedQueue(cfg, lockPath, (options.logger ?? silentLogger).child({ component: 'queue', queue: 'embedded', dir: cfg.dir }))
  try {
    await q.load()
  } catch (err) {
    await q.close()
    throw err
  }
  return q
}

class EmbeddedQueue implements Queue {
  readonly kind = 'embedded' as const
  readonly maxMessageBytes = MAX_MESSAGE_BYTES
  readonly #cfg: Config
  readonly #lockPath: string
  readonly #log: Logger
  #segments: Segment[] = []
  #entries = new Map<number, Entry>()
  #ids = new Map<string, { seq: number, ts: number, segNo: number }>()
  #publishing = new Map<string, Promise<PublishResult>>()
  #nextSeq = 1
  #liveBytes = 0
  #pending: PendingWrite[] = []
  #writing: Promise<void> | undefined
  #waiters = new Set<() => void>()
  #timer: NodeJS.Timeout | undefined
  #compacting = false
  #closed = false

  constructor (cfg: Config, lockPath: string, log: Logger) {
    this.#cfg = cfg
    this.#lockPath = lockPath
    this.#log = log
  }

  get #active (): Segment {
    return this.#segments[this.#segments.length - 1]!
  }

  async load (): Promise<void> {
    const files = readdirSync(this.#cfg.dir).filter((f) => /^seg-\d{10}\.log$/.test(f)).sort()
    for (let i = 0; i < files.length; i++) {
      const no = Number.parseInt(files[i]!.slice(4, 14), 10)
      const path = segmentPath(this.#cfg.dir, no)
      const buf = readFileSync(path)
      const { records, validLength } = parseSegment(buf)
      if (validLength < buf.length) {
        if (i < files.length - 1) {
          throw new QueueError('ERR_QUEUE_CORRUPT', `embedded queue segment ${path} is corrupt at byte ${validLength} of ${buf.length}; it is not the last segment, so this is not a torn append`)
        }
        // A torn append from a crash: the caller was never told it succeeded, so drop it.
        this.#log.warn({ path, validLength, size: buf.length }, 'cut a torn record off the end of the log')
        truncateSync(path, validLength)
      }
      const segment: Segment = { no, path, fh: await open(path, 'r+'), size: validLength, published: 0 }
      this.#segments.push(segment)
      for (const r of records) {
        if (r.seq >= this.#nextSeq) this.#nextSeq = r.seq + 1
        if (r.type === RECORD_PUBLISH) {
          segment.published++
          const old = this.#entries.get(r.seq)
          if (old) this.#liveBytes -= old.length
          this.#entries.set(r.seq, {
            seq: r.seq, id: r.id, ts: r.ts, segment, dataOffset: r.dataOffset, length: r.data.length,
            deliveries: r.deliveries, inflightUntil: 0, availableAt: 0
          })
          this.#liveBytes += r.data.length
          this.#ids.set(r.id, { seq: r.seq, ts: r.ts, segNo: no })
        } else if (r.type === RECORD_ACK || r.type === RECORD_TERM) {
          const e = this.#entries.get(r.seq)
          if (e) {
            this.#entries.delete(r.seq)
            this.#liveBytes -= e.length
          }
        } else if (r.type === RECORD_DELIVER) {
          const e = this.#entries.get(r.seq)
          if (e) e.deliveries = r.deliveries
        } else if (r.type === RECORD_ID) {
          this.#ids.set(r.id, { seq: r.seq, ts: r.ts, segNo: no })
        }
      }
    }
    if (this.#segments.length === 0) await this.#roll(1)
    this.#timer = setInterval(() => { void this.#compact() }, COMPACT_INTERVAL)
    this.#timer.unref()
    this.#log.debug({ segments: this.#segments.length, pending: this.#entries.size }, 'opened')
  }

  async #roll (no: number): Promise<void> {
    const path = segmentPath(this.#cfg.dir, no)
    const fh = await open(path, 'wx+')
    // The new file's directory entry must be durable before records in it are acknowledged.
    const dirFd = openSync(this.#cfg.dir, 'r')
    try { fsyncSync(dirFd) } finally { closeSync(dirFd) }
    this.#segments.push({ no, path, fh, size: 0, published: 0 })
  }

  // Appends a record; resolves once written (and synced when `durable`). Positions are assigned
  // here, in call order, so the writer can lay the batch down with one write per segment.
  async #append (buf: Buffer, durable: boolean): Promise<{ segment: Segment, pos: number }> {
    if (this.#active.size > 0 && this.#active.size + buf.length > this.#cfg.segmentBytes) {
      await this.#roll(this.#active.no + 1)
      queueMicrotask(() => { void this.#compact() })
    }
    const segment = this.#active
    const pos = segment.size
    segment.size += buf.length
    await new Promise<void>((resolve, reject) => {
      this.#pending.push({ segment, pos, buf, durable, resolve, reject })
      this.#writing ??= this.#writeLoop()
    })
    return { segment, pos }
  }

  async #writeLoop (): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending
        this.#pending = []
        try {
          const touched = new Set<Segment>()
          let i = 0
          while (i < batch.length) {
            let j = i + 1
            while (j < batch.length && batch[j]!.segment === batch[i]!.segment && batch[j]!.pos === batch[j - 1]!.pos + batch[j - 1]!.buf.length) j++
            const chunk = j - i === 1 ? batch[i]!.buf : Buffer.concat(batch.slice(i, j).map((w) => w.buf))
            await batch[i]!.segment.fh.write(chunk, 0, chunk.length, batch[i]!.pos)
            if (batch.slice(i, j).some((w) => w.durable)) touched.add(batch[i]!.segment)
            i = j
          }
          for (const s of touched) await s.fh.datasync()
          for (const w of batch) w.resolve()
        } catch (cause) {
          const err = new QueueError('ERR_QUEUE_UNAVAILABLE', `embedded queue ${this.#cfg.dir}: write failed: ${(cause as Error).message}`, { cause })
          for (const w of batch) w.reject(err)
        }
      }
    } finally {
      this.#writing = undefined
    }
  }

  publish (id: string, data: Uint8Array, options: PublishOptions = {}): Promise<PublishResult> {
    if (this.#closed) return Promise.reject(new QueueError('ERR_QUEUE_CLOSED', `publish of ${id}: the queue is closed`))
    if (typeof id !== 'string' || id === '' || Buffer.byteLength(id) > 0xffff) {
      return Promise.reject(new QueueArgumentError('publish: id must be a non-empty string of at most 65535 bytes'))
    }
    options.signal?.throwIfAborted()
    const seen = this.#ids.get(id)
    if (seen && Date.now() - seen.ts < this.#cfg.duplicateWindow) return Promise.resolve({ duplicate: true, seq: seen.seq })
    const running = this.#publishing.get(id)
    if (running) return running.then((r) => ({ duplicate: true, seq: r.seq }))
    if (data.byteLength > MAX_MESSAGE_BYTES) {
      return Promise.reject(new QueueError('ERR_QUEUE_MESSAGE_TOO_LARGE', `message ${id} is ${data.byteLength} bytes; the embedded queue takes at most ${MAX_MESSAGE_BYTES}`))
    }
    if (this.#liveBytes + data.byteLength > this.#cfg.maxBytes) {
      return Promise.reject(new QueueError('ERR_QUEUE_FULL', `publish of ${id}: embedded queue ${this.#cfg.dir} holds ${this.#liveBytes} unacknowledged bytes; the limit is maxBytes ${this.#cfg.maxBytes}`))
    }
    const run = this.#publish(id, data).finally(() => this.#publishing.delete(id))
    this.#publishing.set(id, run)
    return run
  }

  async #publish (id: string, data: Uint8Array): Promise<PublishResult> {
    const seq = this.#nextSeq++
    const ts = Date.now()
    const { buf, dataStart } = encodePublish(seq, ts, 0, id, data)
    this.#liveBytes += data.byteLength
    let at: { segment: Segment, pos: number }
    try {
      at = await this.#append(buf, true)
    } catch (err) {
      this.#liveBytes -= data.byteLength
      throw err
    }
    at.segment.published++
    this.#entries.set(seq, {
      seq, id, ts, segment: at.segment, dataOffset: at.pos + dataStart, length: data.byteLength,
      deliveries: 0, inflightUntil: 0, availableAt: 0
    })
    this.#ids.set(id, { seq, ts, segNo: at.segment.no })
    this.#wake()
    return { duplicate: false, seq }
  }

  #wake (): void {
    for (const w of this.#waiters) w()
    this.#waiters.clear()
  }

  async fetch (options: FetchOptions = {}): Promise<QueueMessage[]> {
    const max = options.max ?? 64
    const deadline = Date.now() + (options.expires ?? 1000)
    if (this.#closed) throw new QueueError('ERR_QUEUE_CLOSED', 'fetch: the queue is closed')
    for (;;) {
      if (this.#closed) return []
      const now = Date.now()
      const picked: Entry[] = []
      let nextAt = Infinity
      for (const e of this.#entries.values()) {
        const at = Math.max(e.inflightUntil, e.availableAt)
        if (at > now) {
          nextAt = Math.min(nextAt, at)
          continue
        }
        picked.push(e)
        if (picked.length >= max) break
      }
      if (picked.length > 0) return Promise.all(picked.map((e) => this.#deliver(e, now)))
      if (now >= deadline || options.signal?.aborted) return []
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          this.#waiters.delete(done)
          options.signal?.removeEventListener('abort', done)
          resolve()
        }
        const timer = setTimeout(done, Math.min(deadline, nextAt) - now)
        this.#waiters.add(done)
        options.signal?.addEventListener('abort', done, { once: true })
      })
    }
  }

  async #deliver (e: Entry, now: number): Promise<QueueMessage> {
    e.inflightUntil = now + this.#cfg.ackWait
    e.availableAt = 0
    e.deliveries++
    // Not synced: a delivery count lost to a power cut only makes a later count one lower.
    void this.#append(encodeDeliver(e.seq, e.deliveries), false).catch(() => {})
    const data = Buffer.allocUnsafe(e.length)
    await e.segment.fh.read(data, 0, e.length, e.dataOffset)
    return this.#message(e, data)
  }

  #message (e: Entry, data: Uint8Array): QueueMessage {
    const settle = async (record: Buffer): Promise<void> => {
      if (this.#entries.get(e.seq) !== e) return
      await this.#append(record, true)
      if (this.#entries.get(e.seq) === e) {
        this.#entries.delete(e.seq)
        this.#liveBytes -= e.length
      }
    }
    return {
      id: e.id,
      data,
      deliveryCount: e.deliveries,
      seq: e.seq,
      ack: () => settle(encodeAck(e.seq)),
      term: (reason: string) => settle(encodeTerm(e.seq, reason)),
      nak: async (delay = 0) => {
        if (this.#entries.get(e.seq) !== e) return
        e.inflightUntil = 0
        e.availableAt = Date.now() + delay
        this.#wake()
      },
      working: async () => {
        if (this.#entries.get(e.seq) === e) e.inflightUntil = Date.now() + this.#cfg.ackWait
      }
    }
  }

  // Deletes the oldest segments once (almost) everything in them is acknowledged. The few live
  // messages and the still-remembered ids of a segment are copied to the active segment first, so
  // neither redelivery nor deduplication changes; only a prefix is ever deleted, because a later
  // segment may hold the acks for an earlier one's messages.
  async #compact (): Promise<void> {
    if (this.#compacting || this.#closed) return
    this.#compacting = true
    try {
      const cutoff = Date.now() - this.#cfg.duplicateWindow
      for (const [id, v] of this.#ids) if (v.ts < cutoff && !this.#publishing.has(id)) this.#ids.delete(id)
      while (this.#segments.length > 1 && !this.#closed) {
        const oldest = this.#segments[0]!
        const live = [...this.#entries.values()].filter((e) => e.segment === oldest)
        if (live.length * 4 > oldest.published) break
        for (const e of live) {
          const data = Buffer.allocUnsafe(e.length)
          await oldest.fh.read(data, 0, e.length, e.dataOffset)
          const { buf, dataStart } = encodePublish(e.seq, e.ts, e.deliveries, e.id, data)
          const at = await this.#append(buf, true)
          at.segment.published++
          e.segment = at.segment
          e.dataOffset = at.pos + dataStart
        }
        const ids = [...this.#ids].filter(([, v]) => v.segNo === oldest.no)
        for (const [id, v] of ids) {
          const at = await this.#append(encodeId(v.seq, v.ts, id), true)
          v.segNo = at.segment.no
        }
        this.#segments.shift()
        await oldest.fh.close()
        unlinkSync(oldest.path)
        this.#log.debug({ segment: oldest.path, moved: live.length }, 'compacted segment')
      }
    } catch (err) {
      this.#log.warn({ err }, 'compaction failed; will retry')
    } finally {
      this.#compacting = false
    }
  }

  async ready (): Promise<boolean> {
    return !this.#closed
  }

  async stats (): Promise<QueueStats> {
    return { pending: this.#entries.size, messages: this.#entries.size, bytes: this.#liveBytes }
  }

  async waiting (limit: number, maxBytes = Infinity): Promise<WaitingMessage[]> {
    if (this.#closed) throw new QueueError('ERR_QUEUE_CLOSED', 'waiting: the queue is closed')
    const newest = [...this.#entries.values()].sort((a, b) => b.seq - a.seq).slice(0, Math.max(0, limit))
    const out: WaitingMessage[] = []
    let bytes = 0
    for (const e of newest) {
      if (bytes >= maxBytes) break
      // Compaction may move the entry to another segment (and close this one) meanwhile: read
      // where it is now, and leave out one acknowledged in between.
      for (let tries = 0; this.#entries.get(e.seq) === e; tries++) {
        const { segment, dataOffset } = e
        const data = Buffer.allocUnsafe(e.length)
        try {
          await segment.fh.read(data, 0, e.length, dataOffset)
        } catch (err) {
          if (segment !== e.segment && tries < 3) continue
          throw err
        }
        out.push({ id: e.id, seq: e.seq, data, time: new Date(e.ts) })
        bytes += e.length
        break
      }
    }
    return out
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#timer)
    this.#wake()
    while (this.#writing) await this.#writing
    for (const s of this.#segments) await s.fh.close().catch(() => {})
    unlock(this.#cfg.dir, this.#lockPath)
  }
}
