// How the collector fails: silence, garbage, wrong credentials, deadlines and cancellation each end
// with one clear error naming host:port and the phase, never the community; a device that
// mishandles GETBULK is walked with GETNEXT instead; a table that cannot be read costs only itself.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram'
import { randomBytes } from 'node:crypto'
import { collectSnmp, freeUdpPort, startSnmpSimulator, SnmpError, type SnmpSimulator } from '../../../agent/snmp/index.ts'
import { FIXTURES, captureLogger } from './helpers.ts'

let sim: SnmpSimulator
before(async () => { sim = await startSnmpSimulator({ dataDir: FIXTURES }) })
after(async () => { await sim?.stop() })

async function bind (onMessage: (sock: Socket, msg: Buffer, from: RemoteInfo) => void): Promise<{ port: number, close: () => Promise<void> }> {
  const sock = createSocket('udp4')
  sock.on('message', (msg, from) => onMessage(sock, msg, from))
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()))
  return { port: sock.address().port, close: () => new Promise((resolve) => sock.close(() => resolve())) }
}

/** Offset and length of the BER TLV at `at` (header skipped). */
function tlv (buf: Buffer, at: number): { tag: number, start: number, end: number } {
  const tag = buf[at]
  let len = buf[at + 1]
  let start = at + 2
  if (len & 0x80) {
    const n = len & 0x7f
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]
    start += n
  }
  return { tag, start, end: start + len }
}

/** The PDU of a v1/v2c message: SEQUENCE { version, community, PDU }. */
function pduOf (msg: Buffer): { tag: number, at: number, start: number } {
  const seq = tlv(msg, 0)
  const version = tlv(msg, seq.start)
  const community = tlv(msg, version.end)
  const pdu = tlv(msg, community.end)
  return { tag: pdu.tag, at: community.end, start: pdu.start }
}

const GET = 0xa0
const GET_BULK = 0xa5
const GET_NEXT = 0xa1

/** A proxy in front of snmpsim that can drop or fail GETBULK, or drop requests for one subtree. */
async function proxy (mode: { bulk?: 'drop' | 'genErr', dropOid?: Buffer, multiGetNoSuchName?: boolean }): Promise<{ port: number, counts: Record<string, number>, close: () => Promise<void> }> {
  const counts: Record<string, number> = { bulk: 0, next: 0, get: 0, dropped: 0 }
  const upstream = createSocket('udp4')
  let client: RemoteInfo | undefined
  let front: Socket | undefined
  upstream.on('message', (msg) => { if (client !== undefined) front?.send(msg, client.port, client.address) })
  await new Promise<void>((resolve) => upstream.bind(0, '127.0.0.1', () => resolve()))
  const server = await bind((sock, msg, from) => {
    front = sock
    client = from
    const pdu = pduOf(msg)
    if (pdu.tag === GET_BULK) counts.bulk++
    else if (pdu.tag === GET_NEXT) counts.next++
    else counts.get++
    if (mode.dropOid !== undefined && msg.includes(mode.dropOid)) { counts.dropped++; return }
    if (pdu.tag === GET_BULK && mode.bulk === 'drop') { counts.dropped++; return }
    if (pdu.tag === GET && mode.multiGetNoSuchName === true) {
      const id = tlv(msg, pdu.start)
      const status = tlv(msg, id.end)
      const index = tlv(msg, status.end)
      const list = tlv(msg, index.end)
      let n = 0
      for (let at = list.start; at < list.end; at = tlv(msg, at).end) n++
      if (n > 1) {
        // An SNMPv1-style agent: one missing scalar fails the whole GET with noSuchName(2).
        const answer = Buffer.from(msg)
        answer[pdu.at] = 0xa2
        answer.fill(0, status.start, status.end); answer[status.end - 1] = 2
        answer.fill(0, index.start, index.end); answer[index.end - 1] = 6
        sock.send(answer, from.port, from.address)
        return
      }
    }
    if (pdu.tag === GET_BULK && mode.bulk === 'genErr') {
      // A GetBulk PDU has request-id, non-repeaters, max-repetitions where a Response has
      // request-id, error-status, error-index: retag it and set genErr(5) at index 1.
      const answer = Buffer.from(msg)
      answer[pdu.at] = 0xa2
      const id = tlv(answer, pdu.start)
      const status = tlv(answer, id.end)
      const index = tlv(answer, status.end)
      answer.fill(0, status.start, status.end); answer[status.end - 1] = 5
      answer.fill(0, index.start, index.end); answer[index.end - 1] = 1
      sock.send(answer, from.port, from.address)
      return
    }
    upstream.send(msg, sim.port, '127.0.0.1')
  })
  return { port: server.port, counts, close: async () => { await server.close(); await new Promise<void>((resolve) => upstream.close(() => resolve())) } }
}

