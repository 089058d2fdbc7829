// Manufacturer names by IANA Private Enterprise Number (the 7th arc of a sysObjectID,
// 1.3.6.1.4.1.<PEN>...). Only the vendors a network team is likely to meet; a config's
// `vendors:` block overrides or extends it (issue 5: "a table of the common vendors shipped with
// the project and overridable in config"). Names are the ones NetBox's device-type library uses,
// so manufacturers match what people already imported.
export const VENDORS_BY_PEN: Readonly<Record<string, string>> = Object.freeze({
  2: 'IBM',
  9: 'Cisco',
  11: 'HPE',
  43: '3Com',
  171: 'D-Link',
  311: 'Microsoft',
  318: 'APC',
  674: 'Dell',
  1916: 'Extreme Networks',
  1991: 'Brocade',
  2011: 'Huawei',
  2636: 'Juniper',
  3076: 'Cisco',
  4526: 'Netgear',
  5951: 'Citrix',
  6027: 'Dell',
  6486: 'Nokia',
  6527: 'Nokia',
  6876: 'VMware',
  8072: 'Net-SNMP',
  9303: 'Avocent',
  10002: 'Ubiquiti',
  11863: 'TP-Link',
  12356: 'Fortinet',
  14179: 'Cisco',
  14823: 'Aruba',
  14988: 'MikroTik',
  25461: 'Palo Alto Networks',
  25506: 'HPE',
  26543: 'IBM',
  29671: 'Cisco Meraki',
  30065: 'Arista',
  41112: 'Ubiquiti',
  47196: 'HPE Aruba'
} satisfies Record<number, string>)

/** The enterprise number of a sysObjectID ("1.3.6.1.4.1.9.1.1208" -> "9"), if it has one. */
export function enterpriseNumber (sysObjectId: string | undefined): string | undefined {
  if (sysObjectId === undefined) return undefined
  const m = /^\.?1\.3\.6\.1\.4\.1\.(\d+)(?:\.|$)/.exec(sysObjectId.trim())
  return m?.[1]
}
