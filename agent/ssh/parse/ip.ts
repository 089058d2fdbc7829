// IPv4 mask <-> prefix length conversion and address formatting. Cisco prints "255.255.255.0",
// NX-OS and Junos print "/24", ProCurve a separate mask column; the model wants "a.b.c.d/len".
import ipaddr from 'ipaddr.js'

/** Prefix length of a dotted IPv4 netmask, or undefined when the mask is not contiguous. */
export function maskToPrefix (mask: string): number | undefined {
  const parts = mask.trim().split('.')
  if (parts.length !== 4) return undefined
  let bits = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined
    const n = Number(p)
    if (n > 255) return undefined
    bits = (bits << 8) | n
  }
  // Contiguous ones from the top: the inverted mask plus one is a power of two.
  const inv = (~bits) >>> 0
  if (((inv + 1) & inv) !== 0 && inv !== 0xffffffff) return undefined
  return inv === 0xffffffff ? 0 : Math.clz32(inv)
}

/** Dotted netmask for an IPv4 prefix length 0-32. */
export function prefixToMask (length: number): string {
  if (!Number.isInteger(length) || length < 0 || length > 32) throw new RangeError(`prefix length ${length} is outside 0-32`)
  const value = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.')
}

export function isIPv4 (value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value)
}

export function isIPv6 (value: string): boolean {
  return ipaddr.IPv6.isValid(value.replace(/%.*$/, ''))
}

/**
 * "addr/len" from an address and a prefix length or netmask; undefined when either is not
 * valid. IPv6 addresses come out in RFC 5952 form (lower case, shortest) so they compare.
 */
export function toCidr (address: string, lengthOrMask: string | number): string | undefined {
  const addr = address.trim().replace(/%.*$/, '')
  let len: number | undefined
  if (typeof lengthOrMask === 'number') len = lengthOrMask
  else if (/^\/?\d{1,3}$/.test(lengthOrMask.trim())) len = Number(lengthOrMask.trim().replace('/', ''))
  else len = maskToPrefix(lengthOrMask)
  if (len === undefined || !Number.isInteger(len)) return undefined
  if (isIPv4(addr)) return len <= 32 ? `${addr}/${len}` : undefined
  if (isIPv6(addr)) return len <= 128 ? `${ipaddr.IPv6.parse(addr).toString()}/${len}` : undefined
  return undefined
}

/** Splits "a.b.c.d/len" (or IPv6) into a normalised CIDR; undefined when malformed. */
export function parseCidr (value: string): string | undefined {
  const m = /^\s*([0-9a-fA-F:.]+)(?:%\S+)?\/(\d{1,3})\s*$/.exec(value)
  if (m === null) return undefined
  return toCidr(m[1], Number(m[2]))
}

/** True for fe80::/10: link-local addresses stay on the interface but are never prefixes. */
export function isLinkLocalV6 (cidr: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(cidr)
}
