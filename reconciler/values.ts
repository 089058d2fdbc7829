// Entity values in, column values out: validation and normalisation per column kind, and the
// comparison with what PostgreSQL stores, so that a repeat of the same entity diffs as "no change"
// (2001:0db8::1/64 equals 2001:db8::1/64, 12.3456789 equals the stored 12.345679).
import ipaddr from 'ipaddr.js'
import { isChoice } from '../proto/index.ts'
import type { FieldSpec } from './models.ts'

export class ValueError extends Error {
  override name = 'ValueError'
}

const INT4_MAX = 2147483647

function toNumber (v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  if (!Number.isFinite(n)) throw new ValueError(`${JSON.stringify(v)} is not a number`)
  return n
}

/** An address with its prefix length, and its texts (`text` is the address as ipaddr.js prints
 * it): each is asked for several times per address and batch (entity, nested reference, rule
 * key, stored row), and printing an address allocates. */
interface Parsed { addr: ipaddr.IPv4 | ipaddr.IPv6, len: number, text: string, withLen: string }
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/
const parsedCache = new Map<string, Parsed>()

/** Parses "addr[/len]" into [address, prefix length]; a bare address is a host route. Dotted IPv4
 * takes a fast path (ipaddr.js tries IPv6 first), and results are cached: batches repeat the same
 * addresses in entities, nested references and stored rows. */
function parseInet (v: string): Parsed {
  const s = v.trim()
  const hit = parsedCache.get(s)
  if (hit) return hit
  let addr: ipaddr.IPv4 | ipaddr.IPv6
  let len: number
  const m = V4.exec(s)
  if (m) {
    const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]
    len = m[5] === undefined ? 32 : Number(m[5])
    if (octets.some((o) => o > 255) || len > 32) throw new ValueError(`${JSON.stringify(v)} is not an IP address`)
    addr = new ipaddr.IPv4(octets)
  } else {
    try {
      if (s.includes('/')) {
        [addr, len] = ipaddr.parseCIDR(s)
      } else {
        addr = ipaddr.parse(s)
        len = addr.kind() === 'ipv4' ? 32 : 128
      }
    } catch {
      throw new ValueError(`${JSON.stringify(v)} is not an IP address`)
    }
  }
  const text = addr.toString()
  const out: Parsed = { addr, len, text, withLen: `${text}/${len}` }
  if (parsedCache.size > 100_000) parsedCache.clear()
  parsedCache.set(s, out)
  return out
}

function macOf (v: string): string {
  const hex = v.trim().toLowerCase().replace(/[:\-.]/g, '')
  if (!/^[0-9a-f]{12}$/.test(hex)) throw new ValueError(`${JSON.stringify(v)} is not a MAC address`)
  return hex.match(/../g)!.join(':')
}

