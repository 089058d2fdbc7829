// The reconciler without a queue: decode -> flatten -> (match, diff, apply: pass.ts) -> logs, all
// of a batch of requests in ONE transaction. Entity failures never roll back the batch: values are
// validated before the database is touched, an object that cannot be created fails the entities
// that need it and the pass runs again without them (savepoint), and a database error caused by
// data falls back to one savepoint per entity to find the culprit.
import { setTimeout as sleep } from 'node:timers/promises'
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { silentLogger } from '../config/logger.ts'
import { encodeIngestRequest, entityMember, type IngestRequest__Output, type RequestParts, splitIngestRequest } from '../proto/index.ts'
import { type Db, type Queryable, savepoint } from '../store/index.ts'
import type { Author } from './batch-apply.ts'
import { ChangeRecorder, isBareNoop } from './change-set.ts'
import { currentVersions, dropOverwritten, entityHash, type Fingerprint, fingerprintRows, isCurrent, loadFingerprints, passVersions, saveFingerprints, staleRows } from './fingerprint.ts'
import { ConflictError, EntityError, isDataError, isTransientError, ReconcilerError } from './errors.ts'
import { flattenEntity, timestampOf, type FlatEntity, type FlattenCache, type Node } from './flatten.ts'
import { type IngestionLogRow, type IngestionState, lockRequests, loggedParts, partKey, type RequestInfo, writeIngestionLogs } from './ingestion-log.ts'
import type { PlanObject } from './match.ts'
import { MODEL_BY_TYPE, TYPE_ORDER } from './models.ts'
import { PlanFailure, runPass } from './pass.ts'
import { RowMap } from './row-map.ts'

export type RequestInput =
  /** entityOffset: for one part of a split request (queue/types.ts, QueueMessage.id), the original
   * index of its first entity; entities are logged at offset + their index in `bytes`. */
  | { bytes: Uint8Array, id?: string, ingestionTs?: Date, entityOffset?: number }
  | { request: IngestRequest__Output, ingestionTs?: Date }

export interface EntityResult {
  requestId: string
  entityIndex: number
  objectType: string
  objectId: number | null
  state: IngestionState
  error?: { message: string, field?: string, code: string }
}

export interface ApplySummary {
  requests: number
  /** Requests already logged (a redelivery after a crash between commit and ack), or given twice
   * in this batch (the queue delivers at least once): not applied again. */
  duplicateRequests: number
  entities: number
  applied: number
  noChanges: number
  failed: number
  results: EntityResult[]
}

/** A summary without its per-entity results: what a batch applied on a worker thread reports. */
export type ApplyCounts = Omit<ApplySummary, 'results'>

export interface ApplyOptions {
  logger?: Logger
  /** Attempts for transient database errors (deadlock, serialization, lost connection), default 3. */
  attempts?: number
  /** false: leave the summary's `results` empty. A caller that only counts (the queue consumer)
   * saves an object per entity; the logs hold every entity's outcome either way. Default true. */
  results?: boolean
}

interface Work {
  index: number
  request: RequestInfo
  entityIndex: number
  type: string
  objectType: string
  sourceTs: Date | null
  flat?: FlatEntity
  error?: { message: string, code: string, field?: string }
  state?: IngestionState
  objectId?: number | null
  changeSet?: ReturnType<ChangeRecorder['changeSet']>
  /** The Entity's bytes, decoded (by flatten) only when the entity takes the full path. */
  bytes?: Uint8Array
  /** Content hash (fingerprint.ts), for entities of a reconciled type. */
  hash?: string
  /** Rows to fingerprint after a successful full pass, when the entity qualifies. */
  fingerprint?: Array<[number, number]>
}

/** The entities of a batch and the cache their flattening shares. */
/** The entities of a batch, the cache their flattening shares, and how many inputs repeated a
 * request (or part) given earlier in the batch and were left out. */
interface Batch { work: Work[], cache: FlattenCache, repeatedInputs: number }

/** Most passes after an object could not be created or a concurrent writer got there first. */
const MAX_PASSES = 20

// PostgreSQL text cannot hold NUL; these strings come from the producer.
const clean = (s: string | undefined): string => (s ?? '').replaceAll('\u0000', '\ufffd')

