// SNMPv3 against Debian's snmpd (a real USM engine): every authentication and privacy protocol
// the model offers, and wrong keys that end in clear errors without the keys in them.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { collectSnmp, freeUdpPort, type SnmpError } from '../../../agent/snmp/index.ts'
import type { SnmpCredential } from '../../../agent/model.ts'
import { captureLogger } from './helpers.ts'

const USERS: Array<SnmpCredential & { conf: string }> = [
  { version: '3', username: 'shaaes', authProtocol: 'sha', authKey: 'authpass-sha1', privProtocol: 'aes', privKey: 'privpass-aes1', conf: 'SHA authpass-sha1 AES privpass-aes1' },
  { version: '3', username: 'md5des', authProtocol: 'md5', authKey: 'authpass-md5x', privProtocol: 'des', privKey: 'privpass-desx', conf: 'MD5 authpass-md5x DES privpass-desx' },
  { version: '3', username: 'sha224aes', authProtocol: 'sha224', authKey: 'authpass-sha224', privProtocol: 'aes', privKey: 'privpass-aes224', conf: 'SHA-224 authpass-sha224 AES privpass-aes224' },
  { version: '3', username: 'sha256aes192', authProtocol: 'sha256', authKey: 'authpass-sha256', privProtocol: 'aes192', privKey: 'privpass-aes192', conf: 'SHA-256 authpass-sha256 AES-192 privpass-aes192' },
  { version: '3', username: 'sha384aes256', authProtocol: 'sha384', authKey: 'authpass-sha384', privProtocol: 'aes256', privKey: 'privpass-aes256x', conf: 'SHA-384 authpass-sha384 AES-256 privpass-aes256x' },
  { version: '3', username: 'sha512aes256', authProtocol: 'sha512', authKey: 'authpass-sha512', privProtocol: 'aes256', privKey: 'privpass-aes256', conf: 'SHA-512 authpass-sha512 AES-256 privpass-aes256' },
  { version: '3', username: 'shaauthonly', authProtocol: 'sha', authKey: 'authpass-only1', conf: 'SHA authpass-only1' }
]

let dir: string
let port: number
let snmpd: ChildProcess | undefined

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-snmpd-'))
  port = await freeUdpPort()
  const conf = [
    ...USERS.map((u) => `createUser ${u.username} ${u.conf}`),
    ...USERS.map((u) => `rouser ${u.username} ${u.privKey === undefined ? 'auth' : 'priv'}`),
    'sysName v3-lab.example.net',
    'sysDescr Linux v3-lab 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64',
    'sysObjectID .1.3.6.1.4.1.8072.3.2.10'
  ].join('\n') + '\n'
  writeFileSync(join(dir, 'snmpd.conf'), conf)
  snmpd = spawn('/usr/sbin/snmpd', ['-f', '-Lo', '-C', '-c', join(dir, 'snmpd.conf'), `udp:127.0.0.1:${port}`], { env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '' }, stdio: 'ignore' })
  // Ready when it answers.
  for (let i = 0; i < 50; i++) {
    try {
      await collectSnmp({ host: '127.0.0.1', port, timeout: 200, retries: 0, credentials: [USERS[0]] })
      return
    } catch {
      await sleep(100)
    }
  }
  throw new Error('snmpd did not start')
})

after(async () => {
  if (snmpd !== undefined && snmpd.exitCode === null) {
    const exited = new Promise((resolve) => snmpd?.once('exit', resolve))
    snmpd.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('snmp collector with SNMPv3 (snmpd)', () => {
  for (const user of USERS) {
    it(`snmp - v3 ${user.authProtocol}${user.privProtocol === undefined ? ' authNoPriv' : `/${user.privProtocol} authPriv`} reads the device`, async () => {
      const { conf: _conf, ...credential } = user
      const result = await collectSnmp({ host: '127.0.0.1', port, timeout: 2000, retries: 0, credentials: [credential] })
      assert.equal(result.device.hostname, 'v3-lab.example.net')
      assert.equal(result.device.manufacturer, 'Net-SNMP')
      assert.equal(result.device.osFamily, 'linux')
      assert.equal(result.device.platform, 'Linux 6.1.0-18-amd64')
      assert.ok(result.device.interfaces.some((i) => i.name === 'lo' && i.type === 'virtual'))
    })
  }

  it('snmp - a wrong v3 authentication key ends with ERR_SNMP_AUTH and never shows a key', async () => {
    const { logger, lines } = captureLogger('trace')
    const credential: SnmpCredential = { version: '3', username: 'shaaes', authProtocol: 'sha', authKey: 'WRONG-auth-key-123', privProtocol: 'aes', privKey: 'privpass-aes1' }
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 1000, retries: 0, credentials: [credential] }, { logger }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_AUTH')
      assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}.*probe.*Wrong Digest`))
      const text = [err.message, String(err.stack), String((err.cause as Error)?.message), JSON.stringify(err), lines()].join('\n')
      for (const secret of ['WRONG-auth-key-123', 'privpass-aes1']) assert.ok(!text.includes(secret), secret)
      return true
    })
  })

  it('snmp - an unknown v3 user ends with ERR_SNMP_AUTH', async () => {
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 1000, retries: 0, credentials: [{ version: '3', username: 'nobody-here', authProtocol: 'sha', authKey: 'authpass-sha1' }] }), { code: 'ERR_SNMP_AUTH', message: /Unknown User Name/ })
  })

  it('snmp - a wrong v3 privacy key times out (the agent drops what it cannot decrypt) and says so', async () => {
    const credential: SnmpCredential = { version: '3', username: 'shaaes', authProtocol: 'sha', authKey: 'authpass-sha1', privProtocol: 'aes', privKey: 'WRONG-priv-key-456' }
    await assert.rejects(collectSnmp({ host: '127.0.0.1', port, timeout: 300, retries: 0, credentials: [credential] }), (err: SnmpError) => {
      assert.equal(err.code, 'ERR_SNMP_TIMEOUT')
      assert.match(err.message, /privacy key/)
      assert.ok(!err.message.includes('WRONG-priv-key-456'))
      return true
    })
  })

  it('snmp - a failing v3 credential falls through to the next one', async () => {
    const bad: SnmpCredential = { version: '3', username: 'shaaes', authProtocol: 'sha', authKey: 'WRONG-auth-key-123' }
    const { conf: _conf, ...good } = USERS[3]
    const result = await collectSnmp({ host: '127.0.0.1', port, timeout: 1000, retries: 0, credentials: [bad, good] })
    assert.equal(result.credentialIndex, 1)
  })
})
