// What the reconciler knows about each object type: the diode.v1 message it comes from, the table
// it lands in, how entity fields map to columns, which fields reference other objects, and the
// ordered matching rules of DESIGN.md. The pipeline (flatten, match, diff, apply) is generic over
// these descriptions, so adding a type is adding a table row here, not new code paths.

/** Column value kinds; each has one SQL type and one normalisation for diffing. */
export type FieldKind =
  | 'text' // not null text, '' allowed
  | 'ntext' // nullable text, '' stored as NULL
  | 'int' | 'bigint' | 'num' | 'bool'
  | 'inet' | 'cidr' | 'mac'
  | 'textarr' // text[] (tag object types)
  | 'ranges' // int4range[] from flat [lo, hi, lo, hi...] pairs (VLAN group vid_ranges)

export interface FieldSpec {
  /** Entity (protobuf) field name. */
  field: string
  column: string
  kind: FieldKind
  /** Key of CHOICES ("Device.status") when the value is a NetBox choice. */
  choice?: string
  /** Value used on create when the entity did not send the field (not-null columns). */
  default?: unknown
  /** Digits after the point for numeric columns; values are rounded so repeats compare equal. */
  scale?: number
  /** Largest absolute value a numeric column holds. */
  max?: number
}

export interface RefSpec {
  /** Entity field holding the nested message. */
  field: string
  /** Model type of the nested message. */
  target: string
  column: string
  /** For generic references (prefix scope): the column naming the target's object type. */
  typeColumn?: string
  /** Written after every object exists (self references and cycles such as primary_ip4). */
  deferred?: boolean
  /** Only matched, never created from this reference (a primary IP names an existing address). */
  lookupOnly?: boolean
}

export interface ManyToManySpec {
  field: string
  target: string
  table: string
  ownerColumn: string
  targetColumn: string
}

/** One key part of a matching rule. `from` is a column of the object or a reference field. */
export interface MatchKey {
  from: string
  /** Expression over the table alias `t` (and any join). */
  expr: string
  /** SQL type the parameter is cast to. */
  cast: 'int8' | 'text' | 'inet' | 'cidr' | 'macaddr'
  /** Expression over the parameter `$` when it must be normalised like `expr`: host($::inet). */
  param?: string
  /** Absent values are folded to this instead of skipping the rule (NULL vrf = global = 0). */
  absentAs?: string | number
  /** When absent, the rule still applies and ignores this part (partial update of the field). */
  optional?: boolean
}

export interface MatcherSpec {
  name: string
  keys: MatchKey[]
  join?: string
  where?: string
  /** Rule applies only when these fields are absent from the object. */
  whenAbsent?: string[]
  /** ORDER BY term picking among several rows, e.g. "t.rd is null desc"; then the lowest id. */
  prefer?: string
  /** When the object names `field`, the rule finds only a row that has none yet (`column` is
   * null), which it then gives the value to; a row holding another value is another object (a
   * VRF of another rd, another tenant's device). Without it, any row, as `prefer` picks. */
  adopts?: { field: string, column: string }
}

/** The two ends of a cable (cable-match.ts): an object named by the objects it connects, not
 * by a matching rule. */
export interface EndsSpec {
  /** Entity fields listing the A and the B end's terminations, each a repeated GenericObject. */
  fields: readonly [string, string]
  /** GenericObject member -> model type of the objects that may terminate here. */
  kinds: Readonly<Record<string, string>>
  /** GenericObject members NetBox can cable that are not reconciled yet (named in the error). */
  notYet: readonly string[]
}

export interface ModelSpec {
  type: string
  message: string
  table: string
  objectType: string
  fields: FieldSpec[]
  refs: RefSpec[]
  m2m: ManyToManySpec[]
  matchers: MatcherSpec[]
  /** Columns (or reference fields) that must be known to create the object. */
  required: string[]
  /** Slug column generated from `from` when the entity sends none. */
  slug?: { from: string }
  /** Columns NetBox requires that a producer may not know, filled from other sent values at
   * create time only (an update never overwrites a stored value with a made-up one). */
  createDefaults?: Record<string, (value: (column: string) => unknown) => unknown>
  /** SQL expression over alias `o` giving NetBox's display string. */
  repr: string
  /** Columns computed from references (prefix.site_id, the scope's site). */
  derived?: string[]
  /** The table's generated columns: they differ between rows created together (batch-apply.ts). */
  generated?: string[]
  /** Nested fields we decode but do not store yet; reported as warnings, never dropped silently. */
  unsupported: string[]
  tags: boolean
  /** False for the few models without custom_fields (tag). */
  customFields?: boolean
  /** Cables: identified by their terminations (`matchers` is empty). */
  ends?: EndsSpec
}

