// Collects one SSH target: log in with the first credential that works, pick the driver (the
// configured platform or auto-detection), prepare the CLI (setup commands, enable), run the
// driver's commands, parse each output and merge the fragments into one DiscoveredDevice.
// A command that fails is recorded and the rest go on; a connection that drops, a deadline or an
// abort ends the target with an error.
import { silentLogger, type Logger } from '../../config/logger.ts'
import type { CollectResult, CollectWarning, SshCredential, SshTargetSettings } from '../model.ts'
import { detectOnShell, detectionOrder } from './detect.ts'
import type { DeviceFragment, Driver } from './driver.ts'
import { DRIVERS } from './drivers/index.ts'
import { SshArgumentError, SshAuthError, SshError, isCredentialError } from './errors.ts'
import { mergeFragments } from './merge-fragments.ts'
import { connectSsh, type SshSession } from './session.ts'
import type { ShellChannel } from './shell-channel.ts'

export interface CollectSshOptions {
  logger?: Logger
  signal?: AbortSignal
  /** Absolute end of the whole target, ms since epoch; every phase gets at most what is left. */
  deadline?: number
  /** Index into settings.credentials to try first (the one that worked last time). */
  preferredCredential?: number
  /** Drivers by name; default DRIVERS. */
  drivers?: Record<string, Driver>
  /** Order in which drivers are asked during auto-detection; default DEFAULT_DETECT_ORDER. */
  detectOrder?: string[]
}

export interface SshCollectResult extends CollectResult {
  /** The driver used. */
  platform: string
  /** How the driver was chosen: "configured", or the detection evidence ("banner", "prompt", "show version"...). */
  detectedBy: string
  /**
   * Commands that failed after their fallbacks (phase = the command); their part of the device is
   * missing. Failures of the driver's optionalCommands are not listed (logged at debug).
   */
  warnings: CollectWarning[]
}

/** Credential indexes in the order to try: the preferred one first, then the rest in order. */
function credentialOrder (count: number, preferred: number | undefined): number[] {
  const all = Array.from({ length: count }, (_, i) => i)
  if (preferred === undefined || !Number.isInteger(preferred) || preferred < 0 || preferred >= count) return all
  return [preferred, ...all.filter((i) => i !== preferred)]
}

async function login (settings: SshTargetSettings, options: CollectSshOptions, log: Logger): Promise<{ session: SshSession, index: number, credential: SshCredential }> {
  if (!Array.isArray(settings.credentials) || settings.credentials.length === 0) {
    throw new SshArgumentError(`credentials: at least one credential is needed for ${settings.host}`)
  }
  let lastAuth: SshError | undefined
  const users: string[] = []
  for (const index of credentialOrder(settings.credentials.length, options.preferredCredential)) {
    const credential = settings.credentials[index]
    try {
      const session = await connectSsh({
        host: settings.host,
        port: settings.port,
        credential,
        hostKeyPolicy: settings.hostKeyPolicy,
        knownHostsFile: settings.knownHostsFile,
        timeout: settings.timeout,
        commandTimeout: settings.commandTimeout,
        idleTimeout: settings.idleTimeout,
        jumpHost: settings.jumpHost,
        deadline: options.deadline,
        signal: options.signal,
        logger: options.logger
      })
      return { session, index, credential }
    } catch (err) {
      if (!isCredentialError(err)) throw err
      lastAuth = err as SshError
      users.push(credential.username)
      log.debug({ credentialIndex: index, code: lastAuth.code }, 'ssh credential rejected, trying the next')
    }
  }
  throw new SshAuthError(`${lastAuth?.peer ?? settings.host} rejected all ${users.length} credential(s) (users: ${users.join(', ')}): ${lastAuth?.message ?? ''}`, {
    peer: lastAuth?.peer, phase: 'auth', cause: lastAuth
  })
}

