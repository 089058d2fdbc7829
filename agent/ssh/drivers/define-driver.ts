// Builds a Driver from a table of (command, parser) pairs. The table is the one place a
// platform says what it can read: parseCommand() matches a command against it the way the
// device's own CLI would (words may be abbreviated, spacing and case do not matter), and the
// `tributary parse` command lists it when asked for something it cannot read.
import type { Driver, DeviceFragment } from '../driver.ts'

export type Parser = (output: string) => DeviceFragment

export interface CommandParser {
  /** Canonical command, e.g. "show interfaces" or "show version | json". */
  command: string
  /** Other spellings the device accepts for the same output ("show interface"). */
  aliases?: readonly string[]
  parse: Parser
}

export interface PlatformDriver extends Driver {
  /** Every command parseCommand() understands (canonical spellings), for help and errors. */
  readonly parsedCommands: readonly string[]
  /** True when parseCommand() has a parser for this command (abbreviations allowed). */
  canParse (command: string): boolean
  /** Like parseCommand() but lets a parser's exception through; for tests and `tributary parse --strict`. */
  parseStrict (command: string, output: string): DeviceFragment
}

export interface DriverDefinition extends Omit<Driver, 'parseCommand'> {
  parsers: readonly CommandParser[]
}

function words (command: string): string[] {
  return command.trim().toLowerCase().replace(/\|/g, ' | ').split(/\s+/).filter((w) => w !== '')
}

/**
 * True when `input` names `canonical`: same number of words, each input word a prefix of the
 * canonical word ("sh int" names "show interfaces"), the pipe and its filter included.
 */
export function commandMatches (input: string, canonical: string): boolean {
  const a = words(input)
  const b = words(canonical)
  if (a.length !== b.length || a.length === 0) return false
  return a.every((w, i) => b[i].startsWith(w))
}

export function defineDriver (def: DriverDefinition): PlatformDriver {
  const find = (command: string): CommandParser | undefined => {
    // Exact spellings first so an abbreviation can never shadow a longer exact command.
    const all = def.parsers.flatMap((p) => [p.command, ...(p.aliases ?? [])].map((c) => ({ c, p })))
    const norm = words(command).join(' ')
    return all.find(({ c }) => words(c).join(' ') === norm)?.p ?? all.find(({ c }) => commandMatches(command, c))?.p
  }
  return {
    name: def.name,
    manufacturer: def.manufacturer,
    setupCommands: def.setupCommands,
    needsEnable: def.needsEnable,
    promptPattern: def.promptPattern,
    commands: def.commands,
    detect: (text: string): boolean => {
      try { return def.detect(text) } catch { return false }
    },
    parsedCommands: def.parsers.map((p) => p.command),
    canParse: (command: string): boolean => find(command) !== undefined,
    parseStrict: (command: string, output: string): DeviceFragment => {
      const parser = find(command)
      return parser === undefined ? {} : parser.parse(output)
    },
    parseCommand: (command: string, output: string): DeviceFragment => {
      const parser = find(command)
      if (parser === undefined || typeof output !== 'string') return {}
      try {
        return parser.parse(output)
      } catch {
        // The contract: odd output yields nothing rather than failing the whole device.
        return {}
      }
    }
  }
}

/**
 * One parser for a command that may come back as JSON (`| json`, `| display json`) or text
 * (older releases, or JSON switched off): the output itself says which.
 */
export function textOrJson (text: Parser, json: Parser): Parser {
  return (output) => (/^\s*[{[]/.test(output) ? json(output) : text(output))
}

/** The (text, JSON) pair registered under the plain command and its JSON spelling. */
export function bothForms (command: string, jsonSuffix: string, text: Parser, json: Parser, aliases: readonly string[] = []): CommandParser[] {
  const parse = textOrJson(text, json)
  return [
    { command: `${command} ${jsonSuffix}`, aliases: aliases.map((a) => `${a} ${jsonSuffix}`), parse },
    { command, aliases, parse }
  ]
}
