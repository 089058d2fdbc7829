// `tributary parse --platform P --command "C" [FILE|-]`: runs one driver parser over one saved
// command output and prints the entities that output alone yields. How a person checks a parser
// against their own device's output without giving the agent any access to it (issue 6).
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import { DRIVERS } from '../../agent/ssh/drivers/index.ts'
import type { PlatformDriver } from '../../agent/ssh/drivers/define-driver.ts'
import type { DeviceFragment, Driver } from '../../agent/ssh/driver.ts'
import { guessInterfaceType, parentInterface } from '../../agent/ssh/parse/interface-name.ts'
import { emptyDevice, toEntities } from '../../agent/index.ts'
import type { DiscoveredDevice, DeviceDefaults } from '../../agent/index.ts'
import type { Entity } from '../../proto/index.ts'
import { toProtoJson } from '../../proto/index.ts'

/** Device name used when the output does not say which device it came from. */
export const UNKNOWN_DEVICE = 'unknown'

export const help = `tributary parse: parse one saved CLI command output into entities.

Runs the platform driver's parser for COMMAND over the output in FILE (or stdin) and prints
what that output alone yields, as one JSON array of diode.v1 Entity messages with protobuf
field names (snake_case), the same form \`tributary discover\` prints: \`show version\` gives a
Device, \`show interfaces\` Interfaces, an address command IP addresses (with the interfaces
they are assigned to) and their prefixes, \`show vlan\` VLANs, \`show inventory\` modules and
inventory items. Objects name their device by the hostname the output shows, else "unknown".
LLDP/CDP neighbours are not entities: use --raw to see them.

Usage: tributary parse --platform PLATFORM --command "COMMAND" [FILE|-]

Options:
  -p, --platform NAME    driver: ${Object.keys(DRIVERS).join(', ')}
  -c, --command TEXT     the command that produced the output, as typed on the device;
                         words may be abbreviated ("sh int" for "show interfaces")
      --site NAME        site put on the device and its VLANs (default: tributary)
      --raw              print what the parser extracted (the driver's DeviceFragment) instead
                         of entities
  -h, --help             this text

Exit status: 0 on success, 2 for a usage error, an unknown platform or a command the driver
cannot parse (the message lists what it can).

Example:
  ssh admin@sw1 'show interfaces' > sw1-interfaces.txt
  tributary parse --platform cisco_ios --command "show interfaces" sw1-interfaces.txt
  ssh admin@leaf1 'show version | json' | tributary parse -p arista_eos -c "show version | json" -
`

export interface ParseCommandDeps {
  stdin: Readable
  stdout: Writable
  stderr: Writable
  /** Timestamp put on entities; default now. */
  now?: Date
}

export async function run (args: string[]): Promise<number> {
  return runParse(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
}

class UsageError extends Error {}

function isPlatformDriver (d: Driver): d is PlatformDriver {
  return typeof (d as Partial<PlatformDriver>).canParse === 'function'
}

function supportedCommands (d: Driver): readonly string[] {
  return isPlatformDriver(d) ? d.parsedCommands : d.commands
}

async function readAll (stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function runParse (args: string[], deps: ParseCommandDeps): Promise<number> {
  let values: { platform?: string, command?: string, site?: string, raw?: boolean }
  let positionals: string[]
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        platform: { type: 'string', short: 'p' },
        command: { type: 'string', short: 'c' },
        site: { type: 'string' },
        raw: { type: 'boolean' }
      }
    }))
    if (values.platform === undefined) throw new UsageError('--platform is required')
    if (values.command === undefined || values.command.trim() === '') throw new UsageError('--command is required')
    if (positionals.length > 1) throw new UsageError(`one input file at most, got ${positionals.length}`)
  } catch (err) {
    deps.stderr.write(`tributary parse: ${(err as Error).message}\n\nUsage: tributary parse --platform PLATFORM --command "COMMAND" [FILE|-]\n`)
    return 2
  }

  const driver = DRIVERS[values.platform]
  if (driver === undefined) {
    deps.stderr.write(`tributary parse: unknown platform "${values.platform}"; platforms: ${Object.keys(DRIVERS).join(', ')}\n`)
    return 2
  }
  const command = values.command
  if (isPlatformDriver(driver) && !driver.canParse(command)) {
    deps.stderr.write(unsupported(driver, command))
    return 2
  }

  let output: string
  const file = positionals[0]
  try {
    output = file === undefined || file === '-' ? await readAll(deps.stdin) : readFileSync(file, 'utf8')
  } catch (err) {
    deps.stderr.write(`tributary parse: cannot read ${file ?? 'stdin'}: ${(err as Error).message}\n`)
    return 2
  }

  const fragment = driver.parseCommand(command, output)
  if (!isPlatformDriver(driver) && Object.keys(fragment).length === 0) {
    // Drivers without a parser table say nothing about what they understand but by answering.
    deps.stderr.write(unsupported(driver, command))
    return 2
  }

  if (values.raw === true) {
    deps.stdout.write(JSON.stringify(fragment, null, 2) + '\n')
    return 0
  }
  const entities = fragmentEntities(fragment, { site: values.site }, deps.now)
  deps.stdout.write(JSON.stringify(entities.map((e) => toProtoJson('Entity', e)), null, 2) + '\n')
  const neighbours = fragment.neighbors?.length ?? 0
  if (neighbours > 0) deps.stderr.write(`tributary parse: ${neighbours} LLDP/CDP neighbour(s) found; they are not entities (see --raw)\n`)
  else if (entities.length === 0) deps.stderr.write(`tributary parse: nothing recognised in the ${command} output\n`)
  return 0
}

function unsupported (driver: Driver, command: string): string {
  return `tributary parse: ${driver.name} cannot parse "${command}"; commands it parses:\n` +
    supportedCommands(driver).map((c) => `  ${c}\n`).join('')
}

const DEVICE_FACTS: ReadonlyArray<keyof DeviceFragment> = ['hostname', 'model', 'serial', 'platform', 'osVersion', 'osFamily', 'description']

/**
 * The parse command's mapping: the entities one command's fragment yields, through the agent's
 * own toEntities() so they are exactly what discovery would send. The device entity appears only
 * when the output says something about the device itself; interfaces that only an address
 * names are added so the address can be assigned to them, and left out of the output.
 */
export function fragmentEntities (fragment: DeviceFragment, defaults: DeviceDefaults = {}, now?: Date): Entity[] {
  const device: DiscoveredDevice = { ...emptyDevice('ssh', UNKNOWN_DEVICE), ...fragment, source: 'ssh', target: UNKNOWN_DEVICE }
  const own = new Set(device.interfaces.map((i) => i.name))
  const stubs = new Set<string>()
  for (const a of device.addresses) {
    if (a.interface === undefined || own.has(a.interface) || stubs.has(a.interface)) continue
    stubs.add(a.interface)
    const stub = { name: a.interface, type: guessInterfaceType(a.interface) }
    const parent = parentInterface(a.interface)
    device.interfaces = [...device.interfaces, parent === undefined ? stub : { ...stub, parent }]
  }
  const hasFacts = DEVICE_FACTS.some((k) => fragment[k] !== undefined)
  return toEntities(device, defaults, now === undefined ? {} : { now }).filter((e) => {
    if (e.device !== undefined && e.device !== null) return hasFacts
    if (e.interface !== undefined && e.interface !== null) return !stubs.has(e.interface.name ?? '')
    return true
  })
}
