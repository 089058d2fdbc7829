import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseTarget, SdkError, ERR_SDK_INVALID_TARGET } from '../../sdk/index.ts'

test('sdk target - schemes pick TLS, default ports and the method/token path prefix', () => {
  assert.deepEqual(parseTarget('grpc://localhost:8080/diode'), {
    tls: false, host: 'localhost', port: 8080, pathPrefix: '/diode', authority: 'localhost:8080', tokenUrl: 'http://localhost:8080/diode/auth/token'
  })
  assert.deepEqual(parseTarget('grpcs://diode.example.com/diode/'), {
    tls: true, host: 'diode.example.com', port: 443, pathPrefix: '/diode', authority: 'diode.example.com:443', tokenUrl: 'https://diode.example.com:443/diode/auth/token'
  })
  const http = parseTarget('http://10.0.0.5')
  assert.equal(http.tls, false)
  assert.equal(http.port, 80)
  assert.equal(http.pathPrefix, '')
  assert.equal(http.tokenUrl, 'http://10.0.0.5:80/auth/token')
  const https = parseTarget('https://h:8443/a/b///')
  assert.equal(https.tls, true)
  assert.equal(https.pathPrefix, '/a/b')
  assert.equal(parseTarget('grpc://h/').pathPrefix, '')
  const v6 = parseTarget('grpc://[::1]:9000')
  assert.equal(v6.host, '::1')
  assert.equal(v6.authority, '[::1]:9000')
})

test('sdk target - other schemes and malformed URLs are rejected with a clear error', () => {
  const cases: Array<[string, RegExp]> = [
    ['ftp://h/diode', /scheme "ftp" is not supported; use grpc:\/\/, grpcs:\/\/, http:\/\/ or https:\/\//],
    ['localhost:8080', /not supported|not a valid URL/],
    ['not a url', /not a valid URL/],
    ['', /target: expected a URL/],
    ['grpc://user:hunter2@h/diode', /credentials in the URL are not supported/],
    ['grpc://h/diode?x=1', /query strings/]
  ]
  for (const [target, message] of cases) {
    assert.throws(() => parseTarget(target), (err: unknown) => {
      assert.ok(err instanceof SdkError)
      assert.equal(err.code, ERR_SDK_INVALID_TARGET)
      assert.match(err.message, message)
      assert.ok(!err.message.includes('hunter2'), 'password echoed in the error')
      return true
    })
  }
})
