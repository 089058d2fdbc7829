// IP addresses, prefixes, VLANs, VLAN groups, VRFs, route targets and roles: /api/ipam/...
import { InvalidQueryParamError } from './errors.ts'
import { addressFilter, baseFilters, parseAddress, boolFilter, cidrFilter, intFilter, parseIntParam, refFilter, textFilter, viaFilter } from './filters.ts'
import type { Filter } from './filters.ts'
import { NAME_SLUG_BRIEF, choiceOf, col, common, ref, refs, tagRelation } from './resource.ts'
import type { Field, Resource, Row } from './resource.ts'
import { family } from './choices.ts'

const byName = { name: 't.name', id: 't.id', created: 't.created', last_updated: 't.last_updated' }
const nameDisplay = (row: Row): string => String(row.name)

/** NetBox's generic foreign keys (scope, assigned object): a brief of whatever type is named. */
function genericRef (typeColumn: string, idColumn: string): Field {
  return (row, ctx) => {
    const type = row[typeColumn]
    if (typeof type !== 'string' || ctx.url(type, row[idColumn]) === null) return null
    return ctx.brief(type, row[idColumn])
  }
}

/** ?family=4|6 on an inet/cidr expression. */
function familyFilter (expr: string): Filter {
  return (values, params, name) => {
    const families = values.map((v) => {
      if (v !== '4' && v !== '6') throw new InvalidQueryParamError(name, `"${v}" is not an address family (4 or 6)`)
      return Number(v)
    })
    return `family(${expr}) = any(${params.add(families)}::int[])`
  }
}

function maskLengthFilter (expr: string): Filter {
  return (values, params, name) => `masklen(${expr}) = any(${params.add(values.map((v) => parseIntParam(name, v)))}::int[])`
}


