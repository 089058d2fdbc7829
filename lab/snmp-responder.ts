// A small SNMPv2c agent answering GET, GETNEXT and GETBULK from .snmprec recordings, one
// recording per community (like snmpsimd, whose data files are named after the community).
// It lets `tributary lab` run on a machine with nothing but Node.js.
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram'
import { once } from 'node:events'
import { compareOid, type SnmpValue, type Varbind } from './snmprec.ts'
import { decodeInteger, decodeOid, encodeInteger, encodeOid, readChildren, readTlv, tlv } from './ber.ts'

const GET = 0xa0
const GETNEXT = 0xa1
const RESPONSE = 0xa2
const GETBULK = 0xa5
const NO_SUCH_OBJECT = 0x80
const END_OF_MIB_VIEW = 0x82
const MAX_RESPONSE_BYTES = 1400

export interface SnmpResponderOptions {
  /** community -> recording */
  recordings: ReadonlyMap<string, Varbind[]>
  host?: string
  /** UDP port; 0 picks a free one. */
  port?: number
}

export interface SnmpResponder {
  readonly host: string
  readonly port: number
  close (): Promise<void>
}

function encodeValue (v: SnmpValue): Buffer {
  switch (v.type) {
    case 'integer': return encodeInteger(v.value)
    case 'counter32': return encodeInteger(v.value, 0x41, true)
    case 'gauge32': return encodeInteger(v.value, 0x42, true)
    case 'timeticks': return encodeInteger(v.value, 0x43, true)
    case 'counter64': return encodeInteger(v.value, 0x46, true)
    case 'octets': return tlv(0x04, v.value)
    case 'ipaddress': return tlv(0x40, v.value)
    case 'oid': return encodeOid(v.value)
    case 'null': return tlv(0x05, Buffer.alloc(0))
  }
}

/** Index of the first varbind whose OID is greater than `oid` (binary search). */
function nextIndex (table: Varbind[], oid: number[]): number {
  let lo = 0
  let hi = table.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareOid(table[mid].oid, oid) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

function varbind (oid: number[], value: Buffer): Buffer {
  return tlv(0x30, [encodeOid(oid), value])
}

function answer (table: Varbind[], pduType: number, oids: number[][], nonRepeaters: number, maxRepetitions: number): Buffer[] {
  const out: Buffer[] = []
  const next = (oid: number[]) => {
    const i = nextIndex(table, oid)
    return i < table.length ? varbind(table[i].oid, encodeValue(table[i].value)) : varbind(oid, tlv(END_OF_MIB_VIEW, Buffer.alloc(0)))
  }
  if (pduType === GET) {
    for (const oid of oids) {
      const i = nextIndex(table, oid) - 1
      out.push(i >= 0 && compareOid(table[i].oid, oid) === 0
        ? varbind(oid, encodeValue(table[i].value))
        : varbind(oid, tlv(NO_SUCH_OBJECT, Buffer.alloc(0))))
    }
    return out
  }
  if (pduType === GETNEXT) return oids.map(next)
  // GETBULK: non-repeaters once, then up to max-repetitions rows of the rest, cut to fit a datagram.
  const fixed = oids.slice(0, nonRepeaters).map(next)
  out.push(...fixed)
  let size = fixed.reduce((n, b) => n + b.length, 0)
  let cursors = oids.slice(nonRepeaters)
  for (let r = 0; r < Math.max(1, maxRepetitions) && cursors.length > 0; r++) {
    const row: Buffer[] = []
    const advanced: number[][] = []
    let ended = 0
    for (const oid of cursors) {
      const i = nextIndex(table, oid)
      if (i < table.length) {
        row.push(varbind(table[i].oid, encodeValue(table[i].value)))
        advanced.push(table[i].oid)
      } else {
        row.push(varbind(oid, tlv(END_OF_MIB_VIEW, Buffer.alloc(0))))
        advanced.push(oid)
        ended++
      }
    }
    const rowSize = row.reduce((n, b) => n + b.length, 0)
    if (r > 0 && size + rowSize > MAX_RESPONSE_BYTES) break
    out.push(...row)
    size += rowSize
    cursors = advanced
    // Like net-snmp's agent: once every repeater is past the end, further rows would repeat it.
    if (ended === cursors.length) break
  }
  return out
}

function handle (msg: Buffer, recordings: ReadonlyMap<string, Varbind[]>): Buffer | undefined {
  const top = readTlv(msg, 0)
  const [version, community, pdu] = readChildren(top.value)
  if (!pdu || decodeInteger(version.value) !== 1) return undefined // v2c only
  const table = recordings.get(community.value.toString('utf8'))
  if (!table) return undefined // a wrong community gets no answer, as real agents do
  const [reqId, a, b, list] = readChildren(pdu.value)
  const oids = readChildren(list.value).map((vb) => decodeOid(readChildren(vb.value)[0].value))
  if (![GET, GETNEXT, GETBULK].includes(pdu.tag)) return undefined
  const bindings = answer(table, pdu.tag, oids, decodeInteger(a.value), decodeInteger(b.value))
  const response = tlv(RESPONSE, [tlv(0x02, reqId.value), encodeInteger(0), encodeInteger(0), tlv(0x30, bindings)])
  return tlv(0x30, [encodeInteger(1), tlv(0x04, community.value), response])
}

export async function startSnmpResponder (options: SnmpResponderOptions): Promise<SnmpResponder> {
  const host = options.host ?? '127.0.0.1'
  const socket: Socket = createSocket(host.includes(':') ? 'udp6' : 'udp4')
  socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    let reply: Buffer | undefined
    try {
      reply = handle(msg, options.recordings)
    } catch {
      return // malformed datagram: ignore, as an agent would
    }
    if (reply) socket.send(reply, rinfo.port, rinfo.address)
  })
  socket.bind(options.port ?? 0, host)
  await once(socket, 'listening')
  let closed = false
  return {
    host,
    port: socket.address().port,
    async close () {
      if (closed) return
      closed = true
      await new Promise<void>((resolve) => socket.close(() => resolve()))
    }
  }
}
