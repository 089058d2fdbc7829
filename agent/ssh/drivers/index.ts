// Every SSH platform driver by its config name. The runner picks one by `platform`, or tries
// them in order for auto-detection.
import type { Driver } from '../driver.ts'
import { ciscoIos } from './cisco-ios.ts'
import { linux } from './linux.ts'
import { ciscoNxos } from './cisco-nxos.ts'
import { ciscoXr } from './cisco-xr.ts'
import { aristaEos } from './arista-eos.ts'
import { juniperJunos } from './juniper-junos.ts'
import { hpProcurve } from './hp-procurve.ts'

export const DRIVERS: Record<string, Driver> = {
  linux,
  cisco_ios: ciscoIos,
  cisco_nxos: ciscoNxos,
  cisco_xr: ciscoXr,
  arista_eos: aristaEos,
  juniper_junos: juniperJunos,
  hp_procurve: hpProcurve
}
