// Every resource of the read API, by object type and by URL path.
import { ORGANIZATION_RESOURCES } from './resources-organization.ts'
import { DCIM_RESOURCES } from './resources-dcim.ts'
import { IPAM_RESOURCES } from './resources-ipam.ts'
import { CORE_RESOURCES } from './resources-core.ts'
import type { Resource } from './resource.ts'

export const RESOURCES: readonly Resource[] = [...ORGANIZATION_RESOURCES, ...DCIM_RESOURCES, ...IPAM_RESOURCES, ...CORE_RESOURCES]

export const RESOURCES_BY_TYPE: ReadonlyMap<string, Resource> = new Map(RESOURCES.map((r) => [r.type, r]))

export const RESOURCES_BY_PATH: ReadonlyMap<string, Resource> = new Map(
  RESOURCES.filter((r) => r.path !== undefined).map((r) => [r.path!, r])
)
