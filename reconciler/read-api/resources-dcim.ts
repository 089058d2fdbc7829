// Device types, roles, devices and their components: /api/dcim/...
import { baseFilters, boolFilter, intFilter, parseIntParam, refFilter, textFilter, textFilterCi, viaFilter } from './filters.ts'
import { NAME_SLUG_BRIEF, choiceOf, col, common, mac, num, ref, refs, tagRelation } from './resource.ts'
import type { Field, RenderContext, Resource, Row } from './resource.ts'

const byName = { name: 't.name', id: 't.id', created: 't.created', last_updated: 't.last_updated' }
const nameDisplay = (row: Row): string => String(row.name)
/** Components (interfaces, inventory items, bays) show their label after the name when set. */
const componentDisplay = (row: Row): string => row.label ? `${String(row.name)} (${String(row.label)})` : String(row.name)


function deviceFilters (): Resource['filters'] {
  return {
    device: refFilter('t.device_id', 'device', ['name']),
    device_id: intFilter('t.device_id'),
    // A component's site is its device's.
    site: viaFilter('t.device_id', 'd.id from device d', refFilter('d.site_id', 'site')),
    site_id: viaFilter('t.device_id', 'd.id from device d', intFilter('d.site_id'))
  }
}

export const manufacturer: Resource = {
  type: 'dcim.manufacturer',
  path: 'dcim/manufacturers',
  table: 'manufacturer',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), ...common({ comments: false }) },
  filters: baseFilters('dcim.manufacturer', { search: ['t.name', 't.slug', 't.description'], slug: true }),
  ordering: byName,
  relations: { tags: tagRelation('dcim.manufacturer') }
}

export const platform: Resource = {
  type: 'dcim.platform',
  path: 'dcim/platforms',
  table: 'platform',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), manufacturer: ref('dcim.manufacturer', 'manufacturer_id'), ...common({ comments: false }) },
  filters: {
    ...baseFilters('dcim.platform', { search: ['t.name', 't.slug', 't.description'], slug: true }),
    manufacturer: refFilter('t.manufacturer_id', 'manufacturer'),
    manufacturer_id: intFilter('t.manufacturer_id')
  },
  ordering: byName,
  relations: { tags: tagRelation('dcim.platform') }
}

export const deviceType: Resource = {
  type: 'dcim.devicetype',
  path: 'dcim/device-types',
  table: 'device_type',
  display: (row) => String(row.model),
  brief: { manufacturer: ref('dcim.manufacturer', 'manufacturer_id'), model: col('model'), slug: col('slug'), description: col('description') },
  fields: {
    manufacturer: ref('dcim.manufacturer', 'manufacturer_id'),
    default_platform: ref('dcim.platform', 'default_platform_id'),
    model: col('model'),
    slug: col('slug'),
    part_number: col('part_number'),
    u_height: num('u_height'),
    exclude_from_utilization: col('exclude_from_utilization'),
    is_full_depth: col('is_full_depth'),
    subdevice_role: choiceOf('DeviceType.subdevice_role', 'subdevice_role'),
    airflow: choiceOf('DeviceType.airflow', 'airflow'),
    weight: num('weight'),
    weight_unit: choiceOf('DeviceType.weight_unit', 'weight_unit'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.devicetype', { search: ['t.model', 't.slug', 't.part_number', 't.description'], name: false, slug: true }),
    model: textFilter('t.model'),
    part_number: textFilter('t.part_number'),
    manufacturer: refFilter('t.manufacturer_id', 'manufacturer'),
    manufacturer_id: intFilter('t.manufacturer_id')
  },
  ordering: { model: 't.model', id: 't.id', manufacturer: 't.manufacturer_id' },
  defaultOrder: 't.manufacturer_id, t.model, t.id',
  relations: { tags: tagRelation('dcim.devicetype') }
}

export const deviceRole: Resource = {
  type: 'dcim.devicerole',
  path: 'dcim/device-roles',
  table: 'device_role',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), color: col('color'), vm_role: col('vm_role'), ...common({ comments: false }) },
  filters: baseFilters('dcim.devicerole', { search: ['t.name', 't.slug', 't.description'], slug: true }),
  ordering: byName,
  relations: { tags: tagRelation('dcim.devicerole') }
}

