import { serverSettingsHelp } from '../../config/index.ts'
import { say } from '../lifecycle.ts'
import { serveRole } from '../serve-role.ts'

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

export function run (args: string[]): Promise<number> {
  return serveRole(args, {
    name: 'ingester',
    roles: { ingester: true, reconciler: false },
    started (stack, logger) {
      logger.info({ target: stack.target, port: stack.port }, 'ingester listening')
      say(`ingester listening: ${stack.target} (read API ${stack.httpUrl}/api/)`)
    }
  })
}
