// Which driver fits a device that a scope names without a platform. Evidence is read in order of
// cost: the SSH banner, then the MOTD and prompt a shell shows, then the answers to read-only
// version commands. Drivers are asked in a configured order, specific before general (IOS-XR
// and NX-OS version texts mention "Cisco IOS"), so the first that says yes wins. Nothing sent
// here changes device state: only show/uname commands, never configuration.
import type { Logger } from '../../config/logger.ts'
import type { Driver } from './driver.ts'
import { DRIVERS } from './drivers/index.ts'
import { SshDetectError, SshError } from './errors.ts'
import type { ShellChannel } from './shell-channel.ts'

/** Default order in which drivers are asked; drivers not listed are asked after these, by name. */
export const DEFAULT_DETECT_ORDER: readonly string[] = [
  'arista_eos', 'cisco_nxos', 'cisco_xr', 'cisco_ios', 'juniper_junos', 'hp_procurve', 'linux'
]

/**
 * Read-only commands whose output names the platform: IOS/NX-OS/XR/EOS/Junos "show version",
 * ProCurve "show system information", Linux "uname -a". Each CLI rejects the others harmlessly.
 */
export const PROBE_COMMANDS: readonly string[] = ['show version', 'show system information', 'uname -a']

export interface DetectOptions {
  /** Drivers by name; default DRIVERS. */
  drivers?: Record<string, Driver>
  /** Driver names in the order to try; default DEFAULT_DETECT_ORDER. */
  order?: readonly string[]
}

/** Driver names to try, in order: the configured ones that exist, then the rest by name. */
export function detectionOrder (drivers: Record<string, Driver> = DRIVERS, order: readonly string[] = DEFAULT_DETECT_ORDER): string[] {
  const listed = order.filter((n) => drivers[n] !== undefined)
  const rest = Object.keys(drivers).filter((n) => !listed.includes(n)).sort()
  return [...new Set([...listed, ...rest])]
}

/** The first driver, in order, whose detect() recognises `text`; undefined when none does. */
export function detectPlatform (text: string, options: DetectOptions = {}): string | undefined {
  if (text.trim() === '') return undefined
  const drivers = options.drivers ?? DRIVERS
  for (const name of detectionOrder(drivers, options.order)) {
    let yes = false
    try { yes = drivers[name].detect(text) } catch { yes = false }
    if (yes) return name
  }
  return undefined
}

export interface Detection {
  platform: string
  /** What gave it away: "banner", "prompt" (greeting and prompt), or the probe command. */
  evidence: string
}

/**
 * Detects on a live session: banner, then what the shell showed before its first prompt, then
 * each probe command's output. A probe the CLI rejects is skipped; one that times out leaves the
 * shell unusable and ends detection.
 */
export async function detectOnShell (banner: string, shell: ShellChannel, options: DetectOptions & { peer: string, logger: Logger }): Promise<Detection> {
  const byBanner = detectPlatform(banner, options)
  if (byBanner !== undefined) return { platform: byBanner, evidence: 'banner' }
  const byPrompt = detectPlatform(`${banner}\n${shell.greeting}\n${shell.prompt}`, options)
  if (byPrompt !== undefined) return { platform: byPrompt, evidence: 'prompt' }
  const seen: string[] = []
  for (const probe of PROBE_COMMANDS) {
    let output: string
    try {
      output = await shell.run(probe)
    } catch (err) {
      if (err instanceof SshError && err.code === 'ERR_SSH_COMMAND' && shell.usable) {
        seen.push(`${probe}: rejected`)
        continue
      }
      throw err
    }
    const platform = detectPlatform(output, options)
    options.logger.debug({ probe, platform }, 'ssh platform probe')
    if (platform !== undefined) return { platform, evidence: probe }
    seen.push(`${probe}: not recognised`)
  }
  throw new SshDetectError(`no driver recognised ${options.peer} (tried ${detectionOrder(options.drivers, options.order).join(', ')}; ${seen.join('; ')}); set the platform explicitly`, {
    peer: options.peer, phase: 'detect'
  })
}