const text = (field: string, column = field): FieldSpec => ({ field, column, kind: 'text', default: '' })
const ntext = (field: string, column = field): FieldSpec => ({ field, column, kind: 'ntext' })
const bool = (field: string, dflt: boolean): FieldSpec => ({ field, column: field, kind: 'bool', default: dflt })
const int = (field: string): FieldSpec => ({ field, column: field, kind: 'int' })
const num = (field: string, scale: number, max: number): FieldSpec => ({ field, column: field, kind: 'num', scale, max })
const choice = (field: string, key: string, dflt?: string): FieldSpec =>
  ({ field, column: field, kind: 'ntext', choice: key, default: dflt })
const ref = (field: string, target: string, column = `${field}_id`, extra: Partial<RefSpec> = {}): RefSpec =>
  ({ field, target, column, ...extra })

const key = (from: string, expr: string, cast: MatchKey['cast'] = 'text', extra: Partial<MatchKey> = {}): MatchKey =>
  ({ from, expr, cast, ...extra })
const byName: MatcherSpec = { name: 'name', keys: [key('name', 't.name')] }
const bySlug: MatcherSpec = { name: 'slug', keys: [key('slug', 't.slug')] }

const describe = [text('description'), text('comments')]
const COMMON_UNSUPPORTED = ['owner']

/** name + slug organisational models (region, site group, tenant group, manufacturer, ...). */
function named (type: string, message: string, table: string, objectType: string, extra: Partial<ModelSpec> = {}): ModelSpec {
  return {
    type,
    message,
    table,
    objectType,
    fields: [text('name'), text('slug'), ...describe, ...(extra.fields ?? [])],
    refs: extra.refs ?? [],
    m2m: [],
    matchers: extra.matchers ?? [byName, bySlug],
    required: ['name', 'slug'],
    slug: { from: 'name' },
    repr: 'o.name',
    unsupported: [...COMMON_UNSUPPORTED, ...(extra.unsupported ?? [])],
    tags: extra.tags ?? true
  }
}

const statusOf = (message: string): FieldSpec => choice('status', `${message}.status`, 'active')