/** Device.__str__ in NetBox: name (or virtual chassis position), then asset tag, else "manufacturer model (id)". */
async function deviceDisplay (row: Row, ctx: RenderContext): Promise<string> {
  let label: string | undefined = row.name ? String(row.name) : undefined
  if (label === undefined && row.virtual_chassis_id !== null) {
    const vc = await ctx.row('dcim.virtualchassis', row.virtual_chassis_id)
    if (vc !== undefined) label = `${String(vc.name)}:${String(row.vc_position)}`
  }
  if (label !== undefined) return row.asset_tag ? `${label} (${String(row.asset_tag)})` : label
  const type = await ctx.row('dcim.devicetype', row.device_type_id)
  const maker = type === undefined ? undefined : await ctx.row('dcim.manufacturer', type.manufacturer_id)
  return `${String(maker?.name ?? '')} ${String(type?.model ?? '')} (${String(row.asset_tag ?? row.id)})`
}

/** NetBox's primary_ip: IPv6 first unless PREFER_IPV4, which Tributary does not configure. */
const primaryIp: Field = (row, ctx) => ctx.brief('ipam.ipaddress', row.primary_ip6_id ?? row.primary_ip4_id)

export const device: Resource = {
  type: 'dcim.device',
  path: 'dcim/devices',
  table: 'device',
  extra: [
    '(select count(*) from interface i where i.device_id = t.id)::int as interface_count',
    '(select count(*) from inventory_item ii where ii.device_id = t.id)::int as inventory_item_count',
    '(select count(*) from module_bay mb where mb.device_id = t.id)::int as module_bay_count'
  ],
  display: deviceDisplay,
  brief: { name: col('name'), description: col('description') },
  fields: {
    name: col('name'),
    device_type: ref('dcim.devicetype', 'device_type_id'),
    role: ref('dcim.devicerole', 'role_id'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    platform: ref('dcim.platform', 'platform_id'),
    serial: col('serial'),
    asset_tag: col('asset_tag'),
    site: ref('dcim.site', 'site_id'),
    location: ref('dcim.location', 'location_id'),
    rack: () => null,
    position: num('position'),
    face: choiceOf('Device.face', 'face'),
    latitude: num('latitude'),
    longitude: num('longitude'),
    parent_device: () => null,
    status: choiceOf('Device.status', 'status'),
    airflow: choiceOf('Device.airflow', 'airflow'),
    primary_ip: primaryIp,
    primary_ip4: ref('ipam.ipaddress', 'primary_ip4_id'),
    primary_ip6: ref('ipam.ipaddress', 'primary_ip6_id'),
    oob_ip: ref('ipam.ipaddress', 'oob_ip_id'),
    virtual_chassis: ref('dcim.virtualchassis', 'virtual_chassis_id'),
    vc_position: col('vc_position'),
    vc_priority: col('vc_priority'),
    ...common(),
    interface_count: col('interface_count'),
    inventory_item_count: col('inventory_item_count'),
    module_bay_count: col('module_bay_count')
  },
  filters: {
    ...baseFilters('dcim.device', { search: ['t.name', 't.serial', 't.asset_tag', 't.description', 't.comments'] }),
    asset_tag: textFilter('t.asset_tag'),
    serial: textFilter('t.serial'),
    status: textFilter('t.status'),
    site: refFilter('t.site_id', 'site'),
    site_id: intFilter('t.site_id'),
    location: refFilter('t.location_id', 'location'),
    location_id: intFilter('t.location_id'),
    role: refFilter('t.role_id', 'device_role'),
    role_id: intFilter('t.role_id'),
    platform: refFilter('t.platform_id', 'platform'),
    platform_id: intFilter('t.platform_id'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    device_type: refFilter('t.device_type_id', 'device_type', ['slug', 'model']),
    device_type_id: intFilter('t.device_type_id'),
    manufacturer: viaFilter('t.device_type_id', 'dt.id from device_type dt', refFilter('dt.manufacturer_id', 'manufacturer')),
    manufacturer_id: viaFilter('t.device_type_id', 'dt.id from device_type dt', intFilter('dt.manufacturer_id')),
    virtual_chassis_id: intFilter('t.virtual_chassis_id'),
    primary_ip4_id: intFilter('t.primary_ip4_id'),
    primary_ip6_id: intFilter('t.primary_ip6_id'),
    has_primary_ip: boolFilter('(t.primary_ip4_id is not null or t.primary_ip6_id is not null)'),
    mac_address: (values, params) => `exists (select 1 from interface i where i.device_id = t.id and lower(i.mac_address::text) = any(${params.add(values.map((v) => v.toLowerCase()))}::text[]))`
  },
  ordering: { name: 't.name', id: 't.id', serial: 't.serial', created: 't.created', last_updated: 't.last_updated' },
  relations: { tags: tagRelation('dcim.device') }
}

export const virtualChassis: Resource = {
  type: 'dcim.virtualchassis',
  path: 'dcim/virtual-chassis',
  table: 'virtual_chassis',
  extra: ['(select count(*) from device d where d.virtual_chassis_id = t.id)::int as member_count'],
  display: nameDisplay,
  brief: { name: col('name'), master: ref('dcim.device', 'master_id'), description: col('description') },
  fields: {
    name: col('name'),
    domain: col('domain'),
    master: ref('dcim.device', 'master_id'),
    ...common(),
    member_count: col('member_count'),
    members: refs('members', 'dcim.device')
  },
  filters: baseFilters('dcim.virtualchassis', { search: ['t.name', 't.domain', 't.description'] }),
  ordering: byName,
  relations: {
    tags: tagRelation('dcim.virtualchassis'),
    members: { sql: 'select virtual_chassis_id as owner_id, id as target_id from device where virtual_chassis_id = any($1::bigint[]) order by vc_position, id' }
  }
}

export const moduleType: Resource = {
  type: 'dcim.moduletype',
  path: 'dcim/module-types',
  table: 'module_type',
  display: (row) => String(row.model),
  brief: { manufacturer: ref('dcim.manufacturer', 'manufacturer_id'), model: col('model'), description: col('description') },
  fields: {
    manufacturer: ref('dcim.manufacturer', 'manufacturer_id'),
    model: col('model'),
    part_number: col('part_number'),
    airflow: choiceOf('DeviceType.airflow', 'airflow'),
    weight: num('weight'),
    weight_unit: choiceOf('DeviceType.weight_unit', 'weight_unit'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.moduletype', { search: ['t.model', 't.part_number', 't.description'], name: false }),
    model: textFilter('t.model'),
    manufacturer: refFilter('t.manufacturer_id', 'manufacturer'),
    manufacturer_id: intFilter('t.manufacturer_id')
  },
  ordering: { model: 't.model', id: 't.id' },
  relations: { tags: tagRelation('dcim.moduletype') }
}

export const moduleBay: Resource = {
  type: 'dcim.modulebay',
  path: 'dcim/module-bays',
  table: 'module_bay',
  display: componentDisplay,
  brief: { name: col('name'), description: col('description') },
  fields: {
    device: ref('dcim.device', 'device_id'),
    name: col('name'),
    installed_module: async (row, ctx) => ctx.brief('dcim.module', (await ctx.related('installed', row.id))[0]?.target_id),
    label: col('label'),
    position: col('position'),
    enabled: col('enabled'),
    ...common({ comments: false })
  },
  filters: { ...baseFilters('dcim.modulebay', { search: ['t.name', 't.label', 't.description'] }), ...deviceFilters() },
  ordering: { device: 't.device_id', ...byName },
  defaultOrder: 't.device_id, t.name, t.id',
  relations: {
    tags: tagRelation('dcim.modulebay'),
    installed: { sql: 'select module_bay_id as owner_id, id as target_id from module where module_bay_id = any($1::bigint[])' }
  }
}

export const module: Resource = {
  type: 'dcim.module',
  path: 'dcim/modules',
  table: 'module',
  display: async (row, ctx) => {
    const bay = await ctx.row('dcim.modulebay', row.module_bay_id)
    const type = await ctx.row('dcim.moduletype', row.module_type_id)
    return `${String(bay?.name ?? '')}: ${String(type?.model ?? '')} (${String(row.id)})`
  },
  brief: { device: ref('dcim.device', 'device_id'), module_bay: ref('dcim.modulebay', 'module_bay_id'), module_type: ref('dcim.moduletype', 'module_type_id'), description: col('description') },
  fields: {
    device: ref('dcim.device', 'device_id'),
    module_bay: ref('dcim.modulebay', 'module_bay_id'),
    module_type: ref('dcim.moduletype', 'module_type_id'),
    status: choiceOf('Module.status', 'status'),
    serial: col('serial'),
    asset_tag: col('asset_tag'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.module', { search: ['t.serial', 't.asset_tag', 't.description'], name: false }),
    ...deviceFilters(),
    serial: textFilter('t.serial'),
    asset_tag: textFilter('t.asset_tag'),
    status: textFilter('t.status'),
    module_type_id: intFilter('t.module_type_id')
  },
  ordering: { id: 't.id', device: 't.device_id' },
  relations: { tags: tagRelation('dcim.module') }
}

/**
 * Interfaces in natural order, as NetBox lists them (Gi1/0/2 before Gi1/0/10): by the name's
 * letters, then its numbers compared as numbers, then the name. Plain expressions, no function
 * in the schema, so it runs the same on PGlite.
 */
const NATURAL_NAME = "regexp_replace(t.name, '[0-9]+', '', 'g'), string_to_array(nullif(trim(regexp_replace(t.name, '[^0-9]+', ' ', 'g')), ''), ' ')::numeric[], t.name"

/** Interface.cable and its end come from cable_termination, the one place a cable is attached. */
const TERMINATION = "from cable_termination ct where ct.termination_type = 'dcim.interface' and ct.termination_id = t.id"

export const iface: Resource = {
  type: 'dcim.interface',
  path: 'dcim/interfaces',
  table: 'interface',
  extra: [
    `(select ct.cable_id ${TERMINATION}) as cable_id`,
    `(select ct.cable_end ${TERMINATION}) as cable_end`,
    '(select count(*) from ip_address a where a.interface_id = t.id)::int as count_ipaddresses'
  ],
  display: componentDisplay,
  brief: {
    device: ref('dcim.device', 'device_id'),
    name: col('name'),
    description: col('description'),
    cable: ref('dcim.cable', 'cable_id'),
    _occupied: (row) => row.cable_id !== null || row.mark_connected === true
  },
  fields: {
    device: ref('dcim.device', 'device_id'),
    module: ref('dcim.module', 'module_id'),
    name: col('name'),
    label: col('label'),
    type: choiceOf('Interface.type', 'type'),
    enabled: col('enabled'),
    parent: ref('dcim.interface', 'parent_id'),
    bridge: ref('dcim.interface', 'bridge_id'),
    lag: ref('dcim.interface', 'lag_id'),
    mtu: col('mtu'),
    mac_address: mac('mac_address'),
    primary_mac_address: ref('dcim.macaddress', 'primary_mac_address_id'),
    mac_addresses: refs('mac_addresses', 'dcim.macaddress'),
    speed: num('speed'),
    duplex: choiceOf('Interface.duplex', 'duplex'),
    wwn: col('wwn'),
    mgmt_only: col('mgmt_only'),
    description: col('description'),
    mode: choiceOf('Interface.mode', 'mode'),
    rf_role: choiceOf('Interface.rf_role', 'rf_role'),
    rf_channel: (row) => row.rf_channel === null ? null : { value: row.rf_channel, label: row.rf_channel },
    poe_mode: choiceOf('Interface.poe_mode', 'poe_mode'),
    poe_type: choiceOf('Interface.poe_type', 'poe_type'),
    rf_channel_frequency: num('rf_channel_frequency'),
    rf_channel_width: num('rf_channel_width'),
    tx_power: col('tx_power'),
    untagged_vlan: ref('ipam.vlan', 'untagged_vlan_id'),
    tagged_vlans: refs('tagged_vlans', 'ipam.vlan'),
    qinq_svlan: ref('ipam.vlan', 'qinq_svlan_id'),
    mark_connected: col('mark_connected'),
    cable: ref('dcim.cable', 'cable_id'),
    cable_end: (row) => row.cable_end ?? '',
    vrf: ref('ipam.vrf', 'vrf_id'),
    tags: refs('tags', 'extras.tag'),
    custom_fields: col('custom_fields'),
    created: col('created'),
    last_updated: col('last_updated'),
    count_ipaddresses: col('count_ipaddresses'),
    _occupied: (row) => row.cable_id !== null || row.mark_connected === true
  },
  filters: {
    ...baseFilters('dcim.interface', { search: ['t.name', 't.label', 't.description', 't.mac_address'] }),
    ...deviceFilters(),
    type: textFilter('t.type'),
    enabled: boolFilter('t.enabled'),
    mgmt_only: boolFilter('t.mgmt_only'),
    mode: textFilter('t.mode'),
    mac_address: textFilterCi('t.mac_address::text'),
    parent_id: intFilter('t.parent_id'),
    lag_id: intFilter('t.lag_id'),
    vrf_id: intFilter('t.vrf_id'),
    vlan_id: intFilter('t.untagged_vlan_id'),
    cabled: boolFilter(`exists (select 1 ${TERMINATION})`)
  },
  ordering: { device: 't.device_id', name: NATURAL_NAME, id: 't.id' },
  defaultOrder: `t.device_id, ${NATURAL_NAME}, t.id`,
  relations: {
    tags: tagRelation('dcim.interface'),
    tagged_vlans: { sql: 'select interface_id as owner_id, vlan_id as target_id from interface_tagged_vlan tv join vlan v on v.id = tv.vlan_id where tv.interface_id = any($1::bigint[]) order by v.vid, v.id' },
    mac_addresses: { sql: 'select interface_id as owner_id, id as target_id from mac_address where interface_id = any($1::bigint[]) order by id' }
  }
}

export const macAddress: Resource = {
  type: 'dcim.macaddress',
  path: 'dcim/mac-addresses',
  table: 'mac_address',
  display: (row) => String(row.mac_address).toUpperCase(),
  brief: { mac_address: mac('mac_address'), description: col('description') },
  fields: {
    mac_address: mac('mac_address'),
    assigned_object_type: col('assigned_object_type'),
    assigned_object_id: col('assigned_object_id'),
    assigned_object: ref('dcim.interface', 'interface_id'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.macaddress', { search: ['t.mac_address', 't.description'], name: false }),
    mac_address: textFilterCi('t.mac_address::text'),
    interface_id: intFilter('t.interface_id'),
    device: viaFilter('t.interface_id', 'i.id from interface i', refFilter('i.device_id', 'device', ['name'])),
    device_id: viaFilter('t.interface_id', 'i.id from interface i', intFilter('i.device_id'))
  },
  ordering: { mac_address: 't.mac_address', id: 't.id' },
  relations: { tags: tagRelation('dcim.macaddress') }
}

export const inventoryItem: Resource = {
  type: 'dcim.inventoryitem',
  path: 'dcim/inventory-items',
  table: 'inventory_item',
  display: componentDisplay,
  brief: { device: ref('dcim.device', 'device_id'), name: col('name'), description: col('description') },
  fields: {
    device: ref('dcim.device', 'device_id'),
    parent: col('parent_id'),
    name: col('name'),
    label: col('label'),
    status: choiceOf('InventoryItem.status', 'status'),
    role: () => null,
    manufacturer: ref('dcim.manufacturer', 'manufacturer_id'),
    part_id: col('part_id'),
    serial: col('serial'),
    asset_tag: col('asset_tag'),
    discovered: col('discovered'),
    component_type: col('component_type'),
    component_id: col('component_id'),
    ...common({ comments: false })
  },
  filters: {
    ...baseFilters('dcim.inventoryitem', { search: ['t.name', 't.label', 't.serial', 't.part_id', 't.asset_tag', 't.description'] }),
    ...deviceFilters(),
    serial: textFilter('t.serial'),
    part_id: textFilter('t.part_id'),
    asset_tag: textFilter('t.asset_tag'),
    status: textFilter('t.status'),
    discovered: boolFilter('t.discovered'),
    parent_id: intFilter('t.parent_id'),
    manufacturer: refFilter('t.manufacturer_id', 'manufacturer'),
    manufacturer_id: intFilter('t.manufacturer_id')
  },
  ordering: { device: 't.device_id', name: 't.name', id: 't.id' },
  defaultOrder: 't.device_id, t.name, t.id',
  relations: { tags: tagRelation('dcim.inventoryitem') }
}

/** Cables list their ends as NetBox's GenericObject: { object_type, object_id, object }. */
function terminations (end: 'A' | 'B'): Field {
  return async (row, ctx) => {
    const terms = (await ctx.related('terminations', row.id)).filter((r) => r.cable_end === end)
    return Promise.all(terms.map(async (r) => ({
      object_type: r.termination_type,
      object_id: Number(r.termination_id),
      object: r.termination_type === 'dcim.interface' ? await ctx.brief('dcim.interface', r.termination_id) : null
    })))
  }
}

const CABLE_DEVICE = "exists (select 1 from cable_termination ct join interface i on ct.termination_type = 'dcim.interface' and i.id = ct.termination_id where ct.cable_id = t.id and "

export const cable: Resource = {
  type: 'dcim.cable',
  path: 'dcim/cables',
  table: 'cable',
  display: (row) => row.label ? String(row.label) : `#${String(row.id)}`,
  brief: { label: col('label'), description: col('description') },
  fields: {
    type: col('type'),
    a_terminations: terminations('A'),
    b_terminations: terminations('B'),
    status: choiceOf('Cable.status', 'status'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    label: col('label'),
    color: col('color'),
    length: num('length'),
    length_unit: choiceOf('Cable.length_unit', 'length_unit'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.cable', { search: ['t.label', 't.description'], name: false }),
    label: textFilter('t.label'),
    type: textFilter('t.type'),
    status: textFilter('t.status'),
    color: textFilter('t.color'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    device: (values, params) => `${CABLE_DEVICE}i.device_id in (select id from device where name = any(${params.add(values)}::text[])))`,
    device_id: (values, params, name) => `${CABLE_DEVICE}i.device_id = any(${params.add(values.map((v) => parseIntParam(name, v)))}::bigint[]))`,
    site: (values, params) => {
      const p = params.add(values)
      return `${CABLE_DEVICE}i.device_id in (select d.id from device d join site s on s.id = d.site_id where s.slug = any(${p}::text[]) or s.name = any(${p}::text[])))`
    },
    interface_id: (values, params, name) => `${CABLE_DEVICE}i.id = any(${params.add(values.map((v) => parseIntParam(name, v)))}::bigint[]))`
  },
  ordering: { id: 't.id', label: 't.label' },
  relations: {
    tags: tagRelation('dcim.cable'),
    terminations: { sql: 'select cable_id as owner_id, cable_end, termination_type, termination_id from cable_termination where cable_id = any($1::bigint[]) order by cable_end, id' }
  }
}

export const DCIM_RESOURCES = [manufacturer, platform, deviceType, deviceRole, device, virtualChassis, moduleType, moduleBay, module, iface, macAddress, inventoryItem, cable]
