import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import ssh2 from 'ssh2'
import { GENERIC_PROMPT, PAGING_PROMPT, TerminalBuffer, promptBase, rejectionOf } from '../../agent/ssh/terminal-text.ts'
import { checkHostKey, hostFieldMatches, knownHostName, parseKnownHosts, preferredHostKeyAlgorithms } from '../../agent/ssh/known-hosts.ts'

function render (...chunks: Array<string | Buffer>): TerminalBuffer {
  const t = new TerminalBuffer()
  for (const c of chunks) t.write(c)
  return t
}

test('ssh terminal - CR, backspace erasure and ANSI "erase line" leave what a terminal shows', () => {
  // IOS erases " --More-- " with backspaces, spaces and backspaces, then prints the next line over it
  const ios = render('line 1\r\n --More-- ', '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) + 'line 2\r\n')
  assert.deepEqual(ios.lines(), ['line 1', 'line 2'])
  // Junos: CR, spaces, CR
  assert.deepEqual(render('a\r\n---(more 42%)---', '\r' + ' '.repeat(16) + '\r' + 'b\r\n').lines(), ['a', 'b'])
  // ProCurve: ESC[2K then CR; colours and bracketed-paste toggles draw nothing
  assert.deepEqual(render('x\r\n-- MORE --, next page: Space', '\x1b[2K\r\x1b[1;32my\x1b[0m\r\n\x1b[?2004h').lines(), ['x', 'y'])
  // CR inside a line overwrites from column 0
  assert.equal(render('abcdef\rXY').current(), 'XYcdef')
  // ESC[K erases from the cursor to the end
  assert.equal(render('abcdef\r\x1b[K12').current(), '12')
})

test('ssh terminal - escape sequences and UTF-8 split across chunks are reassembled', () => {
  const t = render('r1\x1b', '[0', 'm#', Buffer.from('caf\xc3', 'latin1'), Buffer.from('\xa9 ok\r\n', 'latin1'))
  assert.deepEqual(t.lines(), ['r1#café ok'])
  assert.equal(render('title\x1b]0;user@host: ~', '\x07$ ').current(), 'title$ ')
})

test('ssh terminal - paging prompts are recognised, ordinary lines are not', () => {
  for (const p of [' --More-- ', '--More--', '-- More --', '---(more)---', '---(more 45%)---', '-- MORE --, next page: Space, next line: Enter, quit: Control-C', '  ---- More ----']) {
    assert.ok(PAGING_PROMPT.test(p), p)
  }
  for (const l of ['Gi0/1 is up, more or less', 'More than 5 errors', 'core1#', '']) assert.ok(!PAGING_PROMPT.test(l), l)
})

test('ssh terminal - generic prompts match CLI prompts but not banner rules or MOTD text', () => {
  for (const p of ['core1>', 'core1#', 'admin@mx1> ', 'user@host:~$ ', '[root@host ~]# ', 'RP/0/RSP0/CPU0:xr1#', 'ProCurve Switch 2824# ', 'HP-2920-24G> ']) {
    assert.ok(GENERIC_PROMPT.test(p), p)
  }
  for (const l of ['##########', '# edge1 - lab edge router #', 'Last login: Fri Nov 27 20:11:04 2026 from 192.168.50.5', '   indented>', '']) {
    assert.ok(!GENERIC_PROMPT.test(l), l)
  }
  assert.equal(promptBase('core1>'), 'core1')
  assert.equal(promptBase('admin@mx1> '), 'admin@mx1')
  assert.equal(promptBase('user@host:~$ '), 'user@host:~')
})

test('ssh terminal - CLI rejections are found on the first lines only, log messages are not rejections', () => {
  assert.equal(rejectionOf("         ^\n% Invalid input detected at '^' marker.\n"), "% Invalid input detected at '^' marker.")
  assert.equal(rejectionOf("% Invalid command at '^' marker."), "% Invalid command at '^' marker.")
  assert.equal(rejectionOf('                 ^\nunknown command.'), 'unknown command.')
  assert.equal(rejectionOf('Invalid input: frob'), 'Invalid input: frob')
  assert.equal(rejectionOf('-bash: show: command not found'), '-bash: show: command not found')
  assert.equal(rejectionOf('% Command authorization failed.'), '% Command authorization failed.')
  assert.equal(rejectionOf('error: permission denied'), 'error: permission denied')
  // a feature that is off is an answer, not a rejection: the parser finds nothing in it
  assert.equal(rejectionOf('% LLDP is not enabled'), undefined)
  assert.equal(rejectionOf('%LINK-3-UPDOWN: Interface Gi0/1, changed state to up\nok'), undefined)
  assert.equal(rejectionOf('Cisco IOS Software, Version 17.9.4a\n' + 'x\n'.repeat(10) + '% Invalid input'), undefined)
})

test('ssh known_hosts - names, patterns, negation, hashed entries and markers', () => {
  assert.equal(knownHostName('Core1.Lab', 22), 'core1.lab')
  assert.equal(knownHostName('10.0.0.1', 2222), '[10.0.0.1]:2222')
  assert.ok(hostFieldMatches('core1,core1.lab,10.0.0.1', 'core1.lab'))
  assert.ok(hostFieldMatches('*.lab,!bad.lab', 'core1.lab'))
  assert.ok(!hostFieldMatches('*.lab,!bad.lab', 'bad.lab'))
  assert.ok(hostFieldMatches('[10.0.0.?]:2222', '[10.0.0.1]:2222'))
  assert.ok(!hostFieldMatches('10.0.0.1', '[10.0.0.1]:2222'), 'a port-22 entry does not cover another port')
  const salt = Buffer.from('0123456789abcdefghij')
  const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[10.0.0.1]:2222').digest('base64')}`
  assert.ok(hostFieldMatches(hashed, '[10.0.0.1]:2222'))
  assert.ok(!hostFieldMatches(hashed, '10.0.0.1'))

  const k1 = ssh2.utils.generateKeyPairSync('ed25519').public.split(' ')
  const k2 = ssh2.utils.generateKeyPairSync('ed25519').public.split(' ')
  const ec = ssh2.utils.generateKeyPairSync('ecdsa', { bits: 256 }).public.split(' ')
  const blob = (k: string[]): Buffer => Buffer.from(k[1], 'base64')
  const entries = parseKnownHosts([
    '# comment', '',
    `[10.0.0.1]:2222 ${k1[0]} ${k1[1]} lab`,
    `@revoked * ${k2[0]} ${k2[1]}`,
    `@cert-authority *.lab ${ec[0]} ${ec[1]}`,
    'garbage line',
    `10.0.0.9 ssh-ed25519 ${ec[1]}` // type in the blob disagrees with the field: skipped
  ].join('\n'))
  assert.equal(entries.length, 3)
  assert.equal(checkHostKey(entries, '[10.0.0.1]:2222', blob(k1)), 'match')
  assert.equal(checkHostKey(entries, '[10.0.0.1]:2222', blob(k2)), 'revoked')
  assert.equal(checkHostKey(entries, '[10.0.0.1]:2222', blob(ec)), 'unknown', 'a key of another type is new, not changed')
  assert.equal(checkHostKey(entries, '[10.0.0.2]:2222', blob(k1)), 'unknown')
  const k3 = ssh2.utils.generateKeyPairSync('ed25519').public.split(' ')
  assert.equal(checkHostKey(entries, '[10.0.0.1]:2222', blob(k3)), 'changed')
  assert.deepEqual(preferredHostKeyAlgorithms(entries.filter((e) => e.keyType === 'ssh-ed25519' && e.marker === undefined))?.[0], 'ssh-ed25519')
  assert.equal(preferredHostKeyAlgorithms([]), undefined)
})
