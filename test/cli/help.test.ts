import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMMANDS } from '../../cli/index.ts'
import { runCli } from '../helpers/cli.ts'

test('cli - tributary --help lists every subcommand', async () => {
  const r = await runCli(['--help'])
  assert.equal(r.code, 0)
  for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name}\\s+\\S`, 'm'), `${c.name} listed`)
})

test('cli - each subcommand --help says what it does, how to call it, and gives an example', async () => {
  const results = await Promise.all(COMMANDS.map(async (c) => ({ c, r: await runCli([c.name, '--help']) })))
  for (const { c, r } of results) {
    assert.equal(r.code, 0, `${c.name} --help exit code; stderr: ${r.stderr}`)
    assert.match(r.stdout, new RegExp(`^tributary ${c.name}`), `${c.name} help starts with its name`)
    assert.match(r.stdout, /Usage:\s+tributary /, `${c.name} help has a usage line`)
    assert.match(r.stdout, /Example/, `${c.name} help has an example`)
  }
})

test('cli - an unknown command exits 2 and shows the usage', async () => {
  const r = await runCli(['frobnicate'])
  assert.equal(r.code, 2)
  assert.match(r.stderr, /unknown command "frobnicate"/)
  assert.match(r.stderr, /Commands:/)
})

test('cli - server commands refuse a bad setting naming the key and source', async () => {
  const r = await runCli(['up', '--port', 'eighty'])
  assert.equal(r.code, 2)
  assert.match(r.stderr, /listen\.port \(from --port\): expected an integer, got "eighty"/)
  const i = await runCli(['ingester'], { TRIBUTARY_NATS_URL: '', TRIBUTARY_POSTGRES_URL: '' })
  assert.equal(i.code, 2)
  assert.match(i.stderr, /nats\.url: the ingester alone needs NATS/)
})
