import assert from 'node:assert/strict'
import { eventually } from './eventually.ts'
import { listAll } from './http.ts'

// What the lab's devices call themselves (sysName / hostname in their recordings and CLI
// outputs), i.e. the device names the source of truth must end up with.
export const LAB_HOSTNAMES = [
  'core1.lab.example', 'dist1.lab.example', 'access1.lab.example', 'edge1.lab.example',
  'r1', 'leaf1', 'ex1', 'srv1', 'pe1', 'spine1', 'sw2'
]

/** Asserts what a lab run leaves in the read API at `base`: every lab device (waiting up to
 * `timeout` ms for them), each with interfaces and an address, and no entity FAILED. */
export async function assertLabInventory (base: string, token: string, timeout: number): Promise<void> {
  const expected = [...LAB_HOSTNAMES].sort()
  const devices = await eventually(async () => {
    const all = await listAll<{ name: string }>(`${base}/api/dcim/devices/?limit=100`, token)
    return all.length >= expected.length ? all : undefined
  }, timeout, 1000)
  assert.deepEqual(devices.map((d) => d.name).sort(), expected)
  for (const name of expected) {
    const interfaces = await listAll<{ name: string }>(`${base}/api/dcim/interfaces/?device=${encodeURIComponent(name)}&limit=1000`, token)
    assert.ok(interfaces.length >= 2, `${name} has interfaces (got ${interfaces.length})`)
    const ips = await listAll<{ address: string }>(`${base}/api/ipam/ip-addresses/?device=${encodeURIComponent(name)}&limit=1000`, token)
    assert.ok(ips.length >= 1, `${name} has IP addresses (got ${ips.length})`)
  }
  const failed = await (await fetch(`${base}/api/ingestion-logs/?state=FAILED`, { headers: { authorization: `Bearer ${token}` } })).json() as { count: number, results: unknown[] }
  assert.equal(failed.count, 0, `no entity failed: ${JSON.stringify(failed.results.slice(0, 3))}`)
}

/** The cables the lab's SNMP recordings imply, read as the agent's SNMP collector reads them:
 * every LLDP neighbour whose far device is a lab recording and whose far port is one of that
 * device's interfaces by name (or, as Linux lldpd reports it, by MAC); both ends' entries are one
 * cable. Each as "device:port -- device:port", ends sorted. Deliberately not the agent's own
 * mapping code, so the expectation does not come from what it checks. */
export async function labSnmpCables (): Promise<string[]> {
  const { readdirSync } = await import('node:fs')
  const { collectSnmp } = await import('../../agent/snmp/index.ts')
  const { loadSnmprec } = await import('../../lab/snmprec.ts')
  const { startSnmpResponder } = await import('../../lab/snmp-responder.ts')
  const dir = new URL('../../lab/snmp/', import.meta.url).pathname
  const devices = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.snmprec'))) {
    const community = file.replace(/\.snmprec$/, '')
    const responder = await startSnmpResponder({ host: '127.0.0.1', recordings: new Map([[community, loadSnmprec(dir + file)]]) })
    try {
      devices.push((await collectSnmp({ host: '127.0.0.1', port: responder.port, credentials: [{ version: '2c', community }] })).device)
    } finally {
      await responder.close()
    }
  }
  const byName = new Map(devices.map((d) => [d.hostname, d]))
  const cables = new Set<string>()
  for (const d of devices) {
    for (const n of d.neighbors) {
      const far = byName.get(n.remoteSystemName)
      const port = far?.interfaces.find((i) => i.name === n.remotePort || i.mac === n.remotePort)
      if (far === undefined || port === undefined) continue
      cables.add([`${d.hostname!}:${n.localInterface}`, `${far.hostname!}:${port.name}`].sort().join(' -- '))
    }
  }
  return [...cables].sort()
}
