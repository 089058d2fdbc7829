// SNMPv2-MIB system group (RFC 3418): read with one GET, which doubles as the credential probe.
import { asInt, asOid, asText } from '../decode.ts'
import type { Varbind } from '../session.ts'

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0'
} as const

export interface SystemInfo {
  descr?: string
  objectId?: string
  uptimeSeconds?: number
  contact?: string
  name?: string
  location?: string
}

// Contributors and operators hide these; none of them is a real value.
const WITHHELD = /^(?:<private>|<withheld>|private|withheld|unknown|not set|none|-|\(none\))$/i

function real (s: string | undefined): string | undefined {
  return s === undefined || WITHHELD.test(s) ? undefined : s
}

export function parseSystem (varbinds: readonly Varbind[]): SystemInfo {
  const by = new Map(varbinds.map((vb) => [vb.oid.replace(/^\./, ''), vb]))
  const ticks = asInt(by.get(SYSTEM_OIDS.sysUpTime))
  const objectId = asOid(by.get(SYSTEM_OIDS.sysObjectID))
  return {
    descr: real(asText(by.get(SYSTEM_OIDS.sysDescr))),
    objectId: objectId === undefined || objectId === '0.0' ? undefined : objectId,
    uptimeSeconds: ticks === undefined ? undefined : Math.floor(ticks / 100),
    contact: real(asText(by.get(SYSTEM_OIDS.sysContact))),
    name: real(asText(by.get(SYSTEM_OIDS.sysName))),
    location: real(asText(by.get(SYSTEM_OIDS.sysLocation)))
  }
}
