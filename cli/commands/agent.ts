// `tributary agent --config FILE`: runs the discovery policies of one YAML file, on their
// schedules or (--once) one time with a summary. Composition only: config and runtime live in
// agent/, the clients in sdk/.
import { parseArgs } from 'node:util'
import type { Writable } from 'node:stream'
import pino from 'pino'
import { CronExpressionParser } from 'cron-parser'
import { createLogger } from '../../config/logger.ts'
import type { Logger } from '../../config/logger.ts'
import { loadAgentConfig, assertSendable, createAgent, formatRunSummary, PRODUCER_SUFFIX } from '../../agent/index.ts'
import type { AgentConfig, Collectors } from '../../agent/index.ts'
import { createClient, createDryRunClient, SdkError } from '../../sdk/index.ts'
import type { Ingestor } from '../../sdk/index.ts'
import { version } from '../index.ts'
import { untilSignal } from '../lifecycle.ts'

export const help = `tributary agent: run discovery policies from a YAML config on their schedules.

Loads FILE (see config/examples/agent.yaml for every key), resolves its \${ENV} and
\${file:/path} references, and runs each policy on its cron schedule (a policy without one runs
once at start) until SIGINT or SIGTERM. Devices are discovered over SNMP and/or SSH, mapped to
diode.v1 entities and sent to tributary.target, one Ingest per device.

Usage: tributary agent --config FILE [options]

  -c, --config FILE             the agent's YAML configuration (required)
      --once                    run every policy once, print a summary and exit: status 0 when
                                at least one device was discovered, 1 when none could be
      --dry-run                 write the Ingest requests as JSON instead of sending them
      --dry-run-output-dir DIR  folder for dry-run files (default: standard output)
  -p, --policy NAME             run only this policy (repeatable)
      --check                   validate the file and print what would run (policies, schedules,
                                targets, collectors), without contacting anything
      --log-level LEVEL         trace, debug, info (default), warn, error

Examples:
  tributary agent --config /etc/tributary/agent.yaml
  tributary agent -c agent.yaml --once --dry-run --dry-run-output-dir ./dry-run
  tributary agent -c agent.yaml --once --policy core_switches
  tributary agent -c agent.yaml --check
`

export interface AgentCommandDeps {
  stdout: Writable
  stderr: Writable
  /** Replaces the real collectors (tests). */
  collectors?: Collectors
  /** Replaces the SDK client built from the config (tests). */
  ingestor?: Ingestor
  logger?: Logger
  /** Resolves when the process should stop (default: on SIGINT or SIGTERM); never resolves once
   * `cancel` fires. */
  untilSignal?: (cancel: AbortSignal) => Promise<string>
  env?: Record<string, string | undefined>
}

export async function run (args: string[]): Promise<number> {
  return await runAgentCommand(args, { stdout: process.stdout, stderr: process.stderr })
}

