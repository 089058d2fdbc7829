// One role of a distributed deployment (the ingester or the reconciler) run as its own process
// until a signal. Both need the NATS and PostgreSQL they share with the other processes.
import { parseArgs } from 'node:util'
import type { Logger } from 'pino'
import { createLogger, loadServerConfig, serverFlagOptions, ConfigError } from '../config/index.ts'
import { startStack, type Stack, type StackRoles } from './stack.ts'
import { logLevel, say, untilSignal } from './lifecycle.ts'

export interface ServeRole {
  /** The command's name, as its messages say it ("ingester"). */
  name: string
  roles: StackRoles
  /** Defaults of this command that differ from `up`'s, by setting key. */
  defaults?: Record<string, string | number | boolean>
  /** Tells people and the log that it is up. */
  started (stack: Stack, logger: Logger): void
}

export async function serveRole (args: string[], role: ServeRole): Promise<number> {
  const { values } = parseArgs({ args, options: serverFlagOptions(), strict: true })
  let config
  try {
    config = loadServerConfig({ flags: values, defaults: role.defaults })
    // A separate role only makes sense with a queue and database that other processes share.
    if (!config.nats) throw new ConfigError(`nats.url: the ${role.name} alone needs NATS (--nats or TRIBUTARY_NATS_URL); use \`tributary up\` for the embedded stack`)
    if (!config.postgresUrl) throw new ConfigError(`postgres.url: the ${role.name} alone needs PostgreSQL (--postgres or TRIBUTARY_POSTGRES_URL); use \`tributary up\` for the embedded stack`)
  } catch (err) {
    if (err instanceof ConfigError) { say(`tributary ${role.name}: ${err.message}`); return 2 }
    throw err
  }
  const logger = createLogger({ level: logLevel(config.logLevel) })
  const stack = await startStack(config, role.roles, logger)
  role.started(stack, logger)
  const signal = await untilSignal()
  say(`${signal}: shutting down...`)
  await stack.close()
  logger.flush()
  return 0
}
