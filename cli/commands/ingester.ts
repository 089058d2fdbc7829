import { parseArgs } from 'node:util'
import { createLogger, loadServerConfig, serverFlagOptions, serverSettingsHelp, ConfigError } from '../../config/index.ts'
import { startStack } from '../stack.ts'
import { logLevel, say, untilSignal } from '../lifecycle.ts'

export const help = `tributary ingester: run the gRPC ingestion gateway alone, for a distributed deployment.

It authenticates callers, validates each Ingest request, writes it to NATS JetStream and only then
answers OK. On the same port it serves the OAuth2 token endpoint, the read API, /healthz, /readyz
and /metrics. Run as many as you like behind a load balancer; they share NATS and PostgreSQL.

Usage: tributary ingester --nats URL --postgres URL [flags]

Settings (flag, environment variable, meaning):
${serverSettingsHelp()}
  --config  TRIBUTARY_CONFIG  YAML file with the same keys

Example:
  tributary ingester --nats nats://10.0.0.5:4222 --postgres postgres://tributary@10.0.0.6/tributary --port 8080
`

export async function run (args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: serverFlagOptions(), strict: true })
  let config
  try {
    config = loadServerConfig({ flags: values })
    // A separate ingester only makes sense with a queue and database that other processes share.
    if (!config.nats) throw new ConfigError('nats.url: the ingester alone needs NATS (--nats or TRIBUTARY_NATS_URL); use `tributary up` for the embedded stack')
    if (!config.postgresUrl) throw new ConfigError('postgres.url: the ingester alone needs PostgreSQL (--postgres or TRIBUTARY_POSTGRES_URL); use `tributary up` for the embedded stack')
  } catch (err) {
    if (err instanceof ConfigError) { say(`tributary ingester: ${err.message}`); return 2 }
    throw err
  }
  const logger = createLogger({ level: logLevel(config.logLevel) })
  const stack = await startStack(config, { ingester: true, reconciler: false }, logger)
  logger.info({ target: stack.target, port: stack.port }, 'ingester listening')
  say(`ingester listening: ${stack.target} (read API ${stack.httpUrl}/api/)`)
  const signal = await untilSignal()
  say(`${signal}: shutting down...`)
  await stack.close()
  logger.flush()
  return 0
}
