// Port-channel membership from `show etherchannel summary` (IOS), `show port-channel summary`
// (NX-OS, EOS): each row names a channel "Po1(SU)" and its members "Gi1/0/1(P)", wrapping
// onto continuation lines.
import { toLines } from './text.ts'
import { expandInterfaceName, type AbbreviationTable, CISCO_ABBREVIATIONS } from './interface-name.ts'

// An interface name ends in a digit; "LACP(a)" and other flagged protocol words do not.
const FLAGGED = /^([A-Za-z][\w/.:-]*\d)\(([A-Za-z]*\+?)\)$/

/** Members by LAG name: [{ lag, members }], names expanded with `table`. */
export function parseLagSummary (output: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): Array<{ lag: string, members: string[] }> {
  const out: Array<{ lag: string, members: string[] }> = []
  let current: { lag: string, members: string[] } | undefined
  for (const line of toLines(output)) {
    if (line.trim() === '' || /^-+[-+\s]*$/.test(line)) continue
    const tokens = line.trim().split(/\s+/)
    const flagged = tokens.map((t) => FLAGGED.exec(t)).filter((m): m is RegExpExecArray => m !== null)
    if (flagged.length === 0) continue
    const startsRow = /^\d+\s/.test(line) || /^\s*Po/i.test(line.trim()) && /^\s{0,8}Po/i.test(line)
    let members = flagged
    if (startsRow && /^(po|port-channel)/i.test(flagged[0][1])) {
      current = { lag: expandInterfaceName(flagged[0][1], table), members: [] }
      out.push(current)
      members = flagged.slice(1)
    }
    if (current === undefined) continue
    for (const m of members) current.members.push(expandInterfaceName(m[1], table))
  }
  return out
}