function requestInfo (r: IngestRequest__Output, id: string, ingestionTs: Date, payload?: Uint8Array, entityOffset = 0): RequestInfo {
  return {
    payload,
    entityOffset,
    id: clean(id),
    producerAppName: clean(r.producer_app_name),
    producerAppVersion: clean(r.producer_app_version),
    sdkName: clean(r.sdk_name),
    sdkVersion: clean(r.sdk_version),
    ingestionTs
  }
}

/** A Work with every field present from the start (unset ones undefined): the batch's Work
 * objects then share one shape, and the functions reading them stay monomorphic instead of
 * seeing a shape per order in which fields were added. */
function newWork (index: number, request: RequestInfo, entityIndex: number, type: string, objectType: string, sourceTs: Date | null): Work {
  return {
    index,
    request,
    entityIndex,
    type,
    objectType,
    sourceTs,
    flat: undefined,
    error: undefined,
    state: undefined,
    objectId: undefined,
    changeSet: undefined,
    bytes: undefined,
    hash: undefined,
    fingerprint: undefined
  }
}

function prepare (inputs: RequestInput[]): Batch {
  const work: Work[] = []
  const cache: FlattenCache = new Map()
  const seen = new Set<string>()
  let repeatedInputs = 0
  for (const input of inputs) {
    const ingestionTs = input.ingestionTs ?? new Date()
    const payload = 'request' in input ? encodeIngestRequest(input.request) : input.bytes
    let parts: RequestParts
    try {
      parts = splitIngestRequest(payload)
    } catch (cause) {
      // Nothing of it can be applied; the log row keeps it visible.
      const id = ('id' in input && input.id) || `undecodable-${randomUUID()}`
      const w = newWork(work.length, requestInfo({} as IngestRequest__Output, id, ingestionTs), -1, '', 'unknown', null)
      w.error = { code: 'ERR_RECONCILER_DECODE', message: `request ${id}: cannot decode IngestRequest: ${(cause as Error).message}` }
      work.push(w)
      continue
    }
    const request = parts.header
    const offset = 'bytes' in input ? input.entityOffset ?? 0 : 0
    const info = requestInfo(request, request.id || ('id' in input && input.id) || randomUUID(), ingestionTs, payload, offset)
    // The same message twice in one fetch (a redelivery racing its first delivery): applied once.
    // Its second copy would find the first's writes and log every entity again, as NO_CHANGES.
    if (seen.has(partKey(info))) { repeatedInputs++; continue }
    seen.add(partKey(info))
    parts.entities.forEach((part, local) => {
      const entityIndex = offset + local
      const type = part.type ?? ''
      const spec = MODEL_BY_TYPE.get(type)
      const w = newWork(work.length, info, entityIndex, type, spec?.objectType ?? (type || 'unknown'), part.timestamp ? timestampOf(part.timestamp) : null)
      work.push(w)
      if (!type) {
        w.error = { code: 'ERR_RECONCILER_INVALID_ENTITY', message: `request ${info.id}: entity ${entityIndex} names no object` }
        return
      }
      if (!spec) {
        w.error = { code: 'ERR_RECONCILER_NOT_RECONCILED', field: type, message: `request ${info.id}: entity ${entityIndex}: type ${type} is not reconciled yet` }
        return
      }
      w.bytes = part.bytes
      w.hash = entityHash(part)
    })
  }
  return { work, cache, repeatedInputs }
}

/** Flattens entities (in batch order, sharing the batch's cache); a bad value fails its entity. */
function flatten (batch: Batch, list: Work[]): void {
  for (const w of list) {
    if (w.flat || w.error || !w.bytes) continue
    const member = entityMember(w.bytes, w.type)
    try {
      if (member === undefined) throw new EntityError('ERR_RECONCILER_DECODE', w.type, `${w.type} is not a message`)
      w.flat = flattenEntity(w.index, w.type, member, batch.cache)
    } catch (err) {
      if (!(err instanceof EntityError)) throw err
      w.error = { code: err.code, field: err.field, message: `request ${w.request.id}: entity ${w.entityIndex} (${w.type}): ${err.message}` }
    }
  }
}

/** Every entity naming the object (through any of its nodes). */
function ownersOf (obj: PlanObject): Set<number> {
  const owners = new Set<number>()
  for (const n of obj.nodes) n.owners.forEach((_, e) => owners.add(e))
  return owners
}