/** Runs a shell-driver's setup and enable; returns a ready shell. */
async function prepareShell (session: SshSession, driver: Driver, credential: SshCredential, log: Logger, shell?: ShellChannel): Promise<ShellChannel> {
  const sh = shell ?? await session.openShell({ promptPattern: driver.promptPattern })
  if (shell !== undefined && driver.promptPattern.test(sh.prompt)) sh.usePromptPattern(driver.promptPattern)
  for (const command of driver.setupCommands) {
    try {
      await sh.run(command)
    } catch (err) {
      // Setup only makes output friendlier (paging off, width); the session pages anyway.
      if (!(err instanceof SshError) || err.code !== 'ERR_SSH_COMMAND' || !sh.usable) throw err
      log.debug({ command, code: err.code }, 'ssh setup command rejected')
    }
  }
  if (driver.needsEnable) await sh.enable(credential.enableSecret, credential.username)
  return sh
}

/** True when the failure is about this command only and the next one may still work. */
function isCommandLocal (err: unknown): err is SshError {
  return err instanceof SshError && ['ERR_SSH_COMMAND', 'ERR_SSH_COMMAND_TIMEOUT', 'ERR_SSH_IDLE_TIMEOUT'].includes(err.code)
}

export async function collectSsh (settings: SshTargetSettings, options: CollectSshOptions = {}): Promise<SshCollectResult> {
  const drivers = options.drivers ?? DRIVERS
  const peer = `${settings.host}:${settings.port ?? 22}`
  const log = (options.logger ?? silentLogger).child({ component: 'ssh', target: peer })
  if (settings.platform !== undefined && drivers[settings.platform] === undefined) {
    throw new SshArgumentError(`platform: unknown SSH platform "${settings.platform}" for ${peer} (known: ${Object.keys(drivers).sort().join(', ')})`)
  }
  const started = Date.now()
  const { session, index, credential } = await login(settings, options, log)
  let shell: ShellChannel | undefined
  try {
    let driver: Driver
    let detectedBy = 'configured'
    if (settings.platform !== undefined) {
      driver = drivers[settings.platform]
    } else {
      shell = await session.openShell()
      const found = await detectOnShell(session.banner, shell, { drivers, order: options.detectOrder, peer: session.peer, logger: log })
      driver = drivers[found.platform]
      detectedBy = found.evidence
      log.debug({ platform: driver.name, evidence: found.evidence, order: detectionOrder(drivers, options.detectOrder) }, 'ssh platform detected')
    }
    const exec = driver.transport === 'exec'
    if (exec && shell !== undefined) { shell.close(); shell = undefined }
    if (!exec) shell = await prepareShell(session, driver, credential, log, shell)

    const fragments: DeviceFragment[] = []
    const warnings: CollectWarning[] = []
    for (const command of driver.commands) {
      const tried = new Set<string>()
      let current: string | undefined = command
      let lastErr: SshError | undefined
      while (current !== undefined && !tried.has(current)) {
        tried.add(current)
        try {
          if (!exec && (shell === undefined || !shell.usable)) {
            // A command that timed out left the old CLI mid-output; a fresh shell is cheaper than guessing.
            shell?.close()
            shell = await prepareShell(session, driver, credential, log)
          }
          const output = exec ? (await session.exec(current)).stdout : await shell!.run(current)
          fragments.push(driver.parseCommand(current, output))
          lastErr = undefined
          break
        } catch (err) {
          if (!isCommandLocal(err) || session.closed) throw err
          lastErr = err
          current = driver.fallbacks?.[current]
        }
      }
      if (lastErr !== undefined) {
        // The caller logs the warnings once per target; here they are only collected.
        const optional = driver.optionalCommands?.includes(command) === true
        if (!optional) warnings.push({ phase: command, code: lastErr.code, message: lastErr.message })
        log.debug({ command, optional, code: lastErr.code, err: lastErr.message }, 'ssh command failed')
      }
    }
    const device = mergeFragments(settings.host, fragments)
    if (device.manufacturer === undefined && driver.manufacturer !== '') device.manufacturer = driver.manufacturer
    log.debug({ platform: driver.name, commands: driver.commands.length, failed: warnings.length, ms: Date.now() - started }, 'ssh target collected')
    return { device, credentialIndex: index, platform: driver.name, detectedBy, warnings }
  } finally {
    shell?.close()
    await session.close()
  }
}
