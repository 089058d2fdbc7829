// What a person would see on the terminal, rebuilt from what a device writes to a pty. Devices
// erase their paging prompts with backspaces, "\r" plus spaces, or ANSI "erase line", and color
// their prompts; rendering the line the way a terminal does (cursor, overwrite, erase) instead of
// deleting patterns leaves exactly the text the parsers expect.
import { StringDecoder } from 'node:string_decoder'

const ESC = 0x1b

export class TerminalBuffer {
  #lines: string[] = []
  #cur: string[] = []
  #col = 0
  #pending = ''
  #decoder = new StringDecoder('utf8')

  /** Feeds raw bytes or text as received from the channel. */
  write (chunk: Buffer | string): void {
    const text = this.#pending + (typeof chunk === 'string' ? chunk : this.#decoder.write(chunk))
    this.#pending = ''
    let i = 0
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === ESC) {
        const end = escapeEnd(text, i)
        if (end === -1) { this.#pending = text.slice(i); return }
        this.#escape(text.slice(i, end))
        i = end
        continue
      }
      if (c === 0x0a) this.#newline()
      else if (c === 0x0d) this.#col = 0
      else if (c === 0x08) this.#col = Math.max(0, this.#col - 1)
      else if (c === 0x09 || c >= 0x20) this.#put(text[i])
      // other C0 controls (BEL, NUL, SI/SO...) draw nothing
      i++
    }
  }

  /** Completed lines, trailing blanks trimmed. */
  lines (): string[] { return this.#lines }

  /** The line being written (a prompt waits here, with no newline after it). */
  current (): string { return this.#cur.join('') }

  /** Everything rendered so far, current line included. */
  text (): string {
    const cur = this.current()
    return cur === '' ? this.#lines.join('\n') : [...this.#lines, cur].join('\n')
  }

  /** Forgets the current line, e.g. a paging prompt already answered. */
  clearCurrent (): void { this.#cur = []; this.#col = 0 }

  clear (): void { this.#lines = []; this.clearCurrent() }

  #newline (): void {
    this.#lines.push(this.current().trimEnd())
    this.clearCurrent()
  }

  #put (ch: string): void {
    while (this.#cur.length < this.#col) this.#cur.push(' ')
    this.#cur[this.#col++] = ch
  }

  #escape (seq: string): void {
    if (seq[1] !== '[') return
    const final = seq[seq.length - 1]
    const params = seq.slice(2, -1)
    const n = Number.parseInt(params, 10)
    switch (final) {
      case 'K': // erase in line: 0 = to end, 1 = to start, 2 = whole line
        if (params === '' || n === 0) this.#cur.length = Math.min(this.#cur.length, this.#col)
        else if (n === 1) for (let k = 0; k < Math.min(this.#col + 1, this.#cur.length); k++) this.#cur[k] = ' '
        else if (n === 2) this.#cur = []
        break
      case 'D': this.#col = Math.max(0, this.#col - (Number.isNaN(n) ? 1 : n)); break
      case 'C': this.#col += Number.isNaN(n) ? 1 : n; break
      case 'G': this.#col = Math.max(0, (Number.isNaN(n) ? 1 : n) - 1); break
      case 'H': case 'f': { // cursor position: only the column is meaningful for a line renderer
        const col = Number.parseInt(params.split(';')[1] ?? '1', 10)
        this.#col = Math.max(0, (Number.isNaN(col) ? 1 : col) - 1)
        break
      }
      default: // colors, modes (bracketed paste...), scrolling: nothing to draw
    }
  }
}

/** Index just past the escape sequence starting at `i`, or -1 when it is cut by the chunk end. */
function escapeEnd (text: string, i: number): number {
  if (i + 1 >= text.length) return -1
  const kind = text[i + 1]
  if (kind === '[') {
    for (let j = i + 2; j < text.length; j++) {
      const c = text.charCodeAt(j)
      if (c >= 0x40 && c <= 0x7e) return j + 1
      if (c < 0x20) return j // malformed: drop the introducer, keep the control character
    }
    return -1
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
    // OSC/DCS strings (window titles) end with BEL or ESC \
    for (let j = i + 2; j < text.length; j++) {
      if (text.charCodeAt(j) === 0x07) return j + 1
      if (text.charCodeAt(j) === ESC) return j + 1 < text.length ? j + 2 : -1
    }
    return -1
  }
  if (kind === '(' || kind === ')' || kind === '#' || kind === '%') return i + 2 < text.length ? i + 3 : -1
  return i + 2
}

/**
 * Paging prompts the session answers with a space: IOS/EOS/NX-OS " --More-- ", XR " --More-- ",
 * Junos "---(more)---" / "---(more 45%)---", ProCurve "-- MORE --, next page: Space, ...",
 * Huawei-style "  ---- More ----".
 */
export const PAGING_PROMPT = /^\s*(?:-+\s*\(?\s*more(?:\s+\d+%)?\s*\)?\s*-+.*|<-+\s*more\s*-+>)\s*$/i

/** User name prompts of enable on ProCurve / ArubaOS-Switch. */
export const USERNAME_PROMPT = /(?:user ?name|login)\s*:\s*$/i

/** Password prompts of enable / privileged mode. */
export const PASSWORD_PROMPT = /(?:password|secret|passcode)\s*:\s*$/i

/**
 * A line that looks like a CLI prompt when nothing better is known: a name with no leading
 * blank, ending in > # $ or %, e.g. "core1>", "user@mx1> ", "user@host:~$ ", "[u@h ~]# ",
 * "ProCurve Switch 2824# ". A word character (or ) ] ~) must precede the mode character so banner
 * rules like "#######" do not count.
 */
export const GENERIC_PROMPT = /^[\w@.:~/()[\]-][\w@.:~/()[\] +-]{0,80}[\w)\]~]\s?[>#$%]\s?$/

/** The prompt without its mode character, to recognise it after "enable" changes > to #. */
export function promptBase (prompt: string): string {
  return prompt.trim().replace(/\s?[>#$%]$/, '')
}

/**
 * Lines that CLIs print instead of output when they reject a command. Checked on the first lines
 * only: IOS-style "%FAC-SEV-MNEMONIC" log lines have no blank after the percent sign.
 */
const REJECTION = [
  /^%\s+(?:Invalid|Incomplete|Ambiguous|Unknown|Unrecognized|Bad|Error|Unable|Command authorization|Authorization failed|Permission denied|Access denied)\b/i,
  /^(?:syntax error|unknown command|error:\s)/i,
  /^Invalid input\b/i,
  /^(?:-?\w*sh): .*(?:command not found|not found)$/
]

/** The rejection line if `output` is a CLI error instead of an answer. */
export function rejectionOf (output: string): string | undefined {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\^$/.test(l))
  for (const line of lines.slice(0, 3)) {
    if (REJECTION.some((re) => re.test(line))) return line
  }
  return undefined
}
