import { parseArgs } from 'node:util'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startLab } from '../../lab/index.ts'
import { say, untilSignal } from '../lifecycle.ts'

export const help = `tributary lab: run a simulated network on loopback and write an agent config that discovers it.

SNMP devices of several vendors answer from the project's own recordings (with LLDP between them)
and SSH devices from simulated CLIs (IOS, EOS, Junos...). Each device listens on its own port of
--host. The agent config is written with client credentials as \${DIODE_CLIENT_ID} and
\${DIODE_CLIENT_SECRET} references, so no secret lands in the file.

Usage: tributary lab [--write-config FILE] [--target URL] [--host ADDR]

  --write-config FILE  where to write the agent config (default ./lab-agent.yaml)
  --target URL         ingest target written into the config (default grpc://127.0.0.1:8080/diode)
  --host ADDR          loopback address the devices listen on (default 127.0.0.1)

Example (three terminals, or use \`tributary up --lab\` for all in one):
  tributary up
  tributary lab --write-config lab-agent.yaml
  DIODE_CLIENT_ID=... DIODE_CLIENT_SECRET=... tributary agent --config lab-agent.yaml --once
`

export async function run (args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'write-config': { type: 'string' }, target: { type: 'string' }, host: { type: 'string' } },
    strict: true
  })
  const lab = await startLab({ host: values.host })
  const file = resolve(values['write-config'] ?? 'lab-agent.yaml')
  writeFileSync(file, lab.agentConfig({
    target: values.target ?? 'grpc://127.0.0.1:8080/diode',
    clientId: '${DIODE_CLIENT_ID}',
    clientSecret: '${DIODE_CLIENT_SECRET}'
  }))
  say(`Lab running: ${lab.devices.length} simulated devices`)
  for (const d of lab.devices) say(`  ${d.name.padEnd(16)} ${d.kind.padEnd(4)} ${d.host}:${d.port}${d.platform ? `  (${d.platform})` : ''}`)
  say(`Agent config written: ${file}`)
  say(`Run: DIODE_CLIENT_ID=... DIODE_CLIENT_SECRET=... tributary agent --config ${file} --once`)
  say('Press Ctrl-C to stop.')
  const signal = await untilSignal()
  say(`${signal}: stopping the lab`)
  await lab.stop()
  return 0
}
