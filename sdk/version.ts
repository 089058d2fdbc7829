// Identity the SDK reports in every request (sdk_name, sdk_version, user agent).
import { readFileSync } from 'node:fs'

export const SDK_NAME = 'tributary-sdk'

/** Version of the tributary package, e.g. "0.1.0"; Diode validates it as MAJOR.MINOR.PATCH. */
export const SDK_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