/** Normalised column value of an entity field; undefined means "not sent". Throws ValueError. */
export function normalise (spec: FieldSpec, message: string, v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  switch (spec.kind) {
    case 'text':
    case 'ntext': {
      if (typeof v !== 'string') throw new ValueError(`expected a string, got ${typeof v}`)
      if (spec.choice) {
        if (v === '') return undefined
        if (!isChoice(spec.choice, v)) throw new ValueError(`${JSON.stringify(v)} is not a valid ${spec.choice} choice`)
      }
      if (v === '' && spec.kind === 'ntext') return null
      if (v.includes('\u0000')) throw new ValueError('contains a NUL character')
      return v
    }
    case 'int':
    case 'bigint': {
      const n = toNumber(v)
      const max = spec.kind === 'int' ? INT4_MAX : Number.MAX_SAFE_INTEGER
      if (!Number.isInteger(n) || Math.abs(n) > max) throw new ValueError(`${n} is not an integer within ±${max}`)
      return n
    }
    case 'num': {
      const n = toNumber(v)
      const f = 10 ** (spec.scale ?? 0)
      const r = Math.round(n * f) / f
      if (spec.max !== undefined && Math.abs(r) > spec.max) throw new ValueError(`${n} is out of range (at most ${spec.max})`)
      return r
    }
    case 'bool':
      if (typeof v !== 'boolean') throw new ValueError(`expected a boolean, got ${typeof v}`)
      return v
    case 'inet': {
      if (typeof v !== 'string') throw new ValueError('expected an address string')
      return parseInet(v).withLen
    }
    case 'cidr': {
      if (typeof v !== 'string') throw new ValueError('expected a prefix string')
      const { addr, len, text, withLen } = parseInet(v)
      const net = addr.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(withLen)
        : ipaddr.IPv6.networkAddressFromCIDR(withLen)
      if (net.toString() !== text) throw new ValueError(`${JSON.stringify(v)} has host bits set (network is ${net.toString()}/${len})`)
      return withLen
    }
    case 'mac':
      if (typeof v !== 'string') throw new ValueError('expected a MAC address string')
      if (v === '') return null
      return macOf(v)
    case 'textarr': {
      if (!Array.isArray(v)) throw new ValueError('expected a list of strings')
      if (v.length === 0) return undefined
      for (const x of v) {
        if (typeof x !== 'string' || (spec.choice && !isChoice(spec.choice, x))) throw new ValueError(`${JSON.stringify(x)} is not a valid ${spec.choice ?? 'value'}`)
      }
      return [...new Set(v as string[])].sort()
    }
    case 'ranges': {
      if (!Array.isArray(v)) throw new ValueError('expected a list of numbers')
      if (v.length === 0) return undefined
      if (v.length % 2 !== 0) throw new ValueError('expected pairs of VLAN ids (low, high)')
      const out: string[] = []
      for (let i = 0; i < v.length; i += 2) {
        const lo = toNumber(v[i])
        const hi = toNumber(v[i + 1])
        if (lo < 1 || hi > 4094 || lo > hi) throw new ValueError(`VLAN id range ${lo}-${hi} is not within 1-4094`)
        out.push(`[${lo},${hi + 1})`)
      }
      return out
    }
  }
}

/** SQL type a column value is sent as (in unnest arrays) and the cast back to the column type. */
export function sqlTypeOf (spec: FieldSpec): { array: string, cast: string } {
  switch (spec.kind) {
    case 'int': return { array: 'int4[]', cast: '' }
    case 'bigint': return { array: 'int8[]', cast: '' }
    case 'num': return { array: 'numeric[]', cast: '' }
    case 'bool': return { array: 'bool[]', cast: '' }
    case 'inet': return { array: 'inet[]', cast: '' }
    case 'cidr': return { array: 'cidr[]', cast: '' }
    case 'mac': return { array: 'macaddr[]', cast: '' }
    case 'textarr': return { array: 'text[]', cast: '::text[]' }
    case 'ranges': return { array: 'text[]', cast: '::int4range[]' }
    default: return { array: 'text[]', cast: '' }
  }
}

/** Array element for a column value (lists travel as array literals and are cast back). */
export function toParam (spec: FieldSpec, v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (spec.kind === 'textarr') return `{${(v as string[]).map((x) => JSON.stringify(x)).join(',')}}`
  if (spec.kind === 'ranges') return typeof v === 'string' ? v : `{${(v as string[]).map((x) => `"${x}"`).join(',')}}`
  return v
}

/** Elements of a one-dimensional PostgreSQL array literal ({a,"b,c",NULL}). */
function parseArrayText (s: string): string[] {
  const out: string[] = []
  let i = 1
  while (i < s.length - 1) {
    let v = ''
    if (s[i] === '"') {
      i++
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\') i++
        v += s[i++]
      }
      i++
    } else {
      while (i < s.length - 1 && s[i] !== ',') v += s[i++]
    }
    out.push(v)
    i++ // the comma
  }
  return out
}

/** The stored text of a column (as `col::text`) converted to the value normalise() would give. */
export function fromStored (spec: FieldSpec, s: string | null): unknown {
  if (s === null) return null
  switch (spec.kind) {
    case 'int':
    case 'bigint':
    case 'num': return Number(s)
    case 'bool': return s === 'true' || s === 't'
    case 'inet':
    case 'cidr': return parseInet(s).withLen
    case 'textarr': return parseArrayText(s).sort()
    case 'ranges': return parseArrayText(s)
    default: return s
  }
}

export function sameValue (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || a === undefined || b === undefined) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i])
  return false
}

/** Host part of an address in one canonical form, for matching inside a batch. */
export function hostKey (address: string): string {
  const { addr, text } = parseInet(address)
  return addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toNormalizedString() : text
}
