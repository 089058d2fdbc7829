// messageSplitter: the kept message fields as their bytes, everything else decoded exactly as a
// decoder gives it; entityMember: an Entity's member message as bytes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decodeMessage, encodeIngestRequest, encodeMessage, entityMember, messageSplitter, splitIngestRequest } from '../../proto/index.ts'

const iface = {
  device: { name: 'edge-1', site: { name: 'DC1' } },
  name: 'et-0/0/0',
  mtu: 9192,
  tagged_vlans: [{ vid: 100, name: 'a' }, { vid: 200, name: 'b' }],
  tags: [{ name: 'uplink' }],
  custom_fields: { speed: { integer: 100 } }
}

test('proto - messageSplitter keeps the named message fields as bytes and decodes the rest alike', () => {
  const bytes = encodeMessage('Interface', iface)
  const parts = messageSplitter('Interface', ['device', 'tagged_vlans', 'tags'])(bytes)
  const { device, tagged_vlans: vlans, tags, ...rest } = decodeMessage<Record<string, unknown>>('Interface', bytes)
  assert.deepEqual(parts.decoded, rest)
  assert.deepEqual([...parts.kept.keys()].sort(), ['device', 'tagged_vlans', 'tags'])
  assert.deepEqual(decodeMessage('Device', parts.kept.get('device')![0]), device)
  assert.deepEqual(parts.kept.get('tagged_vlans')!.map((b) => decodeMessage('VLAN', b)), vlans)
  assert.deepEqual(parts.kept.get('tags')!.map((b) => decodeMessage('Tag', b)), tags)
})

test('proto - messageSplitter keeps the last value of a field sent twice, as a decoder does', () => {
  const first = encodeMessage('Interface', { device: { name: 'old' }, name: 'eth0' })
  const second = encodeMessage('Interface', { device: { name: 'new' } })
  const both = Buffer.concat([first, second])
  const parts = messageSplitter('Interface', ['device'])(both)
  assert.deepEqual(decodeMessage('Device', parts.kept.get('device')![0]), { name: 'new' })
  assert.equal(parts.kept.get('device')!.length, 1)
  assert.deepEqual(parts.decoded, { name: 'eth0' })
})

test('proto - messageSplitter throws on bytes that do not parse, and refuses fields that are not messages', () => {
  const split = messageSplitter('Interface', ['device'])
  // Field 1 says 5 bytes follow; only one does.
  assert.throws(() => split(new Uint8Array([0x0a, 0x05, 0x41])), /Interface: bytes do not parse/)
  assert.throws(() => messageSplitter('Interface', ['name']), /Interface\.name is not a message field/)
  assert.throws(() => messageSplitter('Interface', ['nope']), /Interface has no field nope/)
})

test('proto - entityMember gives the bytes of the entity\'s member message', () => {
  const parts = splitIngestRequest(encodeIngestRequest({ entities: [{ interface: iface }, { site: {} }, {}] }))
  assert.deepEqual(decodeMessage('Interface', entityMember(parts.entities[0].bytes, parts.entities[0].type)!), decodeMessage('Interface', encodeMessage('Interface', iface)))
  assert.equal(entityMember(parts.entities[1].bytes, parts.entities[1].type)!.length, 0, 'a member sent empty is empty bytes')
  assert.equal(entityMember(parts.entities[2].bytes, parts.entities[2].type), undefined, 'an entity naming no object has none')
})
