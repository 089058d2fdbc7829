// Turns a policy's scope entries (host names, addresses, CIDRs, ranges) into the list of hosts
// to visit. Sizes are counted before anything is expanded, so a /8 typo is refused at once
// instead of allocating sixteen million strings.
import ipaddr from 'ipaddr.js'

/** Addresses one policy may expand to unless its options or the agent raise the limit. */
export const DEFAULT_MAX_SCOPE_ADDRESSES = 4096

export type ScopeTarget =
  | { kind: 'host', text: string, host: string }
  | { kind: 'address', text: string, host: string }
  | { kind: 'cidr', text: string, family: 4 | 6, first: bigint, last: bigint, skipEnds: boolean }
  | { kind: 'range', text: string, family: 4 | 6, first: bigint, last: bigint }

const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$/

/** Parses one scope target; throws a TypeError whose message says what is wrong with it. */
export function parseScopeTarget (text: string): ScopeTarget {
  const t = text.trim()
  if (t === '') throw new TypeError('empty target')
  if (t.includes('/')) return parseCidr(t)
  if (t.includes('-') && !HOST_NAME.test(t)) return parseRange(t)
  if (/^[\d.]+-\d+(\.\d+){0,3}$/.test(t)) return parseRange(t)
  const bare = t.replace(/^\[|\]$/g, '')
  if (ipaddr.isValid(bare)) {
    if (/^\d+(\.\d+){0,2}$/.test(bare)) throw new TypeError(`"${t}" is not a full IPv4 address`)
    return { kind: 'address', text: t, host: ipaddr.parse(bare).toString() }
  }
  if (/^[\d.]+$/.test(t)) throw new TypeError(`"${t}" is not a valid IPv4 address`)
  if (!HOST_NAME.test(t)) throw new TypeError(`"${t}" is neither a host name, an address, a CIDR nor a range`)
  return { kind: 'host', text: t, host: t.toLowerCase() }
}

/** How many hosts a target stands for. */
export function scopeTargetSize (target: ScopeTarget): bigint {
  switch (target.kind) {
    case 'host':
    case 'address': return 1n
    case 'range': return target.last - target.first + 1n
    case 'cidr': return target.last - target.first + 1n - (target.skipEnds ? 2n : 0n)
  }
}

/** The hosts of one target, as strings the collectors can connect to. */
export function expandScopeTarget (target: ScopeTarget): string[] {
  if (target.kind === 'host' || target.kind === 'address') return [target.host]
  const skip = target.kind === 'cidr' && target.skipEnds ? 1n : 0n
  const out: string[] = []
  for (let n = target.first + skip; n <= target.last - skip; n++) out.push(fromBigInt(n, target.family))
  return out
}

/**
 * Expands targets into unique hosts, first occurrence first. Throws a RangeError naming the count
 * and the limit when they stand for more than `limit` hosts, before expanding any.
 */
export function expandScope (targets: readonly string[], limit = DEFAULT_MAX_SCOPE_ADDRESSES): string[] {
  const parsed = targets.map(parseScopeTarget)
  const total = parsed.reduce((sum, t) => sum + scopeTargetSize(t), 0n)
  if (total > BigInt(limit)) throw new RangeError(`expands to ${total} addresses, more than the limit of ${limit}`)
  return [...new Set(parsed.flatMap(expandScopeTarget))]
}

function parseCidr (t: string): ScopeTarget {
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  let len: number
  try { [ip, len] = ipaddr.parseCIDR(t) } catch { throw new TypeError(`"${t}" is not a valid CIDR`) }
  const family = ip.kind() === 'ipv4' ? 4 : 6
  const bits = family === 4 ? 32 : 128
  const hostBits = BigInt(bits - len)
  const first = (toBigInt(ip) >> hostBits) << hostBits
  const last = first + (1n << hostBits) - 1n
  // The network and broadcast addresses of an IPv4 subnet answer nothing useful (or answer as a
  // broadcast); /31 (RFC 3021) and /32 have neither.
  return { kind: 'cidr', text: t, family, first, last, skipEnds: family === 4 && len < 31 }
}

function parseRange (t: string): ScopeTarget {
  const dash = t.indexOf('-')
  const from = t.slice(0, dash).trim().replace(/^\[|\]$/g, '')
  let to = t.slice(dash + 1).trim().replace(/^\[|\]$/g, '')
  if (!ipaddr.isValid(from) || /^\d+(\.\d+){0,2}$/.test(from)) throw new TypeError(`"${t}": range start "${from}" is not an address`)
  const start = ipaddr.parse(from)
  // "10.0.0.1-40": the end repeats the start's first octets.
  if (start.kind() === 'ipv4' && /^\d+(\.\d+){0,2}$/.test(to)) {
    const given = to.split('.')
    to = [...from.split('.').slice(0, 4 - given.length), ...given].join('.')
  }
  if (!ipaddr.isValid(to)) throw new TypeError(`"${t}": range end "${to}" is not an address`)
  const end = ipaddr.parse(to)
  if (end.kind() !== start.kind()) throw new TypeError(`"${t}": range ends are not of one address family`)
  const first = toBigInt(start)
  const last = toBigInt(end)
  if (last < first) throw new TypeError(`"${t}": range end is before its start`)
  return { kind: 'range', text: t, family: start.kind() === 'ipv4' ? 4 : 6, first, last }
}

function toBigInt (ip: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return ip.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n)
}

function fromBigInt (n: bigint, family: 4 | 6): string {
  const bytes: number[] = []
  for (let i = 0; i < (family === 4 ? 4 : 16); i++) {
    bytes.unshift(Number(n & 0xffn))
    n >>= 8n
  }
  return ipaddr.fromByteArray(bytes).toString()
}
