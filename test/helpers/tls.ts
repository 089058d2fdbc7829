// Throwaway PKI for TLS and mTLS tests, made with the openssl CLI: a CA, a server certificate for
// 127.0.0.1 / ::1 / localhost, a client certificate (for mTLS), and a second, unrelated CA whose
// trust must NOT let a client in. Everything lives in a temp dir removed by cleanup().
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface KeyPair {
  cert: Buffer
  key: Buffer
  certPath: string
  keyPath: string
}

export interface TestCerts {
  dir: string
  /** The CA that signed server and client; trust it with certFile / DIODE_CERT_FILE. */
  ca: KeyPair
  /** Server certificate, SAN IP:127.0.0.1, IP:::1, DNS:localhost and DNS:ingester.test (a name only a
   * test proxy resolves), extendedKeyUsage serverAuth. */
  server: KeyPair
  /** Client certificate (CN test-client), extendedKeyUsage clientAuth, signed by `ca`. */
  client: KeyPair
  /** A CA that signed nothing here: trusting only it must fail verification. */
  otherCa: KeyPair
  cleanup (): Promise<void>
}

async function openssl (dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir, timeout: 20_000 })
}

async function pair (dir: string, name: string): Promise<KeyPair> {
  const certPath = join(dir, `${name}.crt`)
  const keyPath = join(dir, `${name}.key`)
  return { cert: await readFile(certPath), key: await readFile(keyPath), certPath, keyPath }
}

async function makeCa (dir: string, name: string, cn: string): Promise<KeyPair> {
  await openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${cn}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'])
  return await pair(dir, name)
}

async function makeLeaf (dir: string, name: string, cn: string, extensions: string): Promise<KeyPair> {
  await writeFile(join(dir, `${name}.ext`), extensions)
  await openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`])
  await openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`])
  return await pair(dir, name)
}

/** Generates the CA, server, client and unrelated CA (about a second on a small machine). */
export async function createTestCerts (): Promise<TestCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-tls-'))
  try {
    const ca = await makeCa(dir, 'ca', 'Tributary Test CA')
    const server = await makeLeaf(dir, 'server', 'localhost',
      'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:ingester.test\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n')
    const client = await makeLeaf(dir, 'client', 'test-client',
      'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n')
    const otherCa = await makeCa(dir, 'other-ca', 'Unrelated Test CA')
    return { dir, ca, server, client, otherCa, cleanup: async () => { await rm(dir, { recursive: true, force: true }) } }
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
}