function failEntities (work: Work[], failure: PlanFailure, live: Set<number>): void {
  for (const f of failure.failures) {
    for (const e of f.entity !== undefined ? [f.entity] : ownersOf(f.obj)) {
      const w = work[e]
      if (w.error || !live.has(e)) continue
      const path = f.obj.nodes.find((n) => n.owners.has(e))?.owners.get(e) ?? ''
      const field = path !== '' ? `${path}.${f.field}` : f.field
      w.error = {
        code: 'ERR_RECONCILER_UNRESOLVED',
        field,
        message: `request ${w.request.id}: entity ${w.entityIndex} (${w.type}): ${field}: ${f.message}`
      }
    }
  }
}

/** The distinct nodes of the standing entities. A node shared with an entity that failed (or is
 * applied on its own later) is reported on the first of its owners taking part in this pass, and
 * stands in batch order where the last of them does. */
function liveNodes (standing: Work[]): Node[] {
  // Taking part, by batch index: a flag per entity is cheaper to test than a Set, for every
  // (node, owner) pair (the type and role nodes shared by a whole batch have thousands of owners).
  let size = 0
  for (let i = 0; i < standing.length; i++) size = Math.max(size, standing[i].index + 1)
  const live = new Uint8Array(size)
  for (let i = 0; i < standing.length; i++) live[standing[i].index] = 1
  const distinct = new Set<Node>()
  // Index loops and forEach: this visits every (node, entity) pair of the batch, and for-of
  // allocates an iterator result per step until V8 optimises it.
  for (let i = 0; i < standing.length; i++) {
    const own = standing[i].flat!.nodes
    for (let j = 0; j < own.length; j++) distinct.add(own[j])
  }
  const nodes = [...distinct]
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]
    let first = Infinity
    let last = -1
    n.owners.forEach((_, e) => {
      if (live[e] !== 1) return
      if (e < first) first = e
      if (e > last) last = e
    })
    n.entity = first
    n.last = last
    n.path = n.owners.get(first) ?? ''
  }
  return nodes
}

/** Runs passes until one succeeds for every entity still standing. `versions` gets the version of
 * every row the succeeding passes wrote (fingerprint.ts, passVersions). */
async function applyEntities (tx: Queryable, work: Work[], live: Work[], versions: RowMap<number>): Promise<void> {
  // One Author per request, not one per row written.
  const authors = new Map<RequestInfo, Author>()
  const authorOf = (e: number): Author => {
    const r = work[e].request
    let a = authors.get(r)
    if (a === undefined) authors.set(r, (a = { requestId: r.id, userName: r.producerAppName }))
    return a
  }
  for (let pass = 0; ; pass++) {
    const standing = live.filter((w) => !w.error)
    if (standing.length === 0) return
    const nodes = liveNodes(standing)
    const rec = new ChangeRecorder()
    const written = new RowMap<true>()
    try {
      await savepoint(tx, 'reconcile_pass', () => runPass(tx, { nodes, authorOf, rec, written }))
      await passVersions(tx, written, versions)
      for (const w of standing) finish(w, rec)
      return
    } catch (err) {
      if (pass >= MAX_PASSES) throw err
      if (err instanceof PlanFailure) { failEntities(work, err, new Set(standing.map((w) => w.index))); continue }
      if (err instanceof ConflictError) continue
      if (!isDataError(err)) throw err
      if (standing.length === 1) {
        const w = standing[0]
        w.error = { code: 'ERR_RECONCILER_DATABASE', message: `request ${w.request.id}: entity ${w.entityIndex} (${w.type}): ${(err as Error).message}` }
        return
      }
      // Which entity's data the database refused is unknown: apply them one by one.
      for (const w of standing) await applyEntities(tx, work, [w], versions)
      dropOverwritten(standing)
      return
    }
  }
}

function finish (w: Work, rec: ChangeRecorder): void {
  const root = w.flat!.root.obj
  w.objectId = root?.id ?? null
  w.state = rec.hasChanges(w.index) ? 'APPLIED' : 'NO_CHANGES'
  w.changeSet = rec.changeSet(w.index, root, w.flat!.warnings)
  // Now, while the nodes still point at this pass's objects.
  if (w.hash !== undefined && w.changeSet.warnings === undefined) w.fingerprint = fingerprintRows(w.flat!.nodes)
}

/** Thrown when a write of this batch touched a row an entity was found unchanged against, and
 * that entity cannot simply be applied after the writer: the batch is applied again without the
 * fingerprint shortcut. */
class RepeatConflict extends Error {
  override name = 'RepeatConflict'
}

