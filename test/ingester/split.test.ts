// Splitting a request too large for one queue message: parts cut from the original bytes on
// entity boundaries, each a valid IngestRequest under the limit carrying every non-entity field.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { EntityTooLargeError, splitRequest, validateIngestRequest } from '../../ingester/index.ts'
import { decodeIngestRequest, encodeIngestRequest, type IngestRequest } from '../../proto/index.ts'
import { parseMessageId, partMessageId } from '../../queue/index.ts'

const ts = { seconds: Math.floor(Date.now() / 1000), nanos: 0 }
type Entity = NonNullable<IngestRequest['entities']>[number]

function site (i: number, pad = 1500): Entity {
  return { timestamp: ts, site: { name: `site-${i}`, comments: `${i}-`.padEnd(pad, 'x') } }
}

function request (entities: Entity[], id = randomUUID()): IngestRequest {
  return {
    id,
    stream: 'latest',
    producer_app_name: 'split-test',
    producer_app_version: '1.2.3',
    sdk_name: 'diode-sdk-go',
    sdk_version: '1.0.0',
    metadata: { fields: { run: { stringValue: 'nightly' }, n: { numberValue: 7 } } },
    entities
  }
}

const header = (r: ReturnType<typeof decodeIngestRequest>): unknown => ({ ...r, entities: undefined })
/** Bytes of an entity as one IngestRequest.entities field record (tag, length, entity). */
const recordSize = (e: Entity): number => encodeIngestRequest({ entities: [e] }).length

test('split - a request over the limit becomes valid IngestRequests under it whose entities concatenate to the original', () => {
  const entities = Array.from({ length: 300 }, (_, i) => site(i, 1000 + (i * 37) % 900))
  const original = request(entities)
  const bytes = encodeIngestRequest(original)
  const limit = 64 * 1024
  assert.ok(bytes.length > 5 * limit, 'the request needs several parts')
  const parts = splitRequest(bytes, original.id!, limit)
  assert.ok(parts.length > 5, `${parts.length} parts`)

  const decoded = decodeIngestRequest(bytes)
  const seen: unknown[] = []
  parts.forEach((p, n) => {
    assert.ok(p.bytes.length <= limit, `part ${n} is ${p.bytes.length} bytes`)
    const v = validateIngestRequest(p.bytes)
    assert.equal(v.id, original.id)
    const d = decodeIngestRequest(p.bytes)
    assert.deepEqual(header(d), header(decoded), `part ${n} carries every non-entity field`)
    assert.equal(p.firstEntity, seen.length)
    assert.equal(p.id, `${original.id}#${p.firstEntity}`)
    assert.deepEqual(parseMessageId(p.id), { requestId: original.id, entityOffset: p.firstEntity })
    seen.push(...(d.entities ?? []))
    // Greedy: the next part's first entity did not fit in this one.
    const next = parts[n + 1]
    if (next) assert.ok(p.bytes.length + recordSize(entities[next.firstEntity]!) > limit, `part ${n} could have taken entity ${next.firstEntity}`)
  })
  assert.deepEqual(seen, decoded.entities)
})

test('split - the same bytes and limit give the same parts and ids (a retry deduplicates part by part)', () => {
  const original = request(Array.from({ length: 120 }, (_, i) => site(i)))
  const bytes = encodeIngestRequest(original)
  const a = splitRequest(bytes, original.id!, 32 * 1024)
  const b = splitRequest(Buffer.from(bytes), original.id!, 32 * 1024)
  assert.ok(a.length > 1)
  assert.deepEqual(a.map((p) => p.id), b.map((p) => p.id))
  assert.deepEqual(a.map((p) => Buffer.from(p.bytes)), b.map((p) => Buffer.from(p.bytes)))
  assert.equal(new Set(a.map((p) => p.id)).size, a.length, 'ids are distinct')
})

test('split - a request within the limit is one message: its own bytes under the request id', () => {
  const original = request([site(0), site(1)])
  const bytes = encodeIngestRequest(original)
  for (const limit of [bytes.length, undefined]) {
    const parts = splitRequest(bytes, original.id!, limit)
    assert.equal(parts.length, 1)
    assert.equal(parts[0]!.id, original.id)
    assert.equal(parts[0]!.firstEntity, 0)
    assert.equal(parts[0]!.bytes, bytes)
  }
})

test('split - non-entity fields between entity records are copied into every part', () => {
  const a = site(0, 3000)
  const b = site(1, 3000)
  const c = site(2, 3000)
  const id = randomUUID()
  // Field order on the wire is free: entities first, the envelope in the middle, more entities.
  const bytes = Buffer.concat([
    encodeIngestRequest({ entities: [a] }),
    encodeIngestRequest({ ...request([], id), entities: [] }),
    encodeIngestRequest({ entities: [b, c] })
  ])
  const parts = splitRequest(bytes, id, 4000)
  assert.equal(parts.length, 3)
  parts.forEach((p, n) => {
    const d = decodeIngestRequest(p.bytes)
    assert.equal(d.id, id)
    assert.equal(d.producer_app_name, 'split-test')
    assert.equal(d.entities?.length, 1)
    assert.equal(d.entities?.[0]?.site?.name, `site-${n}`)
  })
})

test('split - one entity larger than the limit on its own is refused naming its index and the limit', () => {
  const entities = Array.from({ length: 20 }, (_, i) => site(i))
  entities[13] = site(13, 9000)
  const original = request(entities)
  const bytes = encodeIngestRequest(original)
  assert.throws(() => splitRequest(bytes, original.id!, 8192), (err: unknown) => {
    assert.ok(err instanceof EntityTooLargeError)
    assert.equal(err.code, 'ERR_INGEST_ENTITY_TOO_LARGE')
    assert.equal(err.entityIndex, 13)
    assert.equal(err.limit, 8192)
    assert.match(err.message, /^entity 13 is \d+ bytes with the request's other fields; the queue takes at most 8192 bytes per message$/)
    return true
  })
})

test('split - message ids: a bare request id is offset 0, a part id names its first entity', () => {
  const id = randomUUID()
  assert.deepEqual(parseMessageId(id), { requestId: id, entityOffset: 0 })
  assert.equal(partMessageId(id, 2870), `${id}#2870`)
  assert.deepEqual(parseMessageId(partMessageId(id, 2870)), { requestId: id, entityOffset: 2870 })
  assert.deepEqual(parseMessageId('odd#id#x'), { requestId: 'odd#id#x', entityOffset: 0 })
})
