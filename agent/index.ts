// Public surface of the discovery agent.
export { toEntities, DEFAULT_SITE, DEFAULT_ROLE, UNKNOWN } from './mapping/to-entities.ts'
export { mergeDevices, normalizeInterfaceName } from './mapping/merge.ts'
export { VENDORS_BY_PEN, enterpriseNumber } from './mapping/vendors.ts'
export { emptyDevice } from './model.ts'

export type { DeviceDefaults, ToEntitiesOptions, CustomFieldInput } from './mapping/to-entities.ts'
export type {
  DiscoveredDevice, DiscoveredInterface, DiscoveredAddress, DiscoveredVlan, DiscoveredVrf,
  DiscoveredInventoryItem, DiscoveredNeighbor, DiscoverySource, SnmpCredential, SnmpTargetSettings,
  SshCredential, SshTargetSettings, HostKeyPolicy, CollectResult, SnmpAuthProtocol, SnmpPrivProtocol
} from './model.ts'