export async function runAgentCommand (args: string[], deps: AgentCommandDeps): Promise<number> {
  const err = (line: string): void => { deps.stderr.write(line + '\n') }
  let values
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        once: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'dry-run-output-dir': { type: 'string' },
        policy: { type: 'string', short: 'p', multiple: true },
        check: { type: 'boolean' },
        'log-level': { type: 'string' }
      }
    }))
  } catch (e) {
    err(`tributary agent: ${(e as Error).message}\n\n${help}`)
    return 2
  }
  if (values.config === undefined) {
    err(`tributary agent: --config FILE is required\n\n${help}`)
    return 2
  }

  let config: AgentConfig
  try {
    config = loadAgentConfig(values.config, deps.env !== undefined ? { env: deps.env } : {})
    if (values['dry-run'] === true) config.dryRun = true
    if (values['dry-run-output-dir'] !== undefined) {
      config.dryRunOutputDir = values['dry-run-output-dir']
      config.dryRun = true
    }
    assertSendable(config)
    if (values.policy !== undefined) {
      const unknown = values.policy.filter((name) => !config.policies.some((p) => p.name === name))
      if (unknown.length > 0) throw new Error(`--policy: no policy named ${unknown.map((n) => `"${n}"`).join(', ')} (the file has: ${config.policies.map((p) => p.name).join(', ')})`)
      config.policies = config.policies.filter((p) => values.policy!.includes(p.name))
    }
  } catch (e) {
    err(`tributary agent: ${(e as Error).message}`)
    return 2
  }

  if (values.check === true) {
    deps.stdout.write(describePlan(config))
    return 0
  }

  // Dry-run files on stdout leave stdout to them: logs and the summary go to stderr.
  const dryRunToStdout = config.dryRun && config.dryRunOutputDir === undefined
  const summaryOut = dryRunToStdout ? deps.stderr : deps.stdout
  const logger = deps.logger ?? createLogger({
    ...(values['log-level'] !== undefined ? { level: values['log-level'] } : {}),
    ...(values.once === true || dryRunToStdout ? { destination: pino.destination({ fd: 2, sync: true }) } : {})
  })

  let ingestor: Ingestor
  try {
    ingestor = deps.ingestor ?? await buildIngestor(config, logger)
  } catch (e) {
    err(`tributary agent: ${e instanceof SdkError ? `${e.message} [${e.code}]` : (e as Error).message}`)
    return 1
  }

  const agent = createAgent({
    config,
    logger,
    ingestor,
    appVersion: version(),
    ...(deps.collectors !== undefined ? { collectors: deps.collectors } : {})
  })
  const done = new AbortController()
  const signalled = (deps.untilSignal ?? untilSignal)(done.signal).then(async (signal) => {
    logger.info({ signal }, 'stopping on signal')
    await agent.stop()
    return signal
  })
  try {
    if (values.once === true) {
      // Ctrl-C cancels what is left; the summary still shows what was done.
      const summary = await agent.runOnce()
      await agent.stop()
      summaryOut.write(formatRunSummary(summary))
      return summary.discovered ? 0 : 1
    }
    try {
      await agent.start()
    } catch (e) {
      err(`tributary agent: ${(e as Error).message}`)
      return 1
    }
    await signalled
    return 0
  } finally {
    done.abort()
    await agent.stop()
    if (deps.ingestor === undefined) await ingestor.close()
    logger.flush?.()
  }
}

/** What the agent would do, for a person checking a file; names settings, never secrets. */
function describePlan (config: AgentConfig): string {
  const lines = [
    `agent ${config.agentName}: ${config.dryRun ? `dry run to ${config.dryRunOutputDir ?? 'standard output'}` : `sending to ${config.target ?? '?'}`}, ` +
      `${config.concurrency} target(s) at a time, status ${config.statusListen !== undefined ? `on ${config.statusListen.host}:${config.statusListen.port}` : 'off'}`
  ]
  for (const p of config.policies) {
    const next = p.schedule === undefined ? 'once at start' : `"${p.schedule}", next ${CronExpressionParser.parse(p.schedule).next().toDate().toISOString()}`
    lines.push(`policy ${p.name}: ${p.targets.length} target(s), ${next}, timeout ${p.timeoutPerTarget / 1000} s per target, site ${p.defaults.site ?? '?'}`)
    const shown = p.targets.slice(0, 10)
    for (const t of shown) {
      const via = [
        t.snmp !== undefined ? `snmp ${t.snmp.credentials.map((c) => c.version === '3' ? `v3 user ${c.username ?? '?'}` : 'v2c').join(' | ')}${t.snmp.port !== undefined ? ` port ${t.snmp.port}` : ''}` : undefined,
        t.ssh !== undefined ? `ssh ${t.ssh.platform ?? 'auto-detect'} as ${t.ssh.credentials.map((c) => c.username).join(' | ')}${t.ssh.port !== undefined ? ` port ${t.ssh.port}` : ''}` : undefined
      ].filter((v) => v !== undefined).join(' + ')
      lines.push(`  ${t.host}: ${via}`)
    }
    if (p.targets.length > shown.length) lines.push(`  ... and ${p.targets.length - shown.length} more`)
  }
  return lines.join('\n') + '\n'
}

async function buildIngestor (config: AgentConfig, logger: Logger): Promise<Ingestor> {
  const appName = `${config.agentName}/${PRODUCER_SUFFIX}`
  if (config.dryRun) {
    return createDryRunClient({ appName, appVersion: version(), ...(config.dryRunOutputDir !== undefined ? { outputDir: config.dryRunOutputDir } : {}) })
  }
  return await createClient({
    target: config.target!,
    appName,
    appVersion: version(),
    ...(config.clientId !== undefined ? { clientId: config.clientId } : {}),
    ...(config.clientSecret !== undefined ? { clientSecret: config.clientSecret } : {}),
    logger
  })
}
