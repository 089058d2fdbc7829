import { serverSettingsHelp } from '../../config/index.ts'
import { say } from '../lifecycle.ts'
import { serveRole } from '../serve-role.ts'

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

export function run (args: string[]): Promise<number> {
  return serveRole(args, {
    name: 'reconciler',
    roles: { ingester: false, reconciler: true },
    defaults: { 'listen.port': 8081 },
    started (stack, logger) {
      logger.info({ port: stack.port }, 'reconciler running')
      say(`reconciler running; read API ${stack.httpUrl}/api/`)
    }
  })
}
