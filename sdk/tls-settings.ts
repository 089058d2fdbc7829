// TLS material shared by the gRPC channel and the token call, so both trust the same roots:
// Node's bundled roots (plus NODE_EXTRA_CA_CERTS) by default, or a PEM bundle from certFile /
// DIODE_CERT_FILE. Skipping verification keeps TLS: the Python SDK's fall-back to plaintext is a
// known bug (diode-sdk-python PR #114) that this SDK does not copy.
import { readFileSync } from 'node:fs'
import { credentials, type ChannelCredentials } from '@grpc/grpc-js'
import { SdkArgumentError, ERR_SDK_CERT_FILE } from './errors.ts'

export interface TlsSettings {
  tls: boolean
  /** PEM bundle to trust instead of the default roots. */
  ca: Buffer | undefined
  certFile: string | undefined
  /** False when DIODE_SKIP_TLS_VERIFY / skipTlsVerify asked to skip verification. */
  rejectUnauthorized: boolean
}

const TRUE_VALUES = new Set(['true', '1', 'yes', 'on'])

export function envFlag (value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.has(value.trim().toLowerCase())
}

export function resolveTlsSettings (tls: boolean, options: { certFile?: string, skipTlsVerify?: boolean }, env: NodeJS.ProcessEnv = process.env): TlsSettings {
  const certFile = options.certFile ?? (env.DIODE_CERT_FILE !== undefined && env.DIODE_CERT_FILE !== '' ? env.DIODE_CERT_FILE : undefined)
  const skip = options.skipTlsVerify ?? envFlag(env.DIODE_SKIP_TLS_VERIFY)
  let ca: Buffer | undefined
  if (tls && certFile !== undefined) {
    try {
      ca = readFileSync(certFile)
    } catch (err) {
      throw new SdkArgumentError(ERR_SDK_CERT_FILE, `certFile: cannot read CA bundle ${certFile}: ${(err as Error).message}`, { cause: err, field: 'certFile' })
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new SdkArgumentError(ERR_SDK_CERT_FILE, `certFile: ${certFile} holds no PEM certificate`, { field: 'certFile' })
    }
  }
  return { tls, ca, certFile, rejectUnauthorized: !skip }
}

export function channelCredentials (settings: TlsSettings): ChannelCredentials {
  if (!settings.tls) return credentials.createInsecure()
  return credentials.createSsl(settings.ca ?? null, null, null, settings.rejectUnauthorized ? {} : { rejectUnauthorized: false, checkServerIdentity: () => undefined })
}