const SECRET = 'not-the-community-s3cr3t'

describe('snmp collector failures', () => {
  it('snmp - a target that never answers ends with ERR_SNMP_TIMEOUT naming host:port', async () => {
    const port = await freeUdpPort()
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 200, retries: 1, credentials: [{ version: '2c', community: SECRET }] }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_TIMEOUT')
      assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}`))
      assert.match(err.message, /probe/)
      assert.match(err.message, /2 attempt\(s\) of 200 ms/)
      assert.ok(!err.message.includes(SECRET))
      return true
    })
  })

  it('snmp - a target answering garbage ends with ERR_SNMP_INVALID_RESPONSE', async () => {
    const garbage = await bind((sock, _msg, from) => sock.send(randomBytes(64), from.port, from.address))
    try {
      await assert.rejects(collectSnmp({ host: '127.0.0.1', port: garbage.port, timeout: 200, retries: 0, credentials: [{ version: '2c', community: SECRET }] }), (err: SnmpError) => {
        assert.equal(err.code, 'ERR_SNMP_INVALID_RESPONSE')
        assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${garbage.port}`))
        assert.match(err.message, /undecodable/)
        return true
      })
    } finally {
      await garbage.close()
    }
  })

  it('snmp - a wrong v2c community times out and no message or log line holds it', async () => {
    const { logger, lines } = captureLogger('trace')
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port: sim.port, timeout: 200, retries: 0, credentials: [{ version: '2c', community: SECRET }] }, { logger }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_TIMEOUT')
      const everything = [err.message, String(err.stack), String((err.cause as Error)?.message), JSON.stringify(err)].join('\n')
      assert.ok(!everything.includes(SECRET))
      return true
    })
    assert.ok(lines().length > 0)
    assert.ok(!lines().includes(SECRET))
  })

  it('snmp - a device that drops GETBULK is walked with GETNEXT', async () => {
    const p = await proxy({ bulk: 'drop' })
    try {
      const result = await collectSnmp({ host: '127.0.0.1', port: p.port, timeout: 300, retries: 0, credentials: [{ version: '2c', community: 'cisco-c9300' }] })
      assert.equal(result.device.serial, 'FOC2233X0AB')
      assert.equal(result.device.interfaces.length, 14)
      assert.equal(result.device.neighbors.length, 4)
      assert.deepEqual(result.warnings?.map((w) => w.code), ['WARN_SNMP_GETBULK_FALLBACK'])
      // One GETBULK was tried, then the rest of the device went over GETNEXT.
      assert.equal(p.counts.bulk, 1)
      assert.ok(p.counts.next > 20)
    } finally {
      await p.close()
    }
  })

  it('snmp - a device that answers GETBULK with genErr is walked with GETNEXT', async () => {
    const p = await proxy({ bulk: 'genErr' })
    try {
      const result = await collectSnmp({ host: '127.0.0.1', port: p.port, timeout: 1000, retries: 0, credentials: [{ version: '2c', community: 'arista-7280' }] })
      assert.equal(result.device.serial, 'JPE21234567')
      assert.equal(result.device.addresses.length, 6)
      assert.match(result.warnings?.[0].message ?? '', /GeneralError \(error-status 5\) during ifTable/)
      assert.equal(p.counts.bulk, 1)
    } finally {
      await p.close()
    }
  })

  it('snmp - an agent that fails the multi-scalar probe GET with noSuchName is still read', async () => {
    const p = await proxy({ multiGetNoSuchName: true })
    try {
      const result = await collectSnmp({ host: '127.0.0.1', port: p.port, timeout: 1000, retries: 0, credentials: [{ version: '2c', community: 'cisco-c9300' }] })
      assert.equal(result.device.hostname, 'core1.example.net')
      assert.equal(result.device.platform, 'Cisco IOS-XE 17.3.4')
      assert.equal(result.device.interfaces.length, 14)
    } finally {
      await p.close()
    }
  })

  it('snmp - a table that cannot be read is noted and the rest is kept', async () => {
    // Drop every request that names ENTITY-MIB (1.3.6.1.2.1.47, BER 2b 06 01 02 01 2f).
    const p = await proxy({ dropOid: Buffer.from([0x2b, 0x06, 0x01, 0x02, 0x01, 0x2f]) })
    try {
      const result = await collectSnmp({ host: '127.0.0.1', port: p.port, timeout: 200, retries: 0, credentials: [{ version: '2c', community: 'cisco-c9300' }] })
      const failed = result.warnings?.filter((w) => w.code === 'ERR_SNMP_TIMEOUT') ?? []
      assert.deepEqual(failed.map((w) => w.phase), ['entPhysicalTable'])
      assert.match(failed[0].message, /entPhysicalTable/)
      assert.equal(result.device.serial, undefined)
      assert.deepEqual(result.device.inventory, [])
      assert.equal(result.device.interfaces.length, 14)
      assert.equal(result.device.vlans.length, 5)
      assert.equal(result.device.neighbors.length, 4)
    } finally {
      await p.close()
    }
  })

  it('snmp - the whole-target deadline ends the collection with ERR_SNMP_DEADLINE', async () => {
    const port = await freeUdpPort()
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 10_000, retries: 3, credentials: [{ version: '2c', community: SECRET }] }, { deadline: Date.now() + 300 }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_DEADLINE')
      assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}.*probe`))
      return true
    })
  })

  it('snmp - a deadline reached mid-walk keeps what was read and notes the rest', async () => {
    // ENTITY-MIB requests vanish; requests time out only after 60 s, so the deadline ends the walk.
    const p = await proxy({ dropOid: Buffer.from([0x2b, 0x06, 0x01, 0x02, 0x01, 0x2f]) })
    try {
      const result = await collectSnmp({ host: '127.0.0.1', port: p.port, timeout: 60_000, retries: 0, credentials: [{ version: '2c', community: 'cisco-c9300' }] }, { deadline: Date.now() + 4000 })
      assert.equal(result.device.interfaces.length, 14)
      assert.equal(result.device.addresses.length, 6)
      const codes = new Map((result.warnings ?? []).map((w) => [w.phase, w.code]))
      assert.equal(codes.get('entPhysicalTable'), 'ERR_SNMP_DEADLINE')
      assert.equal(codes.get('lldpRemTable'), 'ERR_SNMP_DEADLINE')
      assert.equal(codes.has('ifTable'), false)
    } finally {
      await p.close()
    }
  })

  it('snmp - an abort signal stops the collection with ERR_SNMP_ABORTED', async () => {
    const port = await freeUdpPort()
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100).unref()
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 10_000, retries: 3, credentials: [{ version: '2c', community: SECRET }] }, { signal: controller.signal }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_ABORTED')
      return true
    })
  })

  it('snmp - settings that cannot work are refused before any packet', async () => {
    await assert.rejects(collectSnmp({ host: '127.0.0.1', credentials: [] }), { code: 'ERR_SNMP_INVALID_SETTINGS', message: /credentials/ })
    await assert.rejects(collectSnmp({ host: '127.0.0.1', credentials: [{ version: '3', username: 'u', authProtocol: 'sha', authKey: 'short' }] }), { code: 'ERR_SNMP_INVALID_SETTINGS', message: /^credentials\[0\]\.authKey/ })
    // Checked for every credential up front, not only when its turn comes.
    await assert.rejects(collectSnmp({ host: '127.0.0.1', credentials: [{ version: '2c', community: 'public' }, { version: '3', username: 'u', authProtocol: 'sha', authKey: 'long-enough', privProtocol: 'blowfish' as 'aes', privKey: 'long-enough' }] }), { code: 'ERR_SNMP_INVALID_SETTINGS', message: /^credentials\[1\]\.privProtocol/ })
  })
})
