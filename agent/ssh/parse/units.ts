// Speed, duplex and MAC normalisation. Devices spell these a dozen ways ("1000Mb/s", "10Gbps",
// "a-1000", "Full-duplex", "0011.2233.4455"); the model wants kbit/s, NetBox's duplex choices
// and lower-case colon MACs.

const UNIT_KBPS: Record<string, number> = { k: 1, m: 1_000, g: 1_000_000, t: 1_000_000_000 }

/**
 * Speed in kbit/s from a CLI speed string. A bare number is taken in `bareUnit` (Mbit/s by
 * default, as most "speed" columns are). Auto/unknown speeds give undefined.
 */
export function parseSpeedKbps (value: string | undefined, bareUnit: 'k' | 'm' | 'g' | 'b' = 'm'): number | undefined {
  if (value === undefined) return undefined
  let v = value.trim().toLowerCase()
  v = v.replace(/^a-/, '') // NX-OS/EOS "a-1000": auto-negotiated 1000
  v = v.replace(/\s+/g, '')
  const m = /^(\d+(?:\.\d+)?)([kmgt])?(?:b(?:it)?(?:ps|\/s(?:ec)?)?|bps)?$/.exec(v)
  if (m === null) {
    // Compact forms such as "10g", "100m", "1gbit/s".
    const alt = /^(\d+(?:\.\d+)?)([kmgt])(?:bit(?:\/s)?|b\/s|bps)?$/.exec(v)
    if (alt === null) return undefined
    return Math.round(Number(alt[1]) * UNIT_KBPS[alt[2]])
  }
  const n = Number(m[1])
  if (!Number.isFinite(n) || n <= 0) return undefined
  if (m[2] !== undefined) return Math.round(n * UNIT_KBPS[m[2]])
  if (bareUnit === 'b') return Math.round(n / 1000)
  return Math.round(n * UNIT_KBPS[bareUnit])
}

/** NetBox duplex choice from any CLI spelling, or undefined when unknown or not applicable. */
export function parseDuplex (value: string | undefined): 'full' | 'half' | 'auto' | undefined {
  if (value === undefined) return undefined
  const v = value.trim().toLowerCase()
  if (/^(a-)?full|^fdx$|full-duplex|^duplexfull$/.test(v)) return 'full'
  if (/^(a-)?half|^hdx$|half-duplex/.test(v)) return 'half'
  if (/^auto/.test(v)) return 'auto'
  return undefined
}

/**
 * Lower-case colon MAC ("00:1c:73:aa:bb:cc") from Cisco dotted, dashed, colon or bare hex
 * forms, or undefined when the text is not a 48-bit MAC.
 */
export function normalizeMac (value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const v = value.trim().toLowerCase()
  let hex: string
  if (/^[0-9a-f]{1,2}([:\- ][0-9a-f]{1,2}){5}$/.test(v)) {
    // colon, dash or (ProCurve LLDP/CDP) space separated bytes
    hex = v.split(/[:\- ]/).map((p) => p.padStart(2, '0')).join('')
  } else if (/^[0-9a-f]{4}([.:-]?[0-9a-f]{4}){2}$/.test(v)) {
    hex = v.replace(/[.:-]/g, '')
  } else if (/^[0-9a-f]{6}-[0-9a-f]{6}$/.test(v)) {
    hex = v.replace('-', '') // HP "001122-334455"
  } else {
    return undefined
  }
  if (hex.length !== 12) return undefined
  return hex.match(/../g)!.join(':')
}

const UNIT_SECONDS: Record<string, number> = { year: 31_536_000, week: 604_800, day: 86_400, hour: 3_600, minute: 60, second: 1 }

/** Seconds from an uptime text: "1 year, 22 weeks, 6 days, 9 hours, 38 minutes", "40 days 2 hours". */
export function uptimeSeconds (text: string): number | undefined {
  let total = 0
  let found = false
  for (const m of text.matchAll(/(\d+)\s+(year|week|day|hour|minute|second)s?/gi)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2].toLowerCase()]
    found = true
  }
  return found ? total : undefined
}
