// Public surface of the SSH collector: collect a target, merge parsed fragments, detect a
// platform, the drivers, the session layer for callers that run their own commands, the device
// simulator for tests and the lab, and the errors callers match on by `code`.
export { collectSsh } from './collect.ts'
export { mergeFragments } from './merge-fragments.ts'
export { detectPlatform, detectionOrder, DEFAULT_DETECT_ORDER, PROBE_COMMANDS } from './detect.ts'
export { DRIVERS } from './drivers/index.ts'
export { connectSsh, SshSession, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS } from './session.ts'
export { ShellChannel } from './shell-channel.ts'
export { startSshSimulator } from './simulator.ts'
export { loadSimulatedDevice, loadSimulatedDevices } from './simulated-devices.ts'
export { knownHostName, parseKnownHosts, checkHostKey, fingerprint } from './known-hosts.ts'
export {
  SshError, SshArgumentError, SshConnectError, SshAuthError, SshKeyError, SshHostKeyError, SshCommandTimeoutError,
  SshIdleTimeoutError, SshDeadlineError, SshDisconnectedError, SshEnableError, SshPromptError, SshCommandError,
  SshDetectError, SshAbortedError, isCredentialError
} from './errors.ts'

export type { CollectSshOptions, SshCollectResult } from './collect.ts'
export type { Detection, DetectOptions } from './detect.ts'
export type { Driver, DeviceFragment } from './driver.ts'
export type { SshConnectOptions, ExecOptions, ExecResult } from './session.ts'
export type { ShellChannelOptions, RunOptions } from './shell-channel.ts'
export type { SimulatedDevice, RunningSimulatedDevice, SshSimulator } from './simulator.ts'
export type { KnownHostEntry, HostKeyStatus } from './known-hosts.ts'
export type { SshPhase, SshErrorDetails } from './errors.ts'
