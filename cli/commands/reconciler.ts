import { parseArgs } from 'node:util'
import { createLogger, loadServerConfig, serverFlagOptions, serverSettingsHelp, ConfigError } from '../../config/index.ts'
import { startStack } from '../stack.ts'
import { logLevel, say, untilSignal } from '../lifecycle.ts'

export const help = `tributary reconciler: consume ingest requests from NATS JetStream and apply them to PostgreSQL.

Matches each entity to existing objects, writes the changes in one transaction per batch, keeps
ingestion logs, and acknowledges a message only after its transaction committed. Several
reconcilers may share one stream and one database. It also serves the read API, /metrics and
/healthz on its own HTTP port (default 8081 here).

Usage: tributary reconciler --nats URL --postgres URL [flags]

Settings (flag, environment variable, meaning):
${serverSettingsHelp()}
  --config  TRIBUTARY_CONFIG  YAML file with the same keys

Example:
  tributary reconciler --nats nats://10.0.0.5:4222 --postgres postgres://tributary@10.0.0.6/tributary --port 8081
`

export async function run (args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: serverFlagOptions(), strict: true })
  let config
  try {
    config = loadServerConfig({ flags: values, defaults: { 'listen.port': 8081 } })
    if (!config.nats) throw new ConfigError('nats.url: the reconciler alone needs NATS (--nats or TRIBUTARY_NATS_URL); use `tributary up` for the embedded stack')
    if (!config.postgresUrl) throw new ConfigError('postgres.url: the reconciler alone needs PostgreSQL (--postgres or TRIBUTARY_POSTGRES_URL); use `tributary up` for the embedded stack')
  } catch (err) {
    if (err instanceof ConfigError) { say(`tributary reconciler: ${err.message}`); return 2 }
    throw err
  }
  const logger = createLogger({ level: logLevel(config.logLevel) })
  const stack = await startStack(config, { ingester: false, reconciler: true }, logger)
  logger.info({ port: stack.port }, 'reconciler running')
  say(`reconciler running; read API ${stack.httpUrl}/api/`)
  const signal = await untilSignal()
  say(`${signal}: shutting down...`)
  await stack.close()
  logger.flush()
  return 0
}
