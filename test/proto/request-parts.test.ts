// splitIngestRequest: the request's own fields decoded, its entities left as bytes that decode to
// exactly what decoding the whole request gives.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decodeEntity, decodeIngestRequest, encodeIngestRequest, entityTypeOf, splitIngestRequest, type IngestRequest } from '../../proto/index.ts'

const request: IngestRequest = {
  id: '8c1f9a7e-3c1d-4c61-9a53-5c1f8d7b2e10',
  producer_app_name: 'collector',
  producer_app_version: '1.2.3',
  sdk_name: 'diode-sdk-go',
  sdk_version: '0.9.0',
  stream: 'latest',
  entities: [
    { timestamp: { seconds: 1767261600, nanos: 500 }, device: { name: 'edge-1', site: { name: 'DC1' }, tags: [{ name: 'a' }] } },
    { interface: { device: { name: 'edge-1' }, name: 'et-0/0/0', mtu: 9192 } },
    { timestamp: { seconds: 1767261601, nanos: 0 }, ip_address: { address: '192.0.2.1/24' } },
    { timestamp: { seconds: 1767261602, nanos: 0 } }
  ]
}

test('proto - splitIngestRequest decodes the header and leaves each entity as bytes that decode alike', () => {
  const bytes = encodeIngestRequest(request)
  const whole = decodeIngestRequest(bytes)
  const parts = splitIngestRequest(bytes)
  const { entities = [], ...header } = whole
  assert.deepEqual(parts.header, header)
  assert.equal(parts.entities.length, entities.length)
  parts.entities.forEach((part, i) => {
    assert.deepEqual(decodeEntity(part.bytes), entities[i], `entity ${i}`)
    assert.equal(part.type, entityTypeOf(entities[i] as Record<string, unknown>), `entity ${i} type`)
  })
  assert.deepEqual(parts.entities.map((p) => p.timestamp), [
    { seconds: 1767261600, nanos: 500 }, undefined, { seconds: 1767261601, nanos: 0 }, { seconds: 1767261602, nanos: 0 }
  ])
  assert.equal(parts.entities[3].type, undefined, 'an entity naming no object has no type')
})

test('proto - splitIngestRequest throws on bytes that do not parse', () => {
  const bytes = encodeIngestRequest(request)
  assert.throws(() => splitIngestRequest(bytes.subarray(0, bytes.length - 3)), /parse/)
  assert.throws(() => splitIngestRequest(Uint8Array.from([0x0f, 0x01])), /parse/)
})

test('proto - splitIngestRequest reads timestamps as protobufjs does, negative and large ones included', () => {
  const cases = [
    { seconds: 0, nanos: 0 },
    { seconds: 1767261600, nanos: 999_999_999 },
    { seconds: 253402300799, nanos: 1 }, // 9999-12-31T23:59:59Z
    { seconds: -62135596800, nanos: 0 }, // 0001-01-01: ten-byte two's complement on the wire
    { seconds: -1, nanos: 5 }
  ]
  const bytes = encodeIngestRequest({ ...request, entities: cases.map((timestamp) => ({ timestamp, site: { name: 's' } })) })
  const parts = splitIngestRequest(bytes)
  assert.deepEqual(parts.entities.map((p) => p.timestamp), cases)
})

test('proto - splitIngestRequest says where each timestamp lies, so the rest of the bytes can be hashed', () => {
  const parts = splitIngestRequest(encodeIngestRequest(request))
  for (const [i, part] of parts.entities.entries()) {
    if (part.timestamp === undefined) {
      assert.equal(part.timestampAt, undefined, `entity ${i}`)
      continue
    }
    const rest = Buffer.concat([part.bytes.subarray(0, part.timestampAt), part.bytes.subarray(part.timestampEnd)])
    const { timestamp: _t, ...withoutTimestamp } = decodeEntity(part.bytes)
    assert.deepEqual(decodeEntity(rest), withoutTimestamp, `entity ${i}`)
  }
})