/** Entities whose fingerprint holds (fingerprint.ts): NO_CHANGES without flatten, match or diff.
 * Also the hashes that have a fingerprint, held or not. */
async function verifiedRepeats (tx: Queryable, live: Work[]): Promise<{ repeats: Map<Work, Fingerprint>, stored: Set<string> }> {
  const repeats = new Map<Work, Fingerprint>()
  const candidates = live.filter((w) => w.hash !== undefined)
  const fps = await loadFingerprints(tx, [...new Set(candidates.map((w) => w.hash!))])
  const stored = new Set(fps.keys())
  if (fps.size === 0) return { repeats, stored }
  const versions = await currentVersions(tx, fps.values())
  for (const w of candidates) {
    const fp = fps.get(w.hash!)
    if (fp && isCurrent(fp, versions)) repeats.set(w, fp)
  }
  return { repeats, stored }
}

/** Applies the batch: verified repeats are NO_CHANGES, the rest goes through full passes. A full
 * pass may write a row a verified repeat stands on (another entity of the batch changed it): the
 * repeat is then applied in a pass of its own after it, which is the batch order when it comes
 * after every entity naming that row; otherwise the whole batch starts over without shortcuts. */
async function applyBatch (tx: Queryable, batch: Batch, live: Work[], shortcuts: boolean): Promise<void> {
  const { repeats, stored } = shortcuts ? await verifiedRepeats(tx, live) : { repeats: new Map<Work, Fingerprint>(), stored: new Set<string>() }
  const full = live.filter((w) => !repeats.has(w))
  flatten(batch, full)
  const passing = full.filter((w) => !w.error)
  const written = new RowMap<number>()
  await applyEntities(tx, batch.work, passing, written)
  if (repeats.size > 0) {
    // Last entity (batch index) of the full path naming each row.
    const lastNamer = new RowMap<number>()
    for (const w of full) {
      if (w.error || !w.flat) continue
      for (const n of w.flat.nodes) {
        if (n.obj?.id === undefined) continue
        const t = TYPE_ORDER.get(n.spec.type)!
        lastNamer.set(t, n.obj.id, Math.max(lastNamer.get(t, n.obj.id) ?? -1, w.index))
      }
    }
    // No pass ran, so this transaction wrote nothing since verifiedRepeats read the versions: they
    // still hold, and reading them again (every row of every repeat) is most of an unchanged batch.
    const versions = passing.length > 0 ? await currentVersions(tx, repeats.values()) : undefined
    const again: Work[] = []
    for (const [w, fp] of repeats) {
      if (versions === undefined || isCurrent(fp, versions)) {
        // No change set: the log keeps none for a bare repeat and readers rebuild the noop.
        w.state = 'NO_CHANGES'
        w.objectId = fp.objectId
        continue
      }
      const stale = staleRows(fp, versions)
      if (stale.some(([t, id]) => (lastNamer.get(t, id) ?? Infinity) > w.index)) throw new RepeatConflict()
      again.push(w)
    }
    if (again.length > 0) {
      again.sort((a, b) => a.index - b.index)
      flatten(batch, again)
      await applyEntities(tx, batch.work, again.filter((w) => !w.error), written)
      // Each of these held at the start of the batch, so one that changes (or fails) now undoes
      // what an earlier entity of the batch wrote. In one pass the two would have been one object
      // whose later values win, so that write would never have happened: the change sets and the
      // change log must say so, not show a write and its undoing. Rare (two entities of one batch
      // disagreeing about a row): the batch starts over without the shortcut. Otherwise this pass
      // wrote no row (every write is a change of one of its entities), so the fingerprints of the
      // first pass still stand.
      if (again.some((w) => w.error !== undefined || w.state === 'APPLIED')) throw new RepeatConflict()
    }
  }
  await saveFingerprints(tx, live.filter((w) => w.fingerprint !== undefined && !w.error)
    .map((w) => ({ hash: w.hash!, objectId: w.objectId ?? null, rows: w.fingerprint! })), stored, written)
}

