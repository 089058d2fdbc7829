// The device name a CLI prompt shows, for outputs that do not carry one (the runner knows the
// prompt; the parsers only see outputs). Prompts dress the name up differently per platform:
// "RP/0/RSP0/CPU0:pe1#", "admin@mx1>", "{master:0}\nadmin@ex1>", "sw1(config-if)#",
// "leaf1(s1)>", "HP-2530-24G#".

/** The hostname in a prompt line, or undefined when the text does not look like a prompt. */
export function hostnameFromPrompt (prompt: string): string | undefined {
  const lines = prompt.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\{[\w:]+\}$/.test(l))
  const line = lines[lines.length - 1]
  if (line === undefined) return undefined
  const m = /^(?:RP\/[\w/]+:)?(?:[\w.-]+@)?([A-Za-z0-9][\w.-]*?)(?:\([\w.:/-]*\))*\s?[>#%$]$/.exec(line)
  return m === null ? undefined : m[1]
}
