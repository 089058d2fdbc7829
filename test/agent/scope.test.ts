import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expandScope, parseScopeTarget, scopeTargetSize } from '../../agent/index.ts'

test('scope - IPv4 CIDRs skip network and broadcast below /31; /31 and /32 keep every address', () => {
  assert.deepEqual(expandScope(['192.0.2.0/29']), ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'])
  assert.deepEqual(expandScope(['192.0.2.4/31']), ['192.0.2.4', '192.0.2.5'])
  assert.deepEqual(expandScope(['192.0.2.9/32']), ['192.0.2.9'])
  // A host address with a mask stands for its whole subnet.
  assert.deepEqual(expandScope(['192.0.2.5/30']), ['192.0.2.5', '192.0.2.6'])
})

test('scope - ranges in full and short form, IPv6 CIDRs and ranges, across a byte boundary', () => {
  assert.deepEqual(expandScope(['10.0.0.254-10.0.1.1']), ['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1'])
  assert.deepEqual(expandScope(['10.0.0.1-3']), ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
  assert.deepEqual(expandScope(['2001:db8::/126']), ['2001:db8::', '2001:db8::1', '2001:db8::2', '2001:db8::3'])
  assert.deepEqual(expandScope(['2001:db8::ff-2001:db8::100']), ['2001:db8::ff', '2001:db8::100'])
})

test('scope - host names and addresses pass through, duplicates are visited once', () => {
  assert.deepEqual(expandScope(['Core-SW1.example.net', '10.0.0.1', '10.0.0.1-2', '[2001:db8::1]']), ['core-sw1.example.net', '10.0.0.1', '10.0.0.2', '2001:db8::1'])
})

test('scope - the limit is checked on the count before expanding', () => {
  assert.throws(() => expandScope(['10.0.0.0/8']), { name: 'RangeError', message: 'expands to 16777214 addresses, more than the limit of 4096' })
  assert.throws(() => expandScope(['2001:db8::/64']), /expands to 18446744073709551616 addresses/)
  assert.equal(expandScope(['10.0.0.0/20'], 5000).length, 4094)
  assert.equal(scopeTargetSize(parseScopeTarget('10.0.0.0/8')), 16777214n)
})

test('scope - malformed targets are refused with the reason', () => {
  assert.throws(() => parseScopeTarget('10.0.0.0/33'), /not a valid CIDR/)
  assert.throws(() => parseScopeTarget('10.0.0.9-10.0.0.1'), /range end is before its start/)
  assert.throws(() => parseScopeTarget('10.0.0.1-2001:db8::1'), /not of one address family/)
  assert.throws(() => parseScopeTarget('300.1.1.1'), /not a valid IPv4 address/)
  assert.throws(() => parseScopeTarget('10.1'), /not a full IPv4 address/)
  assert.throws(() => parseScopeTarget('bad host!'), /neither a host name/)
  assert.throws(() => parseScopeTarget(''), /empty target/)
})
