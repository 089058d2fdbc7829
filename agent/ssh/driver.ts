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
}
