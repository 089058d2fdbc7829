import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toStruct, fromStruct, timestampFromDate, dateFromTimestamp, encodeIngestRequest, decodeIngestRequest } from '../../proto/index.ts'

test('struct - plain objects survive toStruct, the wire and fromStruct', () => {
  const value = { s: 'x', n: 1.5, b: false, nil: null, list: [1, 'two', { three: 3 }], obj: { deep: { deeper: ['y'] } } }
  const struct = toStruct(value)
  assert.deepEqual(struct.fields?.s, { stringValue: 'x' })
  const decoded = decodeIngestRequest(encodeIngestRequest({ metadata: struct }))
  assert.deepEqual(fromStruct(decoded.metadata), value)
})

test('struct - dates, bigints and bytes are converted, undefined keys dropped', () => {
  const out = fromStruct(toStruct({ when: new Date('2026-01-02T03:04:05.006Z'), big: 12n, raw: Buffer.from('hi'), gone: undefined }))
  assert.deepEqual(out, { when: '2026-01-02T03:04:05.006Z', big: 12, raw: Buffer.from('hi').toString('base64') })
})

test('struct - values a Struct cannot hold are rejected with their path', () => {
  assert.throws(() => toStruct({ a: { b: () => 1 } }), /metadata\.a\.b: function cannot be stored/)
  assert.throws(() => toStruct({ a: [1, NaN] }), /metadata\.a\[1\]: NaN cannot be stored/)
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  assert.throws(() => toStruct(cyclic), /metadata\.self: circular reference/)
  assert.throws(() => toStruct({ m: new Map() }), /metadata\.m: Map cannot be stored/)
})

test('struct - timestamps convert both ways with millisecond precision', () => {
  const date = new Date('2026-05-06T07:08:09.123Z')
  const ts = timestampFromDate(date)
  assert.deepEqual(ts, { seconds: Math.floor(date.getTime() / 1000), nanos: 123_000_000 })
  assert.equal(dateFromTimestamp(ts).toISOString(), date.toISOString())
  assert.equal(dateFromTimestamp({ seconds: String(ts.seconds), nanos: 5 }).toISOString(), '2026-05-06T07:08:09.000Z')
  const before = Date.now()
  const now = dateFromTimestamp(timestampFromDate()).getTime()
  assert.ok(now >= before - 1 && now <= Date.now())
})
