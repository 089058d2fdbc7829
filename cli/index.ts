// `tributary`: one executable whose subcommands compose the components. Each subcommand lives in
// cli/commands/<name>.ts and is loaded only when used, so `tributary parse` never pays for gRPC
// or PostgreSQL.
import { readFileSync } from 'node:fs'

export interface Command {
  /** One paragraph of help with at least one example. */
  help: string
  /** Runs the command; resolves to the process exit code. */
  run (args: string[]): Promise<number>
}

export const COMMANDS: ReadonlyArray<{ name: string, summary: string }> = [
  { name: 'up', summary: 'run ingester, reconciler and read API in one process (embedded by default)' },
  { name: 'ingester', summary: 'run the gRPC ingestion gateway alone (NATS + PostgreSQL)' },
  { name: 'reconciler', summary: 'run the reconciler and read API alone (NATS + PostgreSQL)' },
  { name: 'agent', summary: 'run discovery policies from a YAML config on their schedules' },
  { name: 'discover', summary: 'discover one device over SNMP or SSH and print or send its entities' },
  { name: 'parse', summary: 'parse one saved CLI command output into entities' },
  { name: 'ingest', summary: 'send dry-run files (IngestRequest JSON) to an ingester' },
  { name: 'clients', summary: 'add, list and revoke ingestion clients' },
  { name: 'lab', summary: 'run a simulated network of SNMP and SSH devices on loopback' }
]

export function version (): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

function usage (): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `tributary ${version()}: network discovery and ingestion into a NetBox-shaped source of truth`,
    '',
    'Usage: tributary <command> [options]     (tributary <command> --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Quick start:',
    '  tributary up --lab          embedded stack plus a simulated network, read API on :8080',
    '  tributary clients add me    create an ingestion client (prints its secret once)',
    ''
  ].join('\n')
}

export async function main (argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(version() + '\n')
    return 0
  }
  if (!COMMANDS.some((c) => c.name === name)) {
    process.stderr.write(`tributary: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  const command = (await import(`./commands/${name}.ts`)) as Command
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help.trimEnd() + '\n')
    return 0
  }
  return command.run(rest)
}
