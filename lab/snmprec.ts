// Reads snmpsim's .snmprec recordings (`OID|TAG|VALUE` per line) into typed values, so the lab can
// answer SNMP from the same files snmpsimd serves. Tags: 2 Integer32, 4 OCTET STRING (4x hex,
// 4e escaped), 5 NULL, 6 OID, 64 IpAddress (64x hex), 65 Counter32, 66 Gauge32, 67 TimeTicks,
// 70 Counter64.
import { readFileSync } from 'node:fs'

export type SnmpValue =
  | { type: 'integer' | 'counter32' | 'gauge32' | 'timeticks', value: number }
  | { type: 'counter64', value: bigint }
  | { type: 'octets', value: Buffer }
  | { type: 'ipaddress', value: Buffer }
  | { type: 'oid', value: number[] }
  | { type: 'null' }

export interface Varbind { oid: number[], value: SnmpValue }

export function parseOid (text: string): number[] {
  const parts = text.replace(/^\./, '').split('.')
  const oid = parts.map(Number)
  if (oid.length < 2 || oid.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`invalid OID "${text}"`)
  return oid
}

export function compareOid (a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

function unescape (text: string): Buffer {
  // snmpsim's "e" flavour: Python-style escapes such as \n, \t, \\ and \xNN.
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\' || i === text.length - 1) { bytes.push(...Buffer.from(c, 'utf8')); continue }
    const next = text[++i]
    if (next === 'x') { bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16)); i += 2 } else if (next === 'n') bytes.push(10)
    else if (next === 'r') bytes.push(13)
    else if (next === 't') bytes.push(9)
    else bytes.push(...Buffer.from(next, 'utf8'))
  }
  return Buffer.from(bytes)
}

function parseValue (tag: string, raw: string, where: string): SnmpValue {
  const hex = tag.endsWith('x')
  const base = tag.replace(/[xe]$/, '')
  const bytes = () => hex ? Buffer.from(raw, 'hex') : tag.endsWith('e') ? unescape(raw) : Buffer.from(raw, 'utf8')
  switch (base) {
    case '2': return { type: 'integer', value: Number.parseInt(raw, 10) }
    case '4': return { type: 'octets', value: bytes() }
    case '5': return { type: 'null' }
    case '6': return { type: 'oid', value: parseOid(raw) }
    case '64': return { type: 'ipaddress', value: hex ? Buffer.from(raw, 'hex') : Buffer.from(raw.split('.').map(Number)) }
    case '65': return { type: 'counter32', value: Number(raw) }
    case '66': return { type: 'gauge32', value: Number(raw) }
    case '67': return { type: 'timeticks', value: Number(raw) }
    case '70': return { type: 'counter64', value: BigInt(raw) }
    default: throw new Error(`${where}: unknown snmprec tag "${tag}"`)
  }
}

/** Parses a recording; returns its varbinds sorted by OID. */
export function parseSnmprec (text: string, name = 'recording'): Varbind[] {
  const out: Varbind[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const a = line.indexOf('|')
    const b = line.indexOf('|', a + 1)
    if (a < 0 || b < 0) throw new Error(`${name}:${i + 1}: expected OID|TAG|VALUE`)
    const where = `${name}:${i + 1}`
    out.push({ oid: parseOid(line.slice(0, a)), value: parseValue(line.slice(a + 1, b), line.slice(b + 1), where) })
  })
  return out.sort((x, y) => compareOid(x.oid, y.oid))
}

export function loadSnmprec (path: string): Varbind[] {
  return parseSnmprec(readFileSync(path, 'utf8'), path)
}