function logRows (work: Work[], skip: Set<string>): IngestionLogRow[] {
  return work.filter((w) => !skip.has(partKey(w.request))).map((w) => ({
    request: w.request,
    entityIndex: w.entityIndex,
    objectType: w.objectType,
    objectId: w.error ? null : w.objectId ?? null,
    state: w.error ? 'FAILED' : w.state ?? 'FAILED',
    changeSet: w.error || !w.changeSet || (w.state === 'NO_CHANGES' && isBareNoop(w.changeSet, w.objectType, w.objectId ?? null)) ? null : w.changeSet,
    error: w.error ? { message: w.error.message, code: w.error.code, entity_index: w.entityIndex, ...(w.error.field ? { field: w.error.field } : {}) } : null,
    sourceTs: w.sourceTs
  }))
}

function summarise (inputs: number, batch: Batch, skip: Set<string>, withResults: boolean): ApplySummary {
  const work = batch.work
  const s: ApplySummary = { requests: inputs, duplicateRequests: skip.size + batch.repeatedInputs, entities: 0, applied: 0, noChanges: 0, failed: 0, results: [] }
  for (const w of work) {
    if (skip.has(partKey(w.request))) continue
    const state: IngestionState = w.error ? 'FAILED' : w.state ?? 'FAILED'
    s.entities++
    if (state === 'APPLIED') s.applied++
    else if (state === 'NO_CHANGES') s.noChanges++
    else s.failed++
    if (!withResults) continue
    s.results.push({
      requestId: w.request.id,
      entityIndex: w.entityIndex,
      objectType: w.objectType,
      objectId: w.error ? null : w.objectId ?? null,
      state,
      ...(w.error ? { error: w.error } : {})
    })
  }
  return s
}

/** Applies requests in one transaction and logs every entity. Transient database errors are
 * retried `attempts` times, then thrown (the consumer naks and retries later). */
export async function applyRequests (db: Db, requests: RequestInput[], options: ApplyOptions = {}): Promise<ApplySummary> {
  // The consumer hands over its own logger, already the reconciler's: bound twice, every record
  // would carry "component" twice.
  const given = options.logger ?? silentLogger
  const logger = given.bindings().component === 'reconciler' ? given : given.child({ component: 'reconciler' })
  const attempts = options.attempts ?? 3
  let shortcuts = true
  for (let attempt = 1; ; attempt++) {
    const batch = prepare(requests)
    const work = batch.work
    try {
      const skip = await db.transaction(async (tx) => {
        // A batch's lookups read its own few thousand rows by key. Where the planner has no
        // statistics yet (a freshly loaded store, autovacuum behind), it planned them as parallel
        // sequential scans, which cost ~150 ms a statement against ~25 ms on one process: the
        // reconciler bench's repeats ran at half speed (issue 4).
        await tx.exec('set local max_parallel_workers_per_gather = 0')
        const requests = [...new Set(work.map((w) => w.request))]
        await lockRequests(tx, [...new Set(requests.map((q) => q.id))])
        const skip = await loggedParts(tx, requests)
        const live = work.filter((w) => !w.error && !skip.has(partKey(w.request)))
        await applyBatch(tx, batch, live, shortcuts)
        await writeIngestionLogs(tx, logRows(work, skip))
        return skip
      })
      const summary = summarise(requests.length, batch, skip, options.results ?? true)
      if (summary.failed > 0) logger.debug({ failed: summary.failed, entities: summary.entities }, 'batch applied with failed entities')
      return summary
    } catch (err) {
      if (err instanceof RepeatConflict && shortcuts) {
        shortcuts = false
        attempt--
        continue
      }
      if (attempt >= attempts || !isTransientError(err)) {
        if (err instanceof ReconcilerError) throw err
        throw new ReconcilerError('ERR_RECONCILER_DATABASE', `applying ${requests.length} request(s) failed after ${attempt} attempt(s): ${(err as Error).message}`, { cause: err })
      }
      logger.warn({ attempt, err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'transient database error; retrying batch')
      await sleep(Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random()))
    }
  }
}

/** Logs every entity of requests that could not be applied (after the consumer's last attempt)
 * as FAILED with `error`, so nothing is dropped unseen. */
export async function recordFailedRequests (db: Db, requests: RequestInput[], error: Error): Promise<number> {
  const batch = prepare(requests)
  const work = batch.work
  flatten(batch, work)
  for (const w of work) {
    w.error ??= { code: (error as { code?: string }).code ?? 'ERR_RECONCILER_ATTEMPTS', message: `request ${w.request.id}: entity ${w.entityIndex}: ${error.message}` }
  }
  return db.transaction(async (tx) => writeIngestionLogs(tx, logRows(work, new Set())))
}
