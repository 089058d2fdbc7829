import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  toProtoJson, fromProtoJson, encodeIngestRequest, decodeIngestRequest, encodeMessage, toStruct, fromStruct, timestampFromDate,
  dateFromTimestamp, ProtoJsonError
} from '../../proto/index.ts'

test('proto json - snake_case names, int64 as strings, RFC 3339 timestamps, Struct as plain JSON', () => {
  const json = toProtoJson('IngestRequest', {
    stream: 'latest',
    id: '5b0b5a8e-5d0e-4a53-9d77-2a4a5d1c7e00',
    producer_app_name: 'probe',
    entities: [
      { timestamp: { seconds: 1_700_000_000, nanos: 0 }, asn: { asn: 65001, description: 'edge' } },
      { timestamp: { seconds: 1_700_000_000, nanos: 120_000_000 }, device: { name: 'r1', device_type: { model: 'C9300' }, vc_position: 2 } },
      { timestamp: { seconds: 1_700_000_000, nanos: 1_500 }, interface: { name: 'eth0', speed: 10_000_000 } }
    ],
    metadata: toStruct({ run: 7, nested: { ok: true, list: ['a', null] } })
  })
  assert.equal(json.producer_app_name, 'probe')
  assert.equal('producerAppName' in json, false)
  const entities = json.entities as Array<Record<string, Record<string, unknown>>>
  assert.equal(entities[0].asn.asn, '65001')
  assert.equal(entities[0].timestamp as unknown, '2023-11-14T22:13:20Z')
  assert.equal(entities[1].timestamp as unknown, '2023-11-14T22:13:20.120Z')
  assert.equal(entities[2].timestamp as unknown, '2023-11-14T22:13:20.000001500Z')
  assert.deepEqual(entities[1].device, { name: 'r1', device_type: { model: 'C9300' }, vc_position: '2' })
  assert.equal(entities[2].interface.speed, '10000000')
  assert.deepEqual(json.metadata, { run: 7, nested: { ok: true, list: ['a', null] } })
})

test('proto json - implicit-presence defaults are omitted, explicitly set optional fields kept', () => {
  const json = toProtoJson('IngestionLog', { id: '', request_id: 'r', ingestion_ts: 0, entity: { device: { name: '', vc_position: 0 } } })
  assert.deepEqual(json, { request_id: 'r', entity: { device: { name: '', vc_position: '0' } } })
  assert.deepEqual(toProtoJson('IngestResponse', { errors: [] }), {})
})

test('proto json - enums by name, bytes base64, maps as objects', () => {
  const json = toProtoJson('IngestionLog', {
    state: 'APPLIED',
    change_set: { id: 'cs1', data: Buffer.from('{"a":1}') },
    entity: { device: { name: 'r1', custom_fields: { rack_unit: { integer: 4 }, note: { text: 'x' } } } }
  })
  assert.equal(json.state, 'APPLIED')
  assert.equal((json.change_set as Record<string, unknown>).data, Buffer.from('{"a":1}').toString('base64'))
  const device = (json.entity as Record<string, Record<string, unknown>>).device
  assert.deepEqual(device.custom_fields, { rack_unit: { integer: '4' }, note: { text: 'x' } })
  const back = fromProtoJson('IngestionLog', json)
  assert.deepEqual(Buffer.from(encodeMessage('IngestionLog', back)),
    Buffer.from(encodeMessage('IngestionLog', { state: 3, change_set: { id: 'cs1', data: Buffer.from('{"a":1}') }, entity: { device: { name: 'r1', custom_fields: { rack_unit: { integer: 4 }, note: { text: 'x' } } } } })))
})

test('proto json - reads a file as the official Python SDK writes it, camelCase names too', () => {
  // Shaped like DiodeDryRunClient output (MessageToJson, preserving_proto_field_name=True).
  const python = {
    stream: 'latest',
    entities: [
      {
        timestamp: '2026-03-01T10:20:30.123456Z',
        device: {
          name: 'Device A',
          device_type: { manufacturer: { name: 'Cisco' }, model: 'C9300' },
          role: { name: 'Core' },
          site: { name: 'Site ABC' },
          tags: [{ name: 'tag 1' }, { name: 'tag 2' }],
          metadata: { rack: 'R12', u: 3 }
        }
      },
      { timestamp: '2026-03-01T11:20:30+01:00', asn: { asn: '555' } }
    ],
    id: '0b0d7c9a-9b39-4b0a-8d1e-7c8d0e5f6a7b',
    producer_app_name: 'my-producer',
    producer_app_version: '0.0.1',
    sdk_name: 'diode-sdk-python',
    sdk_version: '1.14.3',
    metadata: { batch: 'nightly' }
  }
  const request = fromProtoJson('IngestRequest', python)
  const decoded = decodeIngestRequest(encodeIngestRequest(request))
  assert.equal(decoded.entities?.length, 2)
  assert.deepEqual(decoded.entities?.[0].timestamp, { seconds: Date.UTC(2026, 2, 1, 10, 20, 30) / 1000, nanos: 123_456_000 })
  assert.deepEqual(decoded.entities?.[1].timestamp, { seconds: Date.UTC(2026, 2, 1, 10, 20, 30) / 1000 })
  assert.equal(decoded.entities?.[1].asn?.asn, 555)
  assert.equal(decoded.entities?.[0].device?.device_type?.manufacturer?.name, 'Cisco')
  assert.deepEqual(toProtoJson('IngestRequest', decoded).metadata, { batch: 'nightly' })
  // Go's protojson without UseProtoNames writes lowerCamelCase; parsers accept both.
  const camel = fromProtoJson('IngestRequest', { producerAppName: 'go', entities: [{ ipAddress: { address: '192.0.2.1/24' } }] })
  assert.equal(camel.producer_app_name, 'go')
  assert.deepEqual((camel.entities as unknown[])[0], { ip_address: { address: '192.0.2.1/24' } })
})

test('proto json - bad input names the path of the offending value', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ entities: [{ device: { nmae: 'r1' } }] }, /IngestRequest\.entities\[0\]\.device\.nmae: unknown field of diode\.v1\.Device/],
    [{ entities: [{ timestamp: '2026-13-45' }] }, /IngestRequest\.entities\[0\]\.timestamp: expected an RFC 3339 timestamp/],
    [{ entities: [{ asn: { asn: '12x' } }] }, /IngestRequest\.entities\[0\]\.asn\.asn: expected an integer \(int64\)/],
    [{ entities: [{ device: { name: 'a' }, site: { name: 'b' } }] }, /oneof entity already has device set/],
    [{ stream: 5 }, /IngestRequest\.stream: expected a string, got number/],
    [{ entities: {} }, /IngestRequest\.entities: expected an array/]
  ]
  for (const [input, message] of cases) {
    assert.throws(() => fromProtoJson('IngestRequest', input), (err: unknown) => {
      assert.ok(err instanceof ProtoJsonError)
      assert.equal(err.code, 'ERR_PROTO_JSON')
      assert.match(err.message, message)
      return true
    })
  }
  assert.deepEqual(fromProtoJson('IngestRequest', { extra: 1, stream: 's' }, { ignoreUnknownFields: true }), { stream: 's' })
})

test('proto json - int64 beyond 2^53 keeps every digit', () => {
  const big = '9007199254740993'
  const parsed = fromProtoJson('ASN', { asn: big })
  assert.equal(parsed.asn, big)
  assert.equal(toProtoJson('ASN', parsed).asn, big)
})

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
