// Public surface of the SNMP collector: collect one device, the errors it throws, the vendor table,
// the pure parsers other collectors and tests reuse, and the snmpsimd launcher for labs and tests.
export { collectSnmp, snmpWalkPlan, DEFAULT_MAX_REPETITIONS, DEFAULT_PORT, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS } from './collect.ts'
export {
  SnmpAbortError, SnmpAgentError, SnmpAuthError, SnmpDeadlineError, SnmpError, SnmpInvalidResponseError,
  SnmpSettingsError, SnmpSocketError, SnmpTimeoutError
} from './errors.ts'
export { DEFAULT_VENDORS, enterpriseNumber, vendorFromSysObjectId } from '../vendors.ts'
export { parseSysDescr } from './sysdescr.ts'
export { interfaceType } from './interface-type.ts'
export { startSnmpSimulator, freeUdpPort, DEFAULT_SIMULATOR_START_TIMEOUT_MS } from './simulator.ts'
export type { CollectSnmpOptions } from './collect.ts'
export type { SnmpErrorCode } from './errors.ts'
export type { OsInfo } from './sysdescr.ts'
export type { SnmpSimulator, SnmpSimulatorOptions } from './simulator.ts'
