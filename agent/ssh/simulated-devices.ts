// Simulated device definitions from files: one YAML or JSON file per device, command outputs in
// files beside it, so a lab or test device reads like a capture from a real one. Parsed, not
// trusted: every error names the file and the dotted path of the bad key.
//
//   name: lab-r1                 platform: cisco_ios
//   username: admin              password: admin        enableSecret: lab
//   prompt: r1                   pageLines: 24          banner: |  ...   motd: | ...
//   commandFiles: { "show version": r1/show_version.txt }   # paths relative to this file
//   commands: { "show clock": "*12:00:00.000 UTC Fri Nov 27 2026" }   # short answers inline
import { readdir, readFile } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { SshArgumentError } from './errors.ts'
import type { SimulatedDevice } from './simulator.ts'

const STRING_KEYS = ['name', 'platform', 'username', 'password', 'enableSecret', 'banner', 'motd', 'prompt', 'promptLine', 'dropOn', 'serverIdent', 'hostKey'] as const
const REQUIRED = ['name', 'platform', 'username', 'password', 'prompt'] as const

function fail (file: string, path: string, what: string): never {
  throw new SshArgumentError(`${file}: ${path}: ${what}`)
}

function stringList (file: string, path: string, v: unknown): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(file, path, 'must be a list of strings')
  return [...v] as string[]
}

/** Validates one parsed definition; `base` is the folder command files are relative to. */
export async function toSimulatedDevice (raw: unknown, file: string, base: string): Promise<SimulatedDevice> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(file, '(root)', 'must be a mapping')
  const src = raw as Record<string, unknown>
  const known = new Set<string>([...STRING_KEYS, 'commands', 'commandFiles', 'pageLines', 'hang', 'authMethods', 'privileged', 'privilegedCommands', 'pressAnyKey'])
  for (const k of Object.keys(src)) if (!known.has(k)) fail(file, k, 'unknown key')
  const out: Partial<SimulatedDevice> & { commands: Record<string, string> } = { commands: {} }
  for (const k of STRING_KEYS) {
    const v = src[k]
    if (v === undefined) continue
    if (typeof v !== 'string' && !(typeof v === 'number' && (k === 'password' || k === 'enableSecret' || k === 'prompt'))) fail(file, k, 'must be a string')
    out[k] = String(v)
  }
  for (const k of REQUIRED) if (out[k] === undefined || out[k] === '') fail(file, k, 'is required')
  if (src.pageLines !== undefined) {
    if (!Number.isInteger(src.pageLines) || (src.pageLines as number) < 1) fail(file, 'pageLines', 'must be a positive integer')
    out.pageLines = src.pageLines as number
  }
  for (const k of ['privileged', 'pressAnyKey'] as const) {
    if (src[k] === undefined) continue
    if (typeof src[k] !== 'boolean') fail(file, k, 'must be true or false')
    out[k] = src[k] as boolean
  }
  if (src.hang !== undefined) out.hang = stringList(file, 'hang', src.hang)
  if (src.privilegedCommands !== undefined) out.privilegedCommands = stringList(file, 'privilegedCommands', src.privilegedCommands)
  if (src.authMethods !== undefined) {
    const methods = stringList(file, 'authMethods', src.authMethods)
    for (const [i, m] of methods.entries()) if (m !== 'password' && m !== 'keyboard-interactive') fail(file, `authMethods.${i}`, 'must be password or keyboard-interactive')
    out.authMethods = methods as SimulatedDevice['authMethods']
  }
  if (src.commands !== undefined) {
    if (typeof src.commands !== 'object' || src.commands === null || Array.isArray(src.commands)) fail(file, 'commands', 'must be a mapping of command to output')
    for (const [cmd, text] of Object.entries(src.commands)) {
      if (typeof text !== 'string') fail(file, `commands.${cmd}`, 'must be a string')
      out.commands[cmd] = text
    }
  }
  if (src.commandFiles !== undefined) {
    if (typeof src.commandFiles !== 'object' || src.commandFiles === null || Array.isArray(src.commandFiles)) fail(file, 'commandFiles', 'must be a mapping of command to file')
    for (const [cmd, rel] of Object.entries(src.commandFiles)) {
      if (typeof rel !== 'string' || rel === '') fail(file, `commandFiles.${cmd}`, 'must be a file path')
      const path = resolve(base, rel)
      try {
        out.commands[cmd] = await readFile(path, 'utf8')
      } catch (err) {
        fail(file, `commandFiles.${cmd}`, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
      }
    }
  }
  return out as SimulatedDevice
}

/** Loads one definition file (.yaml, .yml or .json). */
export async function loadSimulatedDevice (file: string): Promise<SimulatedDevice> {
  const text = await readFile(file, 'utf8')
  let raw: unknown
  try {
    raw = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new SshArgumentError(`${file}: not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`, { cause: err })
  }
  return await toSimulatedDevice(raw, file, dirname(file))
}

/** Every device defined in `dir` (its *.yaml, *.yml and *.json files, by file name). */
export async function loadSimulatedDevices (dir: string): Promise<SimulatedDevice[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && ['.yaml', '.yml', '.json'].includes(extname(e.name)))
    .map((e) => e.name)
    .sort()
  const devices: SimulatedDevice[] = []
  for (const name of names) devices.push(await loadSimulatedDevice(join(dir, name)))
  const seen = new Set<string>()
  for (const d of devices) {
    if (seen.has(d.name)) throw new SshArgumentError(`${dir}: two devices are named ${JSON.stringify(d.name)}`)
    seen.add(d.name)
  }
  return devices
}
