// Public surface of the discovery agent: configuration, scope expansion, the runtime (scheduler,
// status server, metrics), mapping to diode.v1 entities and the merge of SNMP and SSH results.
// The collectors themselves are agent/snmp and agent/ssh, loaded by the runtime when needed.
export { createAgent, PRODUCER_SUFFIX } from './runtime.ts'
export { createScheduler, systemClock } from './scheduler.ts'
export { createStatusServer } from './status-server.ts'
export { createAgentMetrics } from './metrics.ts'
export { defaultCollectors } from './collectors.ts'
export { RunHistory } from './run-history.ts'
export { formatRunSummary } from './summary.ts'

export { loadAgentConfig, parseAgentConfig, validateAgentConfig, assertSendable } from './config/load.ts'
export { resolveReferences } from './config/references.ts'
export { SSH_PLATFORMS } from './config/platforms.ts'
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_PER_TARGET, DEFAULT_RUN_HISTORY } from './config/types.ts'
export { expandScope, parseScopeTarget, scopeTargetSize, expandScopeTarget, DEFAULT_MAX_SCOPE_ADDRESSES } from './scope.ts'

export { toEntities, DEFAULT_SITE, DEFAULT_ROLE, UNKNOWN } from './mapping/to-entities.ts'
export { mergeDevices, normalizeInterfaceName } from './mapping/merge.ts'
export { toCables, systemKey } from './mapping/to-cables.ts'
export { DEFAULT_VENDORS, enterpriseNumber, vendorFromSysObjectId } from './vendors.ts'
export { emptyDevice } from './model.ts'

export { parseDiscoverUrl, DiscoverUrlError, DISCOVER_URL_FORMS } from './discover-url.ts'
export { AgentConfigError, ConfigReferenceError, ScopeTooLargeError, TargetError, AgentStateError } from './errors.ts'

export type {
  Agent, AgentOptions, AgentStatus, PolicyStatus
} from './runtime.ts'
export type { Clock, Scheduler, SchedulerOptions } from './scheduler.ts'
export type { StatusServer, StatusServerOptions } from './status-server.ts'
export type { AgentMetrics } from './metrics.ts'
export type { Collectors, CollectOptions, SnmpCollector, SshCollector } from './collectors.ts'
export type { PolicyRun, RunSummary, RunStatus, TargetFailure } from './run-history.ts'
export type { ProgressStream } from './progress.ts'
export type { AgentConfig, PolicyConfig, TargetPlan, StatusListen } from './config/types.ts'
export type { LoadOptions } from './config/load.ts'
export type { ReferenceSources, Resolved } from './config/references.ts'
export type { ScopeTarget } from './scope.ts'
export type { DeviceDefaults, ToEntitiesOptions, CustomFieldInput } from './mapping/to-entities.ts'
export type { MappedDevice, ToCablesOptions } from './mapping/to-cables.ts'
export type { DiscoverTarget, DiscoverSecrets } from './discover-url.ts'
export type {
  DiscoveredDevice, DiscoveredInterface, DiscoveredAddress, DiscoveredVlan, DiscoveredVrf,
  DiscoveredInventoryItem, DiscoveredNeighbor, DiscoverySource, SnmpCredential, SnmpTargetSettings,
  SshCredential, SshTargetSettings, HostKeyPolicy, CollectResult, CollectWarning, SnmpAuthProtocol, SnmpPrivProtocol
} from './model.ts'