export const MODELS: readonly ModelSpec[] = [
  {
    ...named('tag', 'Tag', 'tag', 'extras.tag'),
    fields: [text('name'), text('slug'), text('description'), { field: 'color', column: 'color', kind: 'text', default: '9e9e9e' },
      { field: 'weight', column: 'weight', kind: 'int', default: 1000 },
      { field: 'object_types', column: 'object_types', kind: 'textarr', choice: 'Tag.object_types', default: [] }],
    tags: false,
    customFields: false
  },
  named('region', 'Region', 'region', 'dcim.region', { refs: [ref('parent', 'region', 'parent_id', { deferred: true })] }),
  named('site_group', 'SiteGroup', 'site_group', 'dcim.sitegroup', { refs: [ref('parent', 'site_group', 'parent_id', { deferred: true })] }),
  named('tenant_group', 'TenantGroup', 'tenant_group', 'tenancy.tenantgroup', { refs: [ref('parent', 'tenant_group', 'parent_id', { deferred: true })] }),
  named('tenant', 'Tenant', 'tenant', 'tenancy.tenant', { refs: [ref('group', 'tenant_group')] }),
  named('site', 'Site', 'site', 'dcim.site', {
    fields: [statusOf('Site'), text('facility'), ntext('time_zone'), text('physical_address'), text('shipping_address'),
      num('latitude', 6, 90), num('longitude', 6, 180)],
    refs: [ref('region', 'region'), ref('group', 'site_group'), ref('tenant', 'tenant')],
    unsupported: ['asns']
  }),
  named('location', 'Location', 'location', 'dcim.location', {
    fields: [statusOf('Location'), text('facility')],
    refs: [ref('site', 'site'), ref('parent', 'location', 'parent_id', { deferred: true }), ref('tenant', 'tenant')],
    matchers: [
      { name: 'site+name', keys: [key('site', 't.site_id', 'int8'), key('name', 't.name')] },
      { name: 'site+slug', keys: [key('site', 't.site_id', 'int8'), key('slug', 't.slug')] }
    ]
  }),
  named('manufacturer', 'Manufacturer', 'manufacturer', 'dcim.manufacturer'),
  named('platform', 'Platform', 'platform', 'dcim.platform', {
    refs: [ref('manufacturer', 'manufacturer'), ref('parent', 'platform', 'parent_id', { deferred: true })],
    matchers: [
      // A platform named without its manufacturer matches the one of any manufacturer (partial
      // update: the unsent manufacturer is left alone), preferring one without. Named with one
      // that no platform of the name has, it adopts the one without: first seen without its
      // vendor (an LLDP neighbour), then with it, is one platform, not two.
      { name: 'manufacturer+name', keys: [key('manufacturer', 'coalesce(t.manufacturer_id, 0)', 'int8', { optional: true }), key('name', 't.name')], prefer: 't.manufacturer_id is null desc' },
      { name: 'manufacturer+slug', keys: [key('manufacturer', 'coalesce(t.manufacturer_id, 0)', 'int8', { optional: true }), key('slug', 't.slug')], prefer: 't.manufacturer_id is null desc' },
      { name: 'name', keys: [key('name', 't.name')], prefer: 't.manufacturer_id is null desc', adopts: { field: 'manufacturer', column: 't.manufacturer_id' } }
    ]
  }),
  {
    type: 'device_type',
    message: 'DeviceType',
    table: 'device_type',
    objectType: 'dcim.devicetype',
    fields: [text('model'), text('slug'), text('part_number'), { ...num('u_height', 1, 999), default: 1 },
      bool('exclude_from_utilization', false), bool('is_full_depth', true), choice('subdevice_role', 'DeviceType.subdevice_role'),
      choice('airflow', 'DeviceType.airflow'), num('weight', 2, 999999), choice('weight_unit', 'DeviceType.weight_unit'), ...describe],
    refs: [ref('manufacturer', 'manufacturer'), ref('default_platform', 'platform')],
    m2m: [],
    matchers: [
      { name: 'manufacturer+model', keys: [key('manufacturer', 't.manufacturer_id', 'int8', { optional: true }), key('model', 't.model')] },
      { name: 'manufacturer+slug', keys: [key('manufacturer', 't.manufacturer_id', 'int8', { optional: true }), key('slug', 't.slug')] }
    ],
    required: ['manufacturer', 'model', 'slug'],
    slug: { from: 'model' },
    repr: 'o.model',
    unsupported: [...COMMON_UNSUPPORTED, 'cooling_method', 'end_of_life'],
    tags: true
  },
  named('device_role', 'DeviceRole', 'device_role', 'dcim.devicerole', {
    fields: [{ field: 'color', column: 'color', kind: 'text', default: '9e9e9e' }, bool('vm_role', true)],
    refs: [ref('parent', 'device_role', 'parent_id', { deferred: true })]
  }),
  {
    type: 'module_type',
    message: 'ModuleType',
    table: 'module_type',
    objectType: 'dcim.moduletype',
    fields: [text('model'), text('part_number'), choice('airflow', 'ModuleType.airflow'), num('weight', 2, 999999),
      choice('weight_unit', 'ModuleType.weight_unit'), ...describe],
    refs: [ref('manufacturer', 'manufacturer')],
    m2m: [],
    matchers: [{ name: 'manufacturer+model', keys: [key('manufacturer', 't.manufacturer_id', 'int8', { optional: true }), key('model', 't.model')] }],
    required: ['manufacturer', 'model'],
    repr: 'o.model',
    unsupported: [...COMMON_UNSUPPORTED, 'profile', 'attributes', 'cooling_method', 'end_of_life', 'module_bay_types'],
    tags: true
  },
  named('role', 'Role', 'ipam_role', 'ipam.role', { fields: [{ field: 'weight', column: 'weight', kind: 'int', default: 1000 }] }),
  {
    type: 'route_target',
    message: 'RouteTarget',
    table: 'route_target',
    objectType: 'ipam.routetarget',
    fields: [text('name'), ...describe],
    refs: [ref('tenant', 'tenant')],
    m2m: [],
    matchers: [byName],
    required: ['name'],
    repr: 'o.name',
    unsupported: COMMON_UNSUPPORTED,
    tags: true
  },
  {
    type: 'vrf',
    message: 'VRF',
    table: 'vrf',
    objectType: 'ipam.vrf',
    fields: [text('name'), ntext('rd'), bool('enforce_unique', true), ...describe],
    refs: [ref('tenant', 'tenant')],
    m2m: [
      { field: 'import_targets', target: 'route_target', table: 'vrf_import_target', ownerColumn: 'vrf_id', targetColumn: 'route_target_id' },
      { field: 'export_targets', target: 'route_target', table: 'vrf_export_target', ownerColumn: 'vrf_id', targetColumn: 'route_target_id' }
    ],
    // rd when given; else (or when that finds nothing) the name: a VRF first seen without rd is
    // adopted rather than duplicated when its rd becomes known. A VRF of that name with another
    // rd is another VRF (one per PE, each with its own rd, is common): adopting it made two PEs'
    // "blue" take turns at its rd on every poll. Without an rd, the one without, else any.
    matchers: [
      { name: 'rd', keys: [key('rd', 't.rd')] },
      { name: 'name', keys: [key('name', 't.name')], prefer: 't.rd is null desc', adopts: { field: 'rd', column: 't.rd' } }
    ],
    required: ['name'],
    repr: 'o.name',
    unsupported: COMMON_UNSUPPORTED,
    tags: true
  },
  {
    ...named('vlan_group', 'VLANGroup', 'vlan_group', 'ipam.vlangroup'),
    fields: [text('name'), text('slug'), ...describe, { field: 'vid_ranges', column: 'vid_ranges', kind: 'ranges', default: '{"[1,4095)"}' }],
    refs: [
      ref('scope_site', 'site', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_location', 'location', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_region', 'region', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_site_group', 'site_group', 'scope_id', { typeColumn: 'scope_type' }),
      ref('tenant', 'tenant')
    ],
    matchers: [
      { name: 'scope+name', keys: [key('scope_type', "coalesce(t.scope_type, '')", 'text', { optional: true }), key('scope_id', 'coalesce(t.scope_id, 0)', 'int8', { optional: true }), key('name', 't.name')], prefer: 't.scope_id is null desc' },
      { name: 'scope+slug', keys: [key('scope_type', "coalesce(t.scope_type, '')", 'text', { optional: true }), key('scope_id', 'coalesce(t.scope_id, 0)', 'int8', { optional: true }), key('slug', 't.slug')], prefer: 't.scope_id is null desc' }
    ],
    unsupported: [...COMMON_UNSUPPORTED, 'scope_cluster', 'scope_cluster_group', 'scope_rack', 'scope_rack_group']
  },
  {
    type: 'vlan',
    message: 'VLAN',
    table: 'vlan',
    objectType: 'ipam.vlan',
    fields: [{ field: 'vid', column: 'vid', kind: 'int' }, text('name'), statusOf('VLAN'), choice('qinq_role', 'VLAN.qinq_role'), ...describe],
    refs: [ref('site', 'site'), ref('group', 'vlan_group'), ref('tenant', 'tenant'), ref('role', 'role'),
      ref('qinq_svlan', 'vlan', 'qinq_svlan_id', { deferred: true })],
    m2m: [],
    matchers: [
      { name: 'group+vid', keys: [key('group', 't.group_id', 'int8'), key('vid', 't.vid', 'int8')] },
      { name: 'site+vid', keys: [key('site', 't.site_id', 'int8'), key('vid', 't.vid', 'int8')], where: 't.group_id is null' },
      { name: 'vid', keys: [key('vid', 't.vid', 'int8')], where: 't.group_id is null and t.site_id is null', whenAbsent: ['site', 'group'] }
    ],
    required: ['vid', 'name'],
    // Devices often report a VLAN id without a name (Linux, many access switches); NetBox needs
    // one, so a new VLAN is named as IOS names its defaults: VLAN0120.
    createDefaults: { name: (value) => typeof value('vid') === 'number' ? `VLAN${String(value('vid')).padStart(4, '0')}` : undefined },
    repr: 'o.name',
    unsupported: COMMON_UNSUPPORTED,
    tags: true
  },
  {
    type: 'virtual_chassis',
    message: 'VirtualChassis',
    table: 'virtual_chassis',
    objectType: 'dcim.virtualchassis',
    fields: [text('name'), text('domain'), ...describe],
    refs: [ref('master', 'device', 'master_id', { deferred: true })],
    m2m: [],
    matchers: [byName],
    required: ['name'],
    repr: 'o.name',
    unsupported: COMMON_UNSUPPORTED,
    tags: true
  },
  {
    type: 'device',
    message: 'Device',
    table: 'device',
    objectType: 'dcim.device',
    fields: [ntext('name'), text('serial'), ntext('asset_tag'), num('position', 1, 999), choice('face', 'Device.face'),
      num('latitude', 6, 90), num('longitude', 6, 180), statusOf('Device'), choice('airflow', 'Device.airflow'),
      int('vc_position'), int('vc_priority'), ...describe],
    refs: [ref('device_type', 'device_type'), ref('role', 'device_role', 'role_id'), ref('tenant', 'tenant'), ref('platform', 'platform'),
      ref('site', 'site'), ref('location', 'location'), ref('virtual_chassis', 'virtual_chassis'),
      ref('primary_ip4', 'ip_address', 'primary_ip4_id', { deferred: true, lookupOnly: true }),
      ref('primary_ip6', 'ip_address', 'primary_ip6_id', { deferred: true, lookupOnly: true }),
      ref('oob_ip', 'ip_address', 'oob_ip_id', { deferred: true, lookupOnly: true })],
    m2m: [],
    matchers: [
      { name: 'asset_tag', keys: [key('asset_tag', 't.asset_tag')] },
      {
        name: 'primary_ip4',
        join: 'join ip_address ip on ip.id = t.primary_ip4_id',
        keys: [key('primary_ip4.vrf', 'coalesce(ip.vrf_id, 0)', 'int8', { absentAs: 0 }), key('primary_ip4.address', 'host(ip.address)', 'text', { param: 'host($::inet)' })]
      },
      {
        name: 'primary_ip6',
        join: 'join ip_address ip on ip.id = t.primary_ip6_id',
        keys: [key('primary_ip6.vrf', 'coalesce(ip.vrf_id, 0)', 'int8', { absentAs: 0 }), key('primary_ip6.address', 'host(ip.address)', 'text', { param: 'host($::inet)' })]
      },
      { name: 'site+name+tenant', keys: [key('site', 't.site_id', 'int8'), key('name', 't.name'), key('tenant', 'coalesce(t.tenant_id, 0)', 'int8')] },
      // Without a tenant in the entity, any tenant's device of that name at that site (the tenant
      // may have been set by hand); with one, a device that has none yet is adopted. Another
      // tenant's device is not: the two would take turns being the device.
      { name: 'site+name', keys: [key('site', 't.site_id', 'int8'), key('name', 't.name')], prefer: 't.tenant_id is null desc', adopts: { field: 'tenant', column: 't.tenant_id' } }
    ],
    required: ['device_type', 'role', 'site'],
    repr: "coalesce(o.name, 'device ' || o.id)",
    unsupported: [...COMMON_UNSUPPORTED, 'rack', 'cluster', 'config', 'cooling_method'],
    tags: true
  },
  {
    type: 'module_bay',
    message: 'ModuleBay',
    table: 'module_bay',
    objectType: 'dcim.modulebay',
    fields: [text('name'), text('label'), text('position'), bool('enabled', true), text('description')],
    refs: [ref('device', 'device'), ref('module', 'module', 'module_id', { deferred: true })],
    m2m: [],
    matchers: [{ name: 'device+name', keys: [key('device', 't.device_id', 'int8'), key('name', 't.name')] }],
    required: ['device', 'name'],
    repr: 'o.name',
    unsupported: [...COMMON_UNSUPPORTED, 'installed_module', 'module_bay_types'],
    tags: true
  },
  {
    type: 'module',
    message: 'Module',
    table: 'module',
    objectType: 'dcim.module',
    fields: [choice('status', 'Module.status', 'active'), text('serial'), ntext('asset_tag'), ...describe],
    refs: [ref('device', 'device'), ref('module_bay', 'module_bay'), ref('module_type', 'module_type')],
    m2m: [],
    matchers: [{ name: 'module_bay', keys: [key('module_bay', 't.module_bay_id', 'int8')] }],
    required: ['device', 'module_bay', 'module_type'],
    repr: "'module ' || o.id",
    unsupported: [...COMMON_UNSUPPORTED, 'replicate_components', 'adopt_components'],
    tags: true
  },
  {
    type: 'interface',
    message: 'Interface',
    table: 'interface',
    objectType: 'dcim.interface',
    fields: [text('name'), text('label'), choice('type', 'Interface.type', 'other'), bool('enabled', true), int('mtu'),
      { field: 'mac_address', column: 'mac_address', kind: 'mac' }, { field: 'speed', column: 'speed', kind: 'bigint' },
      choice('duplex', 'Interface.duplex'), ntext('wwn'), bool('mgmt_only', false), choice('mode', 'Interface.mode'),
      choice('rf_role', 'Interface.rf_role'), choice('rf_channel', 'Interface.rf_channel'),
      num('rf_channel_frequency', 2, 99999), num('rf_channel_width', 3, 9999), int('tx_power'),
      choice('poe_mode', 'Interface.poe_mode'), choice('poe_type', 'Interface.poe_type'), bool('mark_connected', false),
      text('description')],
    refs: [ref('device', 'device'), ref('module', 'module'),
      ref('parent', 'interface', 'parent_id', { deferred: true }), ref('bridge', 'interface', 'bridge_id', { deferred: true }),
      ref('lag', 'interface', 'lag_id', { deferred: true }),
      ref('untagged_vlan', 'vlan'), ref('qinq_svlan', 'vlan'), ref('vrf', 'vrf'),
      ref('primary_mac_address', 'mac_address', 'primary_mac_address_id', { deferred: true })],
    m2m: [{ field: 'tagged_vlans', target: 'vlan', table: 'interface_tagged_vlan', ownerColumn: 'interface_id', targetColumn: 'vlan_id' }],
    matchers: [{ name: 'device+name', keys: [key('device', 't.device_id', 'int8'), key('name', 't.name')] }],
    required: ['device', 'name'],
    repr: 'o.name',
    unsupported: [...COMMON_UNSUPPORTED, 'vdcs', 'wireless_lans', 'vlan_translation_policy', 'channels', 'channel_id'],
    tags: true
  },
  {
    type: 'mac_address',
    message: 'MACAddress',
    table: 'mac_address',
    objectType: 'dcim.macaddress',
    fields: [{ field: 'mac_address', column: 'mac_address', kind: 'mac' }, ...describe],
    refs: [ref('assigned_object_interface', 'interface', 'interface_id')],
    m2m: [],
    matchers: [
      { name: 'mac+interface', keys: [key('mac_address', 't.mac_address', 'macaddr'), key('assigned_object_interface', 'coalesce(t.interface_id, 0)', 'int8', { optional: true })], prefer: 't.interface_id is null desc' },
      // Seen first unassigned (an ARP or FDB entry), then on an interface: that MAC, assigned. One
      // already on another interface is another MAC object (subinterfaces share MACs).
      { name: 'mac', keys: [key('mac_address', 't.mac_address', 'macaddr')], prefer: 't.interface_id is null desc', adopts: { field: 'assigned_object_interface', column: 't.interface_id' } }
    ],
    required: ['mac_address'],
    repr: 'o.mac_address::text',
    generated: ['assigned_object_type', 'assigned_object_id'],
    unsupported: [...COMMON_UNSUPPORTED, 'assigned_object_vm_interface'],
    tags: true
  },
  {
    type: 'ip_address',
    message: 'IPAddress',
    table: 'ip_address',
    objectType: 'ipam.ipaddress',
    fields: [{ field: 'address', column: 'address', kind: 'inet' }, statusOf('IPAddress'), choice('role', 'IPAddress.role'),
      text('dns_name'), ...describe],
    refs: [ref('vrf', 'vrf'), ref('tenant', 'tenant'), ref('assigned_object_interface', 'interface', 'interface_id'),
      ref('nat_inside', 'ip_address', 'nat_inside_id', { deferred: true })],
    m2m: [],
    // An address within its VRF (no VRF = global), compared as an address: the mask is an attribute.
    matchers: [{ name: 'vrf+address', keys: [key('vrf', 'coalesce(t.vrf_id, 0)', 'int8', { absentAs: 0 }), key('address', 'host(t.address)', 'text', { param: 'host($::inet)' })] }],
    required: ['address'],
    repr: 'o.address::text',
    generated: ['assigned_object_type', 'assigned_object_id'],
    unsupported: [...COMMON_UNSUPPORTED, 'assigned_object_fhrp_group', 'assigned_object_vm_interface'],
    tags: true
  },
  {
    type: 'prefix',
    message: 'Prefix',
    table: 'prefix',
    objectType: 'ipam.prefix',
    fields: [{ field: 'prefix', column: 'prefix', kind: 'cidr' }, statusOf('Prefix'), bool('is_pool', false), bool('mark_utilized', false), ...describe],
    refs: [ref('vrf', 'vrf'),
      ref('scope_site', 'site', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_location', 'location', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_region', 'region', 'scope_id', { typeColumn: 'scope_type' }),
      ref('scope_site_group', 'site_group', 'scope_id', { typeColumn: 'scope_type' }),
      ref('tenant', 'tenant'), ref('vlan', 'vlan'), ref('role', 'role')],
    m2m: [],
    derived: ['site_id'],
    matchers: [{ name: 'vrf+prefix', keys: [key('vrf', 'coalesce(t.vrf_id, 0)', 'int8', { absentAs: 0 }), key('prefix', 't.prefix', 'cidr')] }],
    required: ['prefix'],
    repr: 'o.prefix::text',
    unsupported: COMMON_UNSUPPORTED,
    tags: true
  },
  {
    type: 'inventory_item',
    message: 'InventoryItem',
    table: 'inventory_item',
    objectType: 'dcim.inventoryitem',
    fields: [text('name'), text('label'), choice('status', 'InventoryItem.status', 'active'), text('part_id'), text('serial'),
      ntext('asset_tag'), bool('discovered', false), text('description')],
    refs: [ref('device', 'device'), ref('parent', 'inventory_item', 'parent_id', { deferred: true }), ref('manufacturer', 'manufacturer'),
      ref('component_interface', 'interface', 'component_id', { typeColumn: 'component_type' })],
    m2m: [],
    matchers: [{ name: 'device+name', keys: [key('device', 't.device_id', 'int8'), key('name', 't.name')] }],
    required: ['device', 'name'],
    repr: 'o.name',
    unsupported: [...COMMON_UNSUPPORTED, 'role', 'component_console_port', 'component_console_server_port', 'component_front_port',
      'component_power_outlet', 'component_power_port', 'component_rear_port', 'component_cooling_intake', 'component_cooling_outflow'],
    tags: true
  },
  {
    // Last: a cable names the objects at its ends, and nothing names a cable.
    type: 'cable',
    message: 'Cable',
    table: 'cable',
    objectType: 'dcim.cable',
    fields: [choice('type', 'Cable.type'), choice('status', 'Cable.status', 'connected'), text('label'), text('color'),
      num('length', 2, 99999999), choice('length_unit', 'Cable.length_unit'), ...describe],
    refs: [ref('tenant', 'tenant')],
    m2m: [],
    matchers: [],
    ends: {
      fields: ['a_terminations', 'b_terminations'],
      kinds: { object_interface: 'interface' },
      notYet: ['object_front_port', 'object_rear_port', 'object_console_port', 'object_console_server_port',
        'object_power_port', 'object_power_outlet', 'object_power_feed', 'object_circuit_termination']
    },
    required: [],
    repr: "coalesce(nullif(o.label, ''), '#' || o.id)",
    unsupported: [...COMMON_UNSUPPORTED, 'profile', 'bundle'],
    tags: true
  }
]

export const MODEL_BY_TYPE: ReadonlyMap<string, ModelSpec> = new Map(MODELS.map((m) => [m.type, m]))
export const MODEL_BY_MESSAGE: ReadonlyMap<string, ModelSpec> = new Map(MODELS.map((m) => [m.message, m]))

/** Position of each type in dependency order: a type only references types before it (deferred
 * references excepted). */
export const TYPE_ORDER: ReadonlyMap<string, number> = new Map(MODELS.map((m, i) => [m.type, i]))

/** Entity oneof members the reconciler applies. */
export const RECONCILED_TYPES: ReadonlySet<string> = new Set(MODELS.map((m) => m.type))
