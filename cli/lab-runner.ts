// `tributary up --lab`: the lab network plus an in-process agent that discovers it and sends to
// the stack just started, so a first-time user sees devices appear without writing any config.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { startLab, type LabDevice } from '../lab/index.ts'
import { addClient, revokeClient } from '../ingester/index.ts'
import { createAgent, parseAgentConfig } from '../agent/index.ts'
import type { ServerConfig } from '../config/index.ts'
import type { Stack } from './stack.ts'

export interface LabAgent {
  readonly devices: readonly LabDevice[]
  /** JSON file with the lab client's id and secret (mode 0600), for reading the API. */
  readonly credentialsFile: string
  stop (): Promise<void>
}

export async function startLabAgent ({ stack, config, logger }: { stack: Stack, config: ServerConfig, logger: Logger }): Promise<LabAgent> {
  const lab = await startLab()
  const credentialsFile = join(config.dataDir, 'lab-client.json')
  // One lab client at a time: the previous run's is revoked rather than left behind.
  if (existsSync(credentialsFile)) {
    const previous = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { client_id?: string }
    if (previous.client_id) await revokeClient(stack.db, previous.client_id)
  }
  const creds = await addClient(stack.db, { name: 'lab-agent', scopes: ['diode:ingest', 'diode:read'] })
  writeFileSync(credentialsFile, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 })

  const agentConfig = parseAgentConfig(lab.agentConfig({
    target: stack.target,
    clientId: creds.client_id,
    clientSecret: creds.client_secret,
    schedule: '*/5 * * * *'
  }))
  const agent = createAgent({ config: agentConfig, logger: logger.child({ lab: true }) })
  await agent.start()
  // Scheduled policies wait for their first tick; the lab should show results right away.
  agent.runOnce().catch((err) => logger.warn({ err }, 'lab discovery run failed'))
  return {
    devices: lab.devices,
    credentialsFile,
    async stop () {
      await agent.stop()
      await lab.stop()
    }
  }
}
