// The contract between the SSH session layer (which logs in, handles prompts, paging and enable
// mode, and runs commands) and the per-platform drivers (which know what to ask and how to read
// the answers). Drivers are pure: text in, DiscoveredDevice fragments out, so they are tested
// on saved outputs without any SSH at all.
import type { DiscoveredDevice } from '../model.ts'

/** What one command's output yields; any subset of a device. */
export type DeviceFragment = Partial<Omit<DiscoveredDevice, 'source' | 'target'>>

export interface Driver {
  /** Platform name used in configs and URLs, e.g. "cisco_ios". */
  readonly name: string
  /** Manufacturer name as NetBox would show it, e.g. "Cisco", "Arista", "Juniper". */
  readonly manufacturer: string
  /** Sent once after login to make output machine-friendly (paging off, width); never configuration. */
  readonly setupCommands: readonly string[]
  /** True when show commands need privileged (enable) mode. */
  readonly needsEnable: boolean
  /** Matches the CLI prompt at the end of output, e.g. /[\w.-]+[>#]\s*$/. */
  readonly promptPattern: RegExp
  /** The read-only commands whose outputs parse() wants, in the order to run them. */
  readonly commands: readonly string[]
  /** True when this text (banner, prompt or version output) shows this platform. */
  detect (text: string): boolean
  /** Parses one command's output. Unknown commands yield {}; never throws on odd output. */
  parseCommand (command: string, output: string): DeviceFragment
  /**
   * How commands are run: "shell" (default) types them at the CLI prompt; "exec" runs each on its
   * own SSH exec channel with an exit status (Linux hosts), with no prompt or paging involved.
   */
  readonly transport?: 'shell' | 'exec'
  /**
   * Command -> command to run instead when the first fails, e.g. "ip -j addr show" -> "ip addr show"
   * for iproute2 releases without JSON output. parseCommand() is then given the fallback command.
   */
  readonly fallbacks?: Readonly<Record<string, string>>
  /** Commands whose failure is expected on some devices (a tool not installed, a feature off): logged at debug only. */
  readonly optionalCommands?: readonly string[]
}
