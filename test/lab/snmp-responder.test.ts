import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import snmp from 'net-snmp'
import { parseSnmprec } from '../../lab/snmprec.ts'
import { startSnmpResponder, type SnmpResponder } from '../../lab/snmp-responder.ts'

const RECORDING = [
  '1.3.6.1.2.1.1.1.0|4|Lab router, multi\\nline',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208',
  '1.3.6.1.2.1.1.3.0|67|4294967295',
  '1.3.6.1.2.1.1.5.0|4x|6c61622d7231',
  '1.3.6.1.2.1.2.2.1.2.1|4|Gi0/1',
  '1.3.6.1.2.1.2.2.1.2.2|4|Gi0/2',
  '1.3.6.1.2.1.2.2.1.5.1|66|4294967295',
  '1.3.6.1.2.1.2.2.1.7.1|2|-1',
  '1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1',
  '1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615',
  ''
].join('\r\n')

let responder: SnmpResponder
before(async () => {
  responder = await startSnmpResponder({ recordings: new Map([['lab-r1', parseSnmprec(RECORDING)]]) })
})
after(() => responder.close())

function session (community: string) {
  return snmp.createSession('127.0.0.1', community, { port: responder.port, version: snmp.Version2c, timeout: 500, retries: 0 })
}

test('lab snmp responder - GET returns typed values and noSuchObject for missing OIDs', async () => {
  const s = session('lab-r1')
  try {
    const vbs = await new Promise<any[]>((resolve, reject) => s.get(['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.9.0'], (e: Error | null, v: any[]) => e ? reject(e) : resolve(v)))
    assert.equal(vbs[0].value.toString(), 'lab-r1')
    assert.equal(vbs[1].type, snmp.ObjectType.TimeTicks)
    assert.equal(vbs[1].value, 4294967295)
    assert.equal(vbs[2].type, snmp.ObjectType.NoSuchObject)
  } finally { s.close() }
})

test('lab snmp responder - snmpbulkwalk (net-snmp C tools) walks a subtree in order', async () => {
  const { stdout } = await promisify(execFile)('snmpbulkwalk', ['-v2c', '-c', 'lab-r1', '-On', '-t', '1', '-r', '0', `127.0.0.1:${responder.port}`, '1.3.6.1.2'])
  const lines = stdout.trim().split('\n')
  assert.match(lines.at(-1) ?? '', /No more variables left in this MIB View/, 'the walk ends at endOfMibView')
  const oids = lines.slice(0, -1).map((l) => l.split(' ')[0])
  assert.deepEqual(oids, [
    '.1.3.6.1.2.1.1.1.0', '.1.3.6.1.2.1.1.2.0', '.1.3.6.1.2.1.1.3.0', '.1.3.6.1.2.1.1.5.0',
    '.1.3.6.1.2.1.2.2.1.2.1', '.1.3.6.1.2.1.2.2.1.2.2', '.1.3.6.1.2.1.2.2.1.5.1', '.1.3.6.1.2.1.2.2.1.7.1',
    '.1.3.6.1.2.1.4.20.1.1.10.0.0.1', '.1.3.6.1.2.1.31.1.1.1.6.1'
  ])
  assert.match(stdout, /Gauge32: 4294967295/)
  assert.match(stdout, /INTEGER: -1/)
  assert.match(stdout, /IpAddress: 10\.0\.0\.1/)
  assert.match(stdout, /Counter64: 18446744073709551615/)
  assert.match(stdout, /OID: \.1\.3\.6\.1\.4\.1\.9\.1\.1208/)
})

test('lab snmp responder - a wrong community gets no answer (the client times out)', async () => {
  const s = session('nope')
  try {
    await assert.rejects(new Promise((resolve, reject) => s.get(['1.3.6.1.2.1.1.5.0'], (e: Error | null, v: unknown) => e ? reject(e) : resolve(v))), /timed out/i)
  } finally { s.close() }
})
