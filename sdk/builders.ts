// Entity builders with the official SDKs' shorthand. Each returns an Entity ready for ingest():
//   device({ name: 'r1', site: 'dc1', role: 'core', device_type: 'C9300', manufacturer: 'Cisco',
//            tags: ['discovered'] })
// A string where a message is expected sets its identifying field (`model` for DeviceType and
// ModuleType, `address` for IPAddress, `prefix` for Prefix, `mac_address` for MACAddress, `name`
// otherwise); an array of strings becomes tags; a missing timestamp is now. Mistakes throw
// SdkArgumentError (ERR_SDK_INVALID_ENTITY) naming the field, e.g. "Device.site: expected string
// or Site object, got number".
import type {
  Entity, Device, Site, Manufacturer, Platform, DeviceType, DeviceRole, Interface, IPAddress, Prefix,
  VLAN, VRF, Tag, Tenant, Location, Region, MACAddress, InventoryItem, Module, VirtualChassis, Cable,
  ModuleType, ModuleBay, VLANGroup, RouteTarget, Struct
} from '../proto/index.ts'
import { buildEntity, normalizeMessage, isPlainObject } from './normalize.ts'

type Scalar = string | number | boolean | bigint

/** Builder input for a diode.v1 message type: every field optional, nested messages may be given
 * as their identifying string, metadata as a plain object, times as Date or RFC 3339 string. */
export type Fields<T> = {
  [K in keyof T]?: K extends 'metadata' ? Record<string, unknown> | Struct
    : K extends 'custom_fields' ? Record<string, CustomFieldInput>
      : FieldInput<NonNullable<T[K]>>
}
type FieldInput<V> = V extends Scalar ? V
  : V extends Array<infer E> ? Array<FieldInput<E>>
    : V extends object ? string | Date | Fields<V>
      : V

/** A custom field value: a bare string/number/boolean/Date/string[] or a CustomFieldValue object. */
export type CustomFieldInput = string | number | boolean | bigint | Date | string[] | Record<string, unknown>

/** When the entity was observed; defaults to now. */
export type TimestampInput = Date | string | { seconds: number, nanos?: number }

export interface BuildOptions {
  timestamp?: TimestampInput
}

/** Device input: Device fields plus the `manufacturer` shortcut, which fills
 * device_type.manufacturer and platform.manufacturer where those are given without one. */
export type DeviceFields = Fields<Device> & { manufacturer?: string | Fields<Manufacturer> }

function build<T> (member: string) {
  return (fields: string | Fields<T>, options: BuildOptions = {}): Entity => buildEntity(member, fields, options.timestamp)
}

export const site = build<Site>('site')
export const manufacturer = build<Manufacturer>('manufacturer')
export const platform = build<Platform>('platform')
export const deviceType = build<DeviceType>('device_type')
export const deviceRole = build<DeviceRole>('device_role')
/** `interface` is reserved in strict-mode JavaScript, hence `iface`. */
export const iface = build<Interface>('interface')
export const ipAddress = build<IPAddress>('ip_address')
export const prefix = build<Prefix>('prefix')
export const vlan = build<VLAN>('vlan')
export const vlanGroup = build<VLANGroup>('vlan_group')
export const vrf = build<VRF>('vrf')
export const routeTarget = build<RouteTarget>('route_target')
export const tag = build<Tag>('tag')
export const tenant = build<Tenant>('tenant')
export const location = build<Location>('location')
export const region = build<Region>('region')
export const macAddress = build<MACAddress>('mac_address')
export const inventoryItem = build<InventoryItem>('inventory_item')
export const module = build<Module>('module')
export const moduleType = build<ModuleType>('module_type')
export const moduleBay = build<ModuleBay>('module_bay')
export const virtualChassis = build<VirtualChassis>('virtual_chassis')
export const cable = build<Cable>('cable')

/** Builds a Device entity; see DeviceFields for the `manufacturer` shortcut. */
export function device (fields: string | DeviceFields, options: BuildOptions = {}): Entity {
  if (typeof fields === 'string' || !isPlainObject(fields) || !('manufacturer' in fields)) return buildEntity('device', fields, options.timestamp)
  const { manufacturer: mfr, ...rest } = fields as DeviceFields & Record<string, unknown>
  if (mfr !== undefined && mfr !== null) {
    const m = normalizeMessage('Manufacturer', mfr, 'Device.manufacturer', { checkChoices: true })
    for (const key of ['device_type', 'platform'] as const) {
      const value = rest[key]
      if (value === undefined || value === null) continue
      const nested = normalizeMessage(key === 'device_type' ? 'DeviceType' : 'Platform', value, `Device.${key}`, { checkChoices: true })
      if (nested.manufacturer === undefined) nested.manufacturer = m
      ;(rest as Record<string, unknown>)[key] = nested
    }
  }
  return buildEntity('device', rest, options.timestamp)
}

/** Builds an Entity for any diode.v1 member by its snake_case name, e.g.
 * entity('virtual_machine', { name: 'vm1', cluster: 'c1' }). */
export function entity (member: string, fields: string | Record<string, unknown>, options: BuildOptions = {}): Entity {
  return buildEntity(member, fields, options.timestamp)
}

/** Builds a nested diode.v1 message (not an Entity) with the same shorthand, e.g.
 * message('IPAddress', '192.0.2.1/24') for Device.primary_ip4. */
export function message<T = Record<string, unknown>> (typeName: string, fields: string | Record<string, unknown>): T {
  return normalizeMessage(typeName, fields, typeName, { checkChoices: true }) as T
}
