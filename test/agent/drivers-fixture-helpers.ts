// Reads the project's own CLI fixtures (test/fixtures/cli/<platform>/<command>.txt|.json) and
// runs them through a driver with its exceptions let through.
import { readFileSync } from 'node:fs'
import { DRIVERS } from '../../agent/ssh/drivers/index.ts'
import type { PlatformDriver } from '../../agent/ssh/drivers/define-driver.ts'
import type { DeviceFragment } from '../../agent/ssh/driver.ts'

export const FIXTURES = new URL('../fixtures/cli/', import.meta.url).pathname

/** The fixture file for a command: spaces become "_", a JSON pipe selects the .json file. */
export function fixtureFile (platform: string, command: string): string {
  const json = /\|\s*(display\s+)?json\s*$/.test(command)
  const base = command.replace(/\|.*$/, '').trim().replace(/\s+/g, '_')
  return `${FIXTURES}${platform}/${base}.${json ? 'json' : 'txt'}`
}

export function fixture (platform: string, command: string): string {
  return readFileSync(fixtureFile(platform, command), 'utf8')
}

export function driver (platform: string): PlatformDriver {
  return DRIVERS[platform] as PlatformDriver
}

/** Parses the platform's fixture for `command`, failing the test on any exception. */
export function parseFixture (platform: string, command: string): DeviceFragment {
  return driver(platform).parseStrict(command, fixture(platform, command))
}
