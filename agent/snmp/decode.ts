// Turning SNMP values into the text, numbers and addresses the model wants, tolerating what real
// agents send: display strings as raw bytes, text wrapped in literal quotes, hex dumps instead of
// text, MACs as 6 bytes or as text, trailing NULs.
import ipaddr from 'ipaddr.js'
import snmp from 'net-snmp'
import type { Varbind } from './session.ts'

const T = snmp.ObjectType

export function isNumberType (type: number): boolean {
  return type === T.Integer || type === T.Counter || type === T.Gauge || type === T.TimeTicks || type === T.Counter32 || type === T.Gauge32 || type === T.Unsigned32
}

export function asInt (vb: Varbind | undefined): number | undefined {
  if (vb === undefined) return undefined
  if (typeof vb.value === 'number' && Number.isFinite(vb.value)) return vb.value
  if (Buffer.isBuffer(vb.value)) {
    // Counter64 arrives as bytes; also tolerate numbers sent as text.
    if (vb.type === T.Counter64) {
      let n = 0
      for (const b of vb.value) n = n * 256 + b
      return n
    }
    const s = vb.value.toString('latin1').trim()
    if (/^-?\d+$/.test(s)) return Number(s)
  }
  return undefined
}

export function asBytes (vb: Varbind | undefined): Buffer | undefined {
  if (vb === undefined || !Buffer.isBuffer(vb.value)) return undefined
  return vb.value
}

export function asOid (vb: Varbind | undefined): string | undefined {
  if (vb === undefined || typeof vb.value !== 'string' || vb.type !== T.OID) return undefined
  return vb.value
}

function isPrintable (s: string): boolean {
  // Control characters other than tab / CR / LF, and the UTF-8 replacement character, mean binary.
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(s)
}

const HEX_DUMP = /^(?:[0-9A-Fa-f]{2} ){3,}[0-9A-Fa-f]{2}$/

/** Text of a display string, or undefined when empty or binary. */
export function bytesToText (bytes: Buffer): string | undefined {
  // Text ends at the first NUL: agents send fixed-size C buffers with padding and leftovers after it.
  let end = bytes.indexOf(0)
  if (end < 0) end = bytes.length
  let s = bytes.subarray(0, end).toString('utf8')
  if (!isPrintable(s)) {
    const latin = bytes.subarray(0, end).toString('latin1')
    if (!isPrintable(latin)) return undefined
    s = latin
  }
  s = s.trim()
  // Some agents hand out a hex dump ("47 69 30 2F 31") where text belongs.
  if (HEX_DUMP.test(s)) {
    const decoded = bytesToText(Buffer.from(s.replace(/ /g, ''), 'hex'))
    if (decoded !== undefined) s = decoded
  }
  // ...and some wrap the text in literal quotes.
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim()
  return s === '' ? undefined : s
}

export function asText (vb: Varbind | undefined): string | undefined {
  const b = asBytes(vb)
  if (b !== undefined) return bytesToText(b)
  if (vb !== undefined && (typeof vb.value === 'string' || typeof vb.value === 'number')) {
    const s = String(vb.value).trim()
    return s === '' ? undefined : s
  }
  return undefined
}

/** Lower-case colon-separated MAC from 6 bytes or from text; undefined for empty or all-zero. */
export function bytesToMac (bytes: Buffer): string | undefined {
  let raw: Buffer | undefined
  if (bytes.length === 6) raw = bytes
  else {
    const text = bytes.toString('latin1').trim().replace(/^"|"$/g, '')
    const parts = text.split(/[:\-. ]/)
    if (parts.length === 6 && parts.every((p) => /^[0-9A-Fa-f]{1,2}$/.test(p))) raw = Buffer.from(parts.map((p) => parseInt(p, 16)))
    else if (parts.length === 3 && parts.every((p) => /^[0-9A-Fa-f]{4}$/.test(p))) raw = Buffer.from(parts.join(''), 'hex')
    else if (/^(?:0x)?[0-9A-Fa-f]{12}$/.test(text)) raw = Buffer.from(text.replace(/^0x/, ''), 'hex')
  }
  if (raw === undefined || raw.every((b) => b === 0)) return undefined
  return [...raw].map((b) => b.toString(16).padStart(2, '0')).join(':')
}

export function asMac (vb: Varbind | undefined): string | undefined {
  const b = asBytes(vb)
  return b === undefined ? undefined : bytesToMac(b)
}

/** An IpAddress value, or 4 / 16 raw bytes, as text. */
export function asIp (vb: Varbind | undefined): string | undefined {
  if (vb === undefined) return undefined
  if (typeof vb.value === 'string' && ipaddr.isValid(vb.value)) return ipaddr.parse(vb.value).toString()
  const b = asBytes(vb)
  if (b !== undefined && (b.length === 4 || b.length === 16)) return ipaddr.fromByteArray([...b]).toString()
  return undefined
}

/** Prefix length of a contiguous IPv4 mask, undefined when not contiguous. */
export function maskToPrefixLength (mask: string): number | undefined {
  if (!ipaddr.IPv4.isValid(mask)) return undefined
  try {
    return ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask() ?? undefined
  } catch {
    return undefined
  }
}

/** Numbers of an index suffix ("1.2.16.254.128..."). */
export function indexParts (suffix: string): number[] {
  return suffix === '' ? [] : suffix.split('.').map(Number)
}

/** The address in an InetAddressType.InetAddress index (RFC 4001), and what follows it. */
export function inetFromIndex (parts: number[], offset = 0): { family: 4 | 6, address: string, zone?: number, next: number } | undefined {
  const type = parts[offset]
  const len = parts[offset + 1]
  if (len === undefined) return undefined
  const bytes = parts.slice(offset + 2, offset + 2 + len)
  if (bytes.length !== len || bytes.some((b) => !(b >= 0 && b <= 255))) return undefined
  const next = offset + 2 + len
  // 1 ipv4, 2 ipv6, 3 ipv4z, 4 ipv6z (the zone index is the last four bytes).
  if ((type === 1 && len === 4) || (type === 3 && len === 8)) {
    return { family: 4, address: bytes.slice(0, 4).join('.'), zone: type === 3 ? Buffer.from(bytes.slice(4)).readUInt32BE(0) : undefined, next }
  }
  if ((type === 2 && len === 16) || (type === 4 && len === 20)) {
    return { family: 6, address: ipaddr.fromByteArray(bytes.slice(0, 16)).toString(), zone: type === 4 ? Buffer.from(bytes.slice(16)).readUInt32BE(0) : undefined, next }
  }
  return undefined
}

/** Port numbers set in a PortList bitmap (Q-BRIDGE-MIB): the first octet's high bit is port 1. */
export function portListMembers (bytes: Buffer): number[] {
  const ports: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0) continue
    for (let bit = 0; bit < 8; bit++) if ((b & (0x80 >> bit)) !== 0) ports.push(i * 8 + bit + 1)
  }
  return ports
}
