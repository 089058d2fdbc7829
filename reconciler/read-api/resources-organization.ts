// Regions, site groups, sites, locations, tenants and tags: /api/dcim/..., /api/tenancy/...,
// /api/extras/tags/.
import { baseFilters, intFilter, refFilter, textFilter } from './filters.ts'
import { NAME_SLUG_BRIEF, choiceOf, col, common, num, ref, tagRelation } from './resource.ts'
import type { Resource } from './resource.ts'

const byName = { name: 't.name', id: 't.id', slug: 't.slug', created: 't.created', last_updated: 't.last_updated' }
const nameDisplay = (row: Record<string, unknown>): string => String(row.name)

export const region: Resource = {
  type: 'dcim.region',
  path: 'dcim/regions',
  table: 'region',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), parent: ref('dcim.region', 'parent_id'), ...common({ comments: false }) },
  filters: {
    ...baseFilters('dcim.region', { search: ['t.name', 't.slug', 't.description'], slug: true }),
    parent: refFilter('t.parent_id', 'region'),
    parent_id: intFilter('t.parent_id')
  },
  ordering: byName,
  relations: { tags: tagRelation('dcim.region') }
}

export const siteGroup: Resource = {
  type: 'dcim.sitegroup',
  path: 'dcim/site-groups',
  table: 'site_group',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), parent: ref('dcim.sitegroup', 'parent_id'), ...common({ comments: false }) },
  filters: {
    ...baseFilters('dcim.sitegroup', { search: ['t.name', 't.slug', 't.description'], slug: true }),
    parent_id: intFilter('t.parent_id')
  },
  ordering: byName,
  relations: { tags: tagRelation('dcim.sitegroup') }
}

export const site: Resource = {
  type: 'dcim.site',
  path: 'dcim/sites',
  table: 'site',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: {
    name: col('name'),
    slug: col('slug'),
    status: choiceOf('Site.status', 'status'),
    region: ref('dcim.region', 'region_id'),
    group: ref('dcim.sitegroup', 'group_id'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    facility: col('facility'),
    time_zone: col('time_zone'),
    physical_address: col('physical_address'),
    shipping_address: col('shipping_address'),
    latitude: num('latitude'),
    longitude: num('longitude'),
    ...common()
  },
  filters: {
    ...baseFilters('dcim.site', { search: ['t.name', 't.slug', 't.facility', 't.description', 't.physical_address', 't.comments'], slug: true }),
    status: textFilter('t.status'),
    region: refFilter('t.region_id', 'region'),
    region_id: intFilter('t.region_id'),
    group: refFilter('t.group_id', 'site_group'),
    group_id: intFilter('t.group_id'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id'),
    facility: textFilter('t.facility')
  },
  ordering: byName,
  relations: { tags: tagRelation('dcim.site') }
}

export const location: Resource = {
  type: 'dcim.location',
  path: 'dcim/locations',
  table: 'location',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: {
    name: col('name'),
    slug: col('slug'),
    site: ref('dcim.site', 'site_id'),
    parent: ref('dcim.location', 'parent_id'),
    status: choiceOf('Location.status', 'status'),
    tenant: ref('tenancy.tenant', 'tenant_id'),
    facility: col('facility'),
    ...common({ comments: false })
  },
  filters: {
    ...baseFilters('dcim.location', { search: ['t.name', 't.slug', 't.facility', 't.description'], slug: true }),
    site: refFilter('t.site_id', 'site'),
    site_id: intFilter('t.site_id'),
    parent_id: intFilter('t.parent_id'),
    status: textFilter('t.status'),
    tenant: refFilter('t.tenant_id', 'tenant'),
    tenant_id: intFilter('t.tenant_id')
  },
  ordering: { site: 't.site_id', ...byName },
  defaultOrder: 't.site_id, t.name, t.id',
  relations: { tags: tagRelation('dcim.location') }
}

export const tenantGroup: Resource = {
  type: 'tenancy.tenantgroup',
  path: 'tenancy/tenant-groups',
  table: 'tenant_group',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), parent: ref('tenancy.tenantgroup', 'parent_id'), ...common() },
  filters: baseFilters('tenancy.tenantgroup', { search: ['t.name', 't.slug', 't.description'], slug: true }),
  ordering: byName,
  relations: { tags: tagRelation('tenancy.tenantgroup') }
}

export const tenant: Resource = {
  type: 'tenancy.tenant',
  path: 'tenancy/tenants',
  table: 'tenant',
  display: nameDisplay,
  brief: NAME_SLUG_BRIEF,
  fields: { name: col('name'), slug: col('slug'), group: ref('tenancy.tenantgroup', 'group_id'), ...common() },
  filters: {
    ...baseFilters('tenancy.tenant', { search: ['t.name', 't.slug', 't.description', 't.comments'], slug: true }),
    group: refFilter('t.group_id', 'tenant_group'),
    group_id: intFilter('t.group_id')
  },
  ordering: byName,
  relations: { tags: tagRelation('tenancy.tenant') }
}

export const tag: Resource = {
  type: 'extras.tag',
  path: 'extras/tags',
  table: 'tag',
  extra: ['(select count(*) from tagged_item ti where ti.tag_id = t.id)::int as tagged_items'],
  display: nameDisplay,
  brief: { name: col('name'), slug: col('slug'), color: col('color') },
  fields: {
    name: col('name'),
    slug: col('slug'),
    color: col('color'),
    description: col('description'),
    object_types: col('object_types'),
    tagged_items: col('tagged_items'),
    created: col('created'),
    last_updated: col('last_updated')
  },
  filters: {
    ...baseFilters('extras.tag', { search: ['t.name', 't.slug', 't.description'], slug: true, tags: false }),
    color: textFilter('t.color')
  },
  // Tags are ordered by weight, then name, as NetBox does.
  ordering: { weight: 't.weight', ...byName },
  defaultOrder: 't.weight, t.name, t.id'
}

export const ORGANIZATION_RESOURCES = [region, siteGroup, site, location, tenantGroup, tenant, tag]
