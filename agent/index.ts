// Public surface of the discovery agent.
export { toEntities, DEFAULT_SITE, DEFAULT_ROLE, UNKNOWN } from './mapping/to-entities.ts'
export { mergeDevices, normalizeInterfaceName } from './mapping/merge.ts'
export { VENDORS_BY_PEN, enterpriseNumber } from './mapping/vendors.ts'
export { emptyDevice } from './model.ts'

export type { DeviceDefaults, ToEntitiesOptions, CustomFieldInput } from './mapping/to-entities.ts'
export type {
  DiscoveredDevice, DiscoveredInterface, DiscoveredAddress, DiscoveredVlan, DiscoveredVrf,
  DiscoveredInventoryItem, DiscoveredNeighbor, DiscoverySource, SnmpCredential, SnmpTargetSettings,
  SshCredential, SshTargetSettings, HostKeyPolicy, CollectResult, CollectWarning, SnmpAuthProtocol, SnmpPrivProtocol
} from './model.ts'

export { loadAgentConfig, parseAgentConfig, validateAgentConfig, assertSendable } from './config/load.ts'
export { resolveReferences } from './config/references.ts'
export { SSH_PLATFORMS } from './config/policy.ts'
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_PER_TARGET, DEFAULT_RUN_HISTORY } from './config/types.ts'
export { expandScope, parseScopeTarget, scopeTargetSize, expandScopeTarget, DEFAULT_MAX_SCOPE_ADDRESSES } from './scope.ts'
export { AgentConfigError, ConfigReferenceError, ScopeTooLargeError, TargetError, AgentStateError } from './errors.ts'
export type { AgentConfig, PolicyConfig, TargetPlan, StatusListen } from './config/types.ts'
export type { LoadOptions } from './config/load.ts'
export type { ReferenceSources, Resolved } from './config/references.ts'
export type { ScopeTarget } from './scope.ts'
