// The ES256 key that signs access tokens: given in config as PEM, or generated on first start and
// kept in the store so restarts and sibling ingesters keep accepting the tokens already issued.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { Db } from '../../store/index.ts'
import { IngesterArgumentError } from '../errors.ts'

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
}

function fromPrivate (privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new IngesterArgumentError('signingKeyPem must be an EC P-256 private key (ES256)')
  }
  const publicKey = createPublicKey(privateKey)
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16)
  return { kid, privateKey, publicKey }
}

/** Parses a PKCS#8 or SEC1 PEM; the error never quotes the key. */
export function signingKeyFromPem (pem: string): SigningKey {
  let key: KeyObject
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch (cause) {
    throw new IngesterArgumentError('signingKeyPem is not a readable PEM private key', { cause })
  }
  return fromPrivate(key)
}

/** Loads the stored key, creating it when the store has none (first start). */
export async function loadOrCreateSigningKey (db: Db): Promise<SigningKey> {
  const read = async (): Promise<SigningKey | undefined> => {
    const r = await db.query<{ private_key_pem: string }>('select private_key_pem from token_signing_key order by created_at, kid limit 1')
    return r.rows[0] ? signingKeyFromPem(r.rows[0].private_key_pem) : undefined
  }
  const existing = await read()
  if (existing) return existing
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const key = fromPrivate(privateKey)
  await db.query('insert into token_signing_key (kid, algorithm, private_key_pem, public_key_pem) values ($1, $2, $3, $4) on conflict do nothing', [
    key.kid, 'ES256',
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    key.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  ])
  // Two ingesters starting together may both insert; all of them use the oldest row.
  return (await read())!
}
