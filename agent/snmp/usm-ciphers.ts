// SNMPv3 privacy protocols that net-snmp lacks or cannot run on Node 20, registered once:
// - DES (RFC 3414 8.1.1): OpenSSL 3 moved des-cbc to the legacy provider, so net-snmp's DES throws
//   unless node runs with --openssl-legacy-provider. Triple DES with K1 = K2 = K3 is single DES
//   (EDE collapses to E), and des-ede3-cbc is still in the default provider.
// - AES-192 (draft-blumenthal-aes-usm-04, what Net-SNMP's "AES-192" and most vendors implement):
//   net-snmp has AES-128 and two AES-256 variants only. The key extension and IV are the same as
//   its AES-256 "Blumenthal" variant, so only the key length differs.
import crypto from 'node:crypto'
import snmp from 'net-snmp'

/** net-snmp privProtocol number used for AES-192 (unused by the library). */
export const PRIV_AES192 = 10

interface Engine { engineID: Buffer, engineBoots: number, engineTime: number }
interface Algorithm {
  CRYPTO_ALGORITHM: string
  KEY_LENGTH: number
  BLOCK_LENGTH: number
  encryptPdu: (...args: any[]) => unknown
  decryptPdu: (...args: any[]) => unknown
  localizationAlgorithm: (...args: any[]) => unknown
}

let installed = false

function desKeyAndPreIv (authProtocol: number, privPassword: string, engineID: Buffer): { key: Buffer, preIv: Buffer } {
  const localized = snmp.Authentication.passwordToKey(authProtocol, privPassword, engineID)
  const des = localized.subarray(0, 8)
  return { key: Buffer.concat([des, des, des]), preIv: localized.subarray(8, 16) }
}

let desSaltCounter = crypto.randomBytes(4).readUInt32BE(0)

function encryptDes (scopedPdu: Buffer, _privProtocol: number, privPassword: string, authProtocol: number, engine: Engine): { encryptedPdu: Buffer, msgPrivacyParameters: Buffer } {
  const { key, preIv } = desKeyAndPreIv(authProtocol, privPassword, engine.engineID)
  // The salt must never repeat under one key (RFC 3414 8.1.1.1): boots + a running counter.
  const salt = Buffer.alloc(8)
  salt.writeUInt32BE(1, 0)
  desSaltCounter = (desSaltCounter + 1) >>> 0
  salt.writeUInt32BE(desSaltCounter, 4)
  const iv = Buffer.alloc(8)
  for (let i = 0; i < 8; i++) iv[i] = preIv[i] ^ salt[i]
  const padded = Buffer.alloc(Math.ceil(scopedPdu.length / 8) * 8)
  scopedPdu.copy(padded)
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv)
  cipher.setAutoPadding(false)
  return { encryptedPdu: Buffer.concat([cipher.update(padded), cipher.final()]), msgPrivacyParameters: salt }
}

function decryptDes (encryptedPdu: Buffer, _privProtocol: number, privParameters: Buffer, privPassword: string, authProtocol: number, engine: Engine): Buffer {
  const { key, preIv } = desKeyAndPreIv(authProtocol, privPassword, engine.engineID)
  const iv = Buffer.alloc(8)
  for (let i = 0; i < 8; i++) iv[i] = preIv[i] ^ privParameters[i]
  const decipher = crypto.createDecipheriv('des-ede3-cbc', key, iv)
  decipher.setAutoPadding(false)
  return Buffer.concat([decipher.update(encryptedPdu), decipher.final()])
}

function hasCipher (name: string): boolean {
  try {
    crypto.createCipheriv(name, Buffer.alloc(name.startsWith('des-ede3') ? 24 : 8), Buffer.alloc(8))
    return true
  } catch {
    return false
  }
}

export function installUsmCiphers (): void {
  if (installed) return
  installed = true
  const algorithms = snmp.Encryption.algorithms as Record<number, Algorithm>
  const des = algorithms[snmp.PrivProtocols.des as number]
  if (des !== undefined && !hasCipher('des-cbc')) {
    des.encryptPdu = encryptDes
    des.decryptPdu = decryptDes
  }
  const aes256b = algorithms[snmp.PrivProtocols.aes256b as number]
  if (aes256b !== undefined && algorithms[PRIV_AES192] === undefined) {
    algorithms[PRIV_AES192] = { ...aes256b, CRYPTO_ALGORITHM: 'aes-192-cfb', KEY_LENGTH: 24 }
  }
}
