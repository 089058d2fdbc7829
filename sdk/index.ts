// Tributary SDK: send diode.v1 entities to a Diode-compatible ingester (Tributary's or NetBox
// Labs'), or write them as dry-run files.
export { createClient, DEFAULT_INGEST_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_STREAM } from './client.ts'
export { createDryRunClient, loadDryRunFile, sanitizeAppName } from './dry-run.ts'
export { chunkEntities, estimateMessageSize, DEFAULT_MAX_CHUNK_BYTES } from './chunking.ts'
export { parseTarget } from './target.ts'
export { TOKEN_SCOPE, DEFAULT_MAX_AUTH_RETRIES, DEFAULT_REFRESH_MARGIN_MS, jwtExpiry } from './token-client.ts'
export { DEFAULT_BACKOFF_INITIAL_MS, DEFAULT_BACKOFF_MAX_MS } from './backoff.ts'
export { SDK_NAME, SDK_VERSION } from './version.ts'
export { normalizeEntity, normalizeMessage, PRIMARY_FIELD } from './normalize.ts'
export {
  site, manufacturer, platform, deviceType, deviceRole, device, iface, ipAddress, prefix, vlan, vlanGroup, vrf,
  routeTarget, tag, tenant, location, region, macAddress, inventoryItem, module, moduleType, moduleBay,
  virtualChassis, cable, entity, message
} from './builders.ts'
export {
  SdkError, SdkArgumentError, AuthError, IngestError, grpcStatusName,
  ERR_SDK_INVALID_TARGET, ERR_SDK_INVALID_OPTION, ERR_SDK_INVALID_ENTITY, ERR_SDK_CERT_FILE,
  ERR_SDK_AUTH_REJECTED, ERR_SDK_AUTH_UNAVAILABLE, ERR_SDK_INGEST_FAILED, ERR_SDK_ABORTED,
  ERR_SDK_CLOSED, ERR_SDK_DRY_RUN_FILE
} from './errors.ts'
export type {
  IngestOptions, IngestResult, Ingestor, ClientOptions, DryRunClientOptions, ParsedTarget
} from './types.ts'
export type { SdkErrorCode } from './errors.ts'
export type { Fields, DeviceFields, CustomFieldInput, TimestampInput, BuildOptions } from './builders.ts'
export type { Entity, IngestRequest, IngestResponse } from '../proto/index.ts'