export const ipAddress: Resource = {
  type: 'ipam.ipaddress',
  path: 'ipam/ip-addresses',
  table: 'ip_address',
  // inet's text form drops /32 and /128; NetBox always shows the mask.
  extra: ["host(t.address) || '/' || masklen(t.address) as address_text"],
  display: (row) => String(row.address_text),
  brief: { family: (row) => family(String(row.address_text)), address: col('address_text'), description: col('description') },
  fields: {
    family: (row) => family(String(row.address_text)),
    address: col('address_text'),
    vrf: ref('ipam.vrf', 'vrf_id'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    status: choiceOf('IPAddress.status', 'status'),
    role: choiceOf('IPAddress.role', 'role'),
    assigned_object_type: col('assigned_object_type'),
    assigned_object_id: col('assigned_object_id'),
    assigned_object: ref('dcim.interface', 'interface_id'),
    nat_inside: ref('ipam.ipaddress', 'nat_inside_id'),
    nat_outside: refs('nat_outside', 'ipam.ipaddress'),
    dns_name: col('dns_name'),
    ...common()
  },
  filters: {
    ...baseFilters('ipam.ipaddress', { search: ["host(t.address) || '/' || masklen(t.address)", 't.dns_name', 't.description'], name: false }),
    address: addressFilter('t.address', 't.vrf_id'),
    parent: (values, params, name) => values.map((v) => {
      const [host, bits] = parseAddressOrNet(name, v)
      return `(t.address <<= network(${params.add(bits === undefined ? host : `${host}/${bits}`)}::inet))`
    }).join(' or '),
    family: familyFilter('t.address'),
    mask_length: maskLengthFilter('t.address'),
    dns_name: textFilter('t.dns_name'),
    status: textFilter('t.status'),
    role: textFilter('t.role'),
    vrf: refFilter('t.vrf_id', 'vrf', ['rd', 'name']),
    vrf_id: intFilter('t.vrf_id'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    interface: (values, params) => `t.interface_id in (select id from interface where name = any(${params.add(values)}::text[]))`,
    interface_id: intFilter('t.interface_id'),
    assigned_to_interface: boolFilter('(t.interface_id is not null)'),
    // An address's device is its interface's.
    device: viaFilter('t.interface_id', 'i.id from interface i', refFilter('i.device_id', 'device', ['name'])),
    device_id: viaFilter('t.interface_id', 'i.id from interface i', intFilter('i.device_id')),
    site: viaFilter('t.interface_id', 'i.id from interface i join device d on d.id = i.device_id', refFilter('d.site_id', 'site')),
    site_id: viaFilter('t.interface_id', 'i.id from interface i join device d on d.id = i.device_id', intFilter('d.site_id'))
  },
  ordering: { address: 't.address', id: 't.id', dns_name: 't.dns_name', created: 't.created', last_updated: 't.last_updated' },
  relations: {
    tags: tagRelation('ipam.ipaddress'),
    nat_outside: { sql: 'select nat_inside_id as owner_id, id as target_id from ip_address where nat_inside_id = any($1::bigint[]) order by id' }
  }
}

/** NetBox's `parent` takes a prefix; a bare address would silently mean a /32. */
function parseAddressOrNet (name: string, value: string): [string, number | undefined] {
  const [host, bits] = parseAddress(name, value)
  if (bits === undefined) throw new InvalidQueryParamError(name, `"${value}" is not a prefix (address/length)`)
  return [host, bits]
}

/** A prefix's site, cached in site_id by the reconciler from its scope. */
export const prefix: Resource = {
  type: 'ipam.prefix',
  path: 'ipam/prefixes',
  table: 'prefix',
  extra: [
    't.prefix::text as prefix_text',
    '(select count(*) from prefix c where coalesce(c.vrf_id, 0) = coalesce(t.vrf_id, 0) and c.prefix << t.prefix)::int as children',
    '(select count(*) from prefix p where coalesce(p.vrf_id, 0) = coalesce(t.vrf_id, 0) and p.prefix >> t.prefix)::int as depth'
  ],
  display: (row) => String(row.prefix_text),
  brief: { family: (row) => family(String(row.prefix_text)), prefix: col('prefix_text'), description: col('description'), _depth: col('depth') },
  fields: {
    family: (row) => family(String(row.prefix_text)),
    prefix: col('prefix_text'),
    vrf: ref('ipam.vrf', 'vrf_id'),
    scope_type: col('scope_type'),
    scope_id: col('scope_id'),
    scope: genericRef('scope_type', 'scope_id'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    vlan: ref('ipam.vlan', 'vlan_id'),
    status: choiceOf('Prefix.status', 'status'),
    role: ref('ipam.role', 'role_id'),
    is_pool: col('is_pool'),
    mark_utilized: col('mark_utilized'),
    ...common(),
    children: col('children'),
    _depth: col('depth')
  },
  filters: {
    ...baseFilters('ipam.prefix', { search: ['t.prefix', 't.description'], name: false }),
    prefix: cidrFilter('t.prefix', '='),
    within: cidrFilter('t.prefix', '<<'),
    within_include: cidrFilter('t.prefix', '<<='),
    contains: cidrFilter('t.prefix', '>>='),
    family: familyFilter('t.prefix'),
    mask_length: maskLengthFilter('t.prefix'),
    vrf: refFilter('t.vrf_id', 'vrf', ['rd', 'name']),
    vrf_id: intFilter('t.vrf_id'),
    site: refFilter('t.site_id', 'site'),
    site_id: intFilter('t.site_id'),
    scope_type: textFilter('t.scope_type'),
    scope_id: intFilter('t.scope_id'),
    status: textFilter('t.status'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    vlan_id: intFilter('t.vlan_id'),
    vlan_vid: (values, params, name) => `t.vlan_id in (select id from vlan where vid = any(${params.add(values.map((v) => parseIntParam(name, v)))}::int[]))`,
    role: refFilter('t.role_id', 'ipam_role'),
    role_id: intFilter('t.role_id'),
    is_pool: boolFilter('t.is_pool')
  },
  // NetBox orders prefixes by VRF (global first), then network.
  ordering: { vrf: 'coalesce(t.vrf_id, 0)', prefix: 't.prefix', id: 't.id', created: 't.created', last_updated: 't.last_updated' },
  defaultOrder: 'coalesce(t.vrf_id, 0), t.prefix, t.id',
  relations: { tags: tagRelation('ipam.prefix') }
}

export const vlan: Resource = {
  type: 'ipam.vlan',
  path: 'ipam/vlans',
  table: 'vlan',
  display: (row) => `${String(row.name)} (${String(row.vid)})`,
  brief: { vid: col('vid'), name: col('name'), description: col('description') },
  fields: {
    site: ref('dcim.site', 'site_id'),
    group: ref('ipam.vlangroup', 'group_id'),
    vid: col('vid'),
    name: col('name'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    status: choiceOf('VLAN.status', 'status'),
    role: ref('ipam.role', 'role_id'),
    qinq_role: choiceOf('VLAN.qinq_role', 'qinq_role'),
    qinq_svlan: ref('ipam.vlan', 'qinq_svlan_id'),
    ...common()
  },
  filters: {
    ...baseFilters('ipam.vlan', { search: ['t.name', 't.vid', 't.description'] }),
    vid: intFilter('t.vid'),
    site: refFilter('t.site_id', 'site'),
    site_id: intFilter('t.site_id'),
    group: refFilter('t.group_id', 'vlan_group'),
    group_id: intFilter('t.group_id'),
    status: textFilter('t.status'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    role: refFilter('t.role_id', 'ipam_role'),
    role_id: intFilter('t.role_id'),
    interface_id: (values, params, name) => {
      const ids = params.add(values.map((v) => parseIntParam(name, v)))
      return `(t.id in (select untagged_vlan_id from interface where id = any(${ids}::bigint[])) or t.id in (select vlan_id from interface_tagged_vlan where interface_id = any(${ids}::bigint[])))`
    }
  },
  // NetBox: site, group, vid.
  ordering: { vid: 't.vid', name: 't.name', id: 't.id', site: 't.site_id', group: 't.group_id' },
  defaultOrder: 't.site_id, t.group_id, t.vid, t.id',
  relations: { tags: tagRelation('ipam.vlan') }
}

export const vlanGroup: Resource = {
  type: 'ipam.vlangroup',
  path: 'ipam/vlan-groups',
  table: 'vlan_group',
  extra: [
    "(select coalesce(json_agg(json_build_array(lower(r), upper(r) - 1)), '[]'::json) from unnest(t.vid_ranges) r) as vid_ranges_json",
    '(select count(*) from vlan v where v.group_id = t.id)::int as vlan_count'
  ],
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: {
    name: col('name'),
    slug: col('slug'),
    scope_type: col('scope_type'),
    scope_id: col('scope_id'),
    scope: genericRef('scope_type', 'scope_id'),
    vid_ranges: col('vid_ranges_json'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    ...common(),
    vlan_count: col('vlan_count')
  },
  filters: {
    ...baseFilters('ipam.vlangroup', { search: ['t.name', 't.slug', 't.description'], slug: true }),
    scope_type: textFilter('t.scope_type'),
    scope_id: intFilter('t.scope_id'),
    site: (values, params) => {
      const p = params.add(values)
      return `t.scope_type = 'dcim.site' and t.scope_id in (select id from site where slug = any(${p}::text[]) or name = any(${p}::text[]))`
    },
    site_id: (values, params, name) => `t.scope_type = 'dcim.site' and t.scope_id = any(${params.add(values.map((v) => parseIntParam(name, v)))}::bigint[])`
  },
  ordering: { name: 't.name', id: 't.id', slug: 't.slug' },
  relations: { tags: tagRelation('ipam.vlangroup') }
}

export const vrf: Resource = {
  type: 'ipam.vrf',
  path: 'ipam/vrfs',
  table: 'vrf',
  extra: [
    '(select count(*) from ip_address a where a.vrf_id = t.id)::int as ipaddress_count',
    '(select count(*) from prefix p where p.vrf_id = t.id)::int as prefix_count'
  ],
  display: (row) => row.rd ? `${String(row.name)} (${String(row.rd)})` : String(row.name),
  brief: { name: col('name'), rd: col('rd'), description: col('description') },
  fields: {
    name: col('name'),
    rd: col('rd'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    enforce_unique: col('enforce_unique'),
    import_targets: refs('import_targets', 'ipam.routetarget'),
    export_targets: refs('export_targets', 'ipam.routetarget'),
    ...common(),
    ipaddress_count: col('ipaddress_count'),
    prefix_count: col('prefix_count')
  },
  filters: {
    ...baseFilters('ipam.vrf', { search: ['t.name', 't.rd', 't.description'] }),
    rd: textFilter('t.rd'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    import_target: (values, params) => `t.id in (select it.vrf_id from vrf_import_target it join route_target rt on rt.id = it.route_target_id where rt.name = any(${params.add(values)}::text[]))`,
    export_target: (values, params) => `t.id in (select et.vrf_id from vrf_export_target et join route_target rt on rt.id = et.route_target_id where rt.name = any(${params.add(values)}::text[]))`
  },
  ordering: { name: 't.name', rd: 't.rd', id: 't.id' },
  relations: {
    tags: tagRelation('ipam.vrf'),
    import_targets: { sql: 'select vrf_id as owner_id, route_target_id as target_id from vrf_import_target where vrf_id = any($1::bigint[]) order by route_target_id' },
    export_targets: { sql: 'select vrf_id as owner_id, route_target_id as target_id from vrf_export_target where vrf_id = any($1::bigint[]) order by route_target_id' }
  }
}

export const routeTarget: Resource = {
  type: 'ipam.routetarget',
  path: 'ipam/route-targets',
  table: 'route_target',
  display: nameDisplay,
  brief: { name: col('name'), description: col('description') },
  fields: { name: col('name'), tenant: ref('tenancy.tenant', 'tenant_id'), ...common() },
  filters: {
    ...baseFilters('ipam.routetarget', { search: ['t.name', 't.description'] }),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id')
  },
  ordering: byName,
  relations: { tags: tagRelation('ipam.routetarget') }
}

export const ipamRole: Resource = {
  type: 'ipam.role',
  path: 'ipam/roles',
  table: 'ipam_role',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), weight: col('weight'), ...common() },
  filters: baseFilters('ipam.role', { search: ['t.name', 't.slug', 't.description'], slug: true }),
  ordering: { weight: 't.weight', ...byName },
  defaultOrder: 't.weight, t.name, t.id',
  relations: { tags: tagRelation('ipam.role') }
}

export const IPAM_RESOURCES = [ipAddress, prefix, vlan, vlanGroup, vrf, routeTarget, ipamRole]
