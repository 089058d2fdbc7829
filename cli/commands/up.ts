import { parseArgs } from 'node:util'
import { createLogger, loadServerConfig, serverFlagOptions, serverSettingsHelp, ConfigError } from '../../config/index.ts'
import { startStack } from '../stack.ts'
import { logLevel, say, untilSignal } from '../lifecycle.ts'
import { startLabAgent } from '../lab-runner.ts'

export const help = `tributary up: run the ingester, the reconciler and the read API in one process.

With no flags it uses the embedded default: a PGlite database and a durable on-disk queue in
./.tributary, and one port (8080) for gRPC Ingest, the OAuth2 token endpoint, the read API
(/api/...) and Prometheus metrics (/metrics). --nats and --postgres switch to the real servers.

Usage: tributary up [--lab] [--config FILE] [flags]

  --lab     also start the simulated lab network and an agent that discovers it every 5 minutes
            (first run at once); its client credentials are written to <data-dir>/lab-client.json

Settings (flag, environment variable, meaning):
${serverSettingsHelp()}
  --config  TRIBUTARY_CONFIG  YAML file with the same keys (e.g. listen.port, nats.url)

Examples:
  tributary up --lab
  tributary up --port 9000 --data-dir /var/lib/tributary
  tributary up --nats nats://127.0.0.1:4222 --postgres postgres://postgres@127.0.0.1/tributary
`

export async function run (args: string[]): Promise<number> {
  const { values: parsed } = parseArgs({ args, options: { ...serverFlagOptions(), lab: { type: 'boolean' } }, strict: true })
  const values = parsed as Record<string, string | boolean | undefined>
  let config
  try {
    config = loadServerConfig({ flags: values })
  } catch (err) {
    if (err instanceof ConfigError) { say(`tributary up: ${err.message}`); return 2 }
    throw err
  }
  const logger = createLogger({ level: logLevel(config.logLevel) })
  const stack = await startStack(config, { ingester: true, reconciler: true }, logger)
  const lab = values.lab ? await startLabAgent({ stack, config, logger }) : undefined

  say(`Tributary is up (${config.nats ? 'NATS JetStream' : 'embedded queue'}, ${config.postgresUrl ? 'PostgreSQL' : 'embedded PGlite'}${config.nats || config.postgresUrl ? '' : ` in ${config.dataDir}`}).`)
  say('')
  say(`  Ingest target (SDKs, agent):  ${stack.target}`)
  say(`  Token endpoint:               ${stack.httpUrl}/${config.pathPrefix ? config.pathPrefix + '/' : ''}auth/token`)
  say(`  Read API (NetBox-shaped):     ${stack.httpUrl}/api/dcim/devices/`)
  say(`  Metrics:                      ${stack.httpUrl}/metrics`)
  say('')
  if (lab) {
    say(`  Lab: ${lab.devices.length} simulated devices; the agent is discovering them now.`)
    say(`  Read with the lab client:    ${lab.credentialsFile}`)
    say(`    TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=$(jq -r .client_id ${lab.credentialsFile}) \\`)
    say(`      -d client_secret=$(jq -r .client_secret ${lab.credentialsFile}) -d scope=diode:read ${stack.httpUrl}/${config.pathPrefix}/auth/token | jq -r .access_token)`)
    say(`    curl -s -H "Authorization: Bearer $TOKEN" ${stack.httpUrl}/api/dcim/devices/ | jq '.results[].name'`)
    say('')
  }
  say('Next:')
  say(`  Create a client:   tributary clients add my-collector --scopes diode:ingest,diode:read${config.postgresUrl ? ' --postgres ' + '<url>' : ''}`)
  say('                     (embedded mode: stop `up` first; PGlite serves one process at a time)')
  say(`  Diode Python SDK:  DiodeClient(target="${stack.target}", app_name=..., app_version=...) with DIODE_CLIENT_ID/DIODE_CLIENT_SECRET`)
  say(`  Diode Go SDK:      diode.NewClient("${stack.target}", appName, appVersion)`)
  say(`  Tributary agent:   tributary agent --config agent.yaml   (tributary.target: ${stack.target})`)
  say('')
  say('Press Ctrl-C to stop.')

  const signal = await untilSignal()
  say(`\n${signal}: shutting down...`)
  await lab?.stop()
  await stack.close()
  logger.flush()
  return 0
}
