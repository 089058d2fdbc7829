// The wire-level validator on its own: what it reads from the bytes, and malformed framing that a
// full decode would also refuse (or, worse, misread in the reconciler).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { validateIngestRequest } from '../../ingester/index.ts'
import { decodeIngestRequest, encodeIngestRequest, type IngestRequest } from '../../proto/index.ts'

const now = Math.floor(Date.now() / 1000) * 1000
const ts = { seconds: Math.floor(now / 1000), nanos: 5 }
function request (entities: IngestRequest['entities'], extra: Partial<IngestRequest> = {}): Uint8Array {
  return encodeIngestRequest({ id: randomUUID(), stream: 'latest', producer_app_name: 'app', producer_app_version: '1.0', sdk_name: 'sdk', sdk_version: '2.0', entities, ...extra })
}

function varint (n: number): number[] {
  const out: number[] = []
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128) }
  out.push(n)
  return out
}

test('validate - reads the envelope, counts entities and lists unreconciled types from the bytes', () => {
  const id = randomUUID()
  const bytes = request([
    { timestamp: ts, site: { name: 'a' } },
    { timestamp: ts, power_feed: { name: 'f' } },
    { timestamp: ts, device: { name: 'd', site: { name: 'a' }, tags: [{ name: 't' }] } }
  ], { id, metadata: { fields: { run: { stringValue: 'nightly' } } } })
  const r = validateIngestRequest(bytes, { reconciledTypes: new Set(['site', 'device']) }, now)
  assert.deepEqual(r, { id, producer_app_name: 'app', producer_app_version: '1.0', sdk_name: 'sdk', sdk_version: '2.0', entityCount: 3, errors: ['entity 1: type power_feed is not reconciled yet'] })
})

test('validate - a string deep inside an entity over maxStringLength is named by its full path', () => {
  const bytes = request([{ timestamp: ts, site: { name: 'a' } }, { timestamp: ts, device: { name: 'd', site: { name: 's', tenant: { name: 'x'.repeat(41) } } } }])
  assert.throws(() => validateIngestRequest(bytes, { maxStringLength: 40 }, now), /entity 1: device\.site\.tenant\.name is 41 characters; the limit is 40/)
})

test('validate - request metadata strings are bounded too', () => {
  const bytes = request([{ timestamp: ts, site: { name: 'a' } }], { metadata: { fields: { note: { stringValue: 'y'.repeat(50) } } } })
  assert.throws(() => validateIngestRequest(bytes, { maxStringLength: 40 }, now), /metadata\.fields\.value\.stringValue is 50 characters/)
})

test('validate - every truncation of a valid request is refused or still a valid prefix, never a crash', () => {
  const bytes = request([{ timestamp: ts, device: { name: 'd', site: { name: 'a' } } }, { timestamp: ts, site: { name: 'b' } }])
  for (let n = 0; n < bytes.length; n++) {
    try {
      validateIngestRequest(bytes.subarray(0, n), {}, now)
    } catch (err) {
      assert.equal((err as { code?: string }).code, 'ERR_INVALID_ARGUMENT', `cut at ${n}: ${(err as Error).message}`)
    }
  }
  assert.throws(() => validateIngestRequest(bytes.subarray(0, bytes.length - 1), {}, now), /not a valid diode\.v1\.IngestRequest .*past the end/)
})

test('validate - a scalar sent with the wrong wire type is refused, naming the field', () => {
  // Interface.enabled (field 6, bool) sent length-delimited: protobufjs would misread the rest.
  // entities[0] is 0x12 len { timestamp, 0xa2 0x02 (field 36, interface) len { name } }: append
  // field 6 with wire type 2 to the interface and fix both lengths.
  const bad = Buffer.from(request([{ timestamp: ts, interface: { name: 'eth0' } }]))
  const extra = [0x32, 0x01, 0x01]
  const ifaceStart = bad.indexOf(Buffer.from([0xa2, 0x02]))
  assert.ok(ifaceStart > 0)
  const ifaceLen = bad[ifaceStart + 2]!
  const entityStart = bad.lastIndexOf(0x12, ifaceStart)
  const patched = Buffer.concat([
    bad.subarray(0, entityStart),
    Buffer.from([0x12, ...varint(bad[entityStart + 1]! + extra.length)]),
    bad.subarray(entityStart + 2, ifaceStart),
    Buffer.from([0xa2, 0x02, ifaceLen + extra.length]),
    bad.subarray(ifaceStart + 3, ifaceStart + 3 + ifaceLen),
    Buffer.from(extra),
    bad.subarray(ifaceStart + 3 + ifaceLen)
  ])
  assert.throws(() => validateIngestRequest(patched, {}, now), /entity 0: interface\.enabled has wire type 2; its type needs 0/)
})

test('validate - bad timestamps: nanos out of range, and the future beyond the skew; the past is fine', () => {
  assert.throws(() => validateIngestRequest(request([{ timestamp: { seconds: 1, nanos: 2_000_000_000 }, site: { name: 'a' } }]), {}, now), /entity 0: timestamp is not a valid time/)
  assert.throws(() => validateIngestRequest(request([{ timestamp: { seconds: Math.floor(now / 1000) + 120, nanos: 0 }, site: { name: 'a' } }]), { maxClockSkew: 60_000 }, now), /120 s in the future; the allowed clock skew is 60 s/)
  assert.equal(validateIngestRequest(request([{ timestamp: { seconds: 0, nanos: 0 }, site: { name: 'a' } }]), {}, now).entityCount, 1)
})

test('validate - what passes validation decodes with protobufjs to the same id and entity count', () => {
  const bytes = request(Array.from({ length: 25 }, (_, i) => ({ timestamp: ts, ip_address: { address: `10.0.0.${i}/24` } })))
  const r = validateIngestRequest(bytes, {}, now)
  const decoded = decodeIngestRequest(bytes)
  assert.equal(decoded.id, r.id)
  assert.equal(decoded.entities?.length, r.entityCount)
})
