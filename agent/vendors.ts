// Manufacturer names by IANA Private Enterprise Number: the 7th arc of a sysObjectID,
// 1.3.6.1.4.1.<PEN>. Only the vendors a network team is likely to meet; a config's `vendors:`
// block overrides or extends it (issue 5). Names are the ones NetBox's device-type library uses,
// so manufacturers match what people already imported. One table for the whole agent: the SNMP
// collector names the manufacturer with it, the mapping falls back to it.

export const DEFAULT_VENDORS: Readonly<Record<number, string>> = Object.freeze({
  2: 'IBM',
  9: 'Cisco',
  11: 'HPE',
  43: '3Com',
  171: 'D-Link',
  311: 'Microsoft',
  318: 'APC',
  674: 'Dell',
  1588: 'Brocade',
  1916: 'Extreme Networks',
  1991: 'Brocade',
  2011: 'Huawei',
  2021: 'Net-SNMP',
  2272: 'Avaya',
  2636: 'Juniper',
  3076: 'Cisco',
  3375: 'F5',
  4413: 'Ubiquiti',
  4526: 'Netgear',
  5624: 'Enterasys',
  5951: 'Citrix',
  6027: 'Dell',
  6141: 'Ciena',
  6486: 'Alcatel-Lucent',
  6527: 'Nokia',
  6876: 'VMware',
  8072: 'Net-SNMP',
  8741: 'SonicWall',
  10002: 'Ubiquiti',
  11863: 'TP-Link',
  12356: 'Fortinet',
  14179: 'Cisco',
  14823: 'Aruba',
  14988: 'MikroTik',
  25053: 'Ruckus',
  25461: 'Palo Alto',
  25506: 'HPE',
  26543: 'IBM',
  29671: 'Cisco Meraki',
  30065: 'Arista',
  30803: 'Vyatta',
  40310: 'Cumulus Networks',
  41112: 'Ubiquiti',
  47196: 'Aruba',
  50536: 'VyOS'
})

const ENTERPRISES = '1.3.6.1.4.1.'

/** The enterprise number of a sysObjectID ("1.3.6.1.4.1.9.1.1208" -> 9), if it has one. */
export function enterpriseNumber (sysObjectId: string | undefined): number | undefined {
  if (sysObjectId === undefined) return undefined
  const oid = sysObjectId.trim().replace(/^\./, '')
  if (!oid.startsWith(ENTERPRISES)) return undefined
  const pen = Number(oid.slice(ENTERPRISES.length).split('.')[0])
  return Number.isInteger(pen) ? pen : undefined
}

/** The manufacturer for a sysObjectID; `overrides` (PEN -> name) win over the shipped table. */
export function vendorFromSysObjectId (sysObjectId: string | undefined, overrides?: Readonly<Record<number, string>>): string | undefined {
  const pen = enterpriseNumber(sysObjectId)
  if (pen === undefined) return undefined
  return overrides?.[pen] ?? DEFAULT_VENDORS[pen]
}
