// Line and block helpers shared by the CLI parsers. Real outputs carry CR, trailing blanks,
// tabs and the odd backspace from a pager; every parser starts from clean lines.

/** Splits output into lines without CR or trailing whitespace; tabs become spaces. */
export function toLines (output: string): string[] {
  return output
    .replace(/\r\n?/g, '\n')
    .replace(/[^\n]\x08/g, '')
    .split('\n')
    .map((l) => l.replace(/\t/g, '    ').replace(/\s+$/, ''))
}

/**
 * Cuts lines into blocks, each starting at a line `isStart` accepts. Lines before the first
 * start are dropped: headers and banners belong to no block.
 */
export function splitBlocks (lines: readonly string[], isStart: (line: string) => boolean): string[][] {
  const blocks: string[][] = []
  let current: string[] | undefined
  for (const line of lines) {
    if (isStart(line)) {
      current = [line]
      blocks.push(current)
    } else if (current !== undefined) {
      current.push(line)
    }
  }
  return blocks
}

/** First capture group of the first line that matches, trimmed; undefined when none does. */
export function firstMatch (lines: readonly string[], re: RegExp): string | undefined {
  for (const line of lines) {
    const m = re.exec(line)
    if (m !== null) return (m[1] ?? m[0]).trim()
  }
  return undefined
}

/** Like firstMatch, over the whole text (for patterns that span lines). */
export function matchText (text: string, re: RegExp): string | undefined {
  const m = re.exec(text)
  return m === null ? undefined : (m[1] ?? m[0]).trim()
}

/** A value that is empty or a placeholder ("--", "N/A", "not advertised") becomes undefined. */
export function clean (value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined
  const v = value.trim().replace(/^"(.*)"$/, '$1').trim()
  if (v === '' || /^(--+|n\/a|none|null|not advertised|unknown|\(none\))$/i.test(v)) return undefined
  return v
}

/** Parses an integer, returning undefined on anything that is not one. */
export function toInt (value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const v = value.trim().replace(/,/g, '')
  if (!/^-?\d+$/.test(v)) return undefined
  const n = Number.parseInt(v, 10)
  return Number.isSafeInteger(n) ? n : undefined
}

export interface Column {
  name: string
  start: number
  /** Exclusive end; undefined for the last column (to the end of the line). */
  end?: number
}

/**
 * Reads the columns of a fixed-width table from its header line: each column starts where
 * its title starts. Titles are given because some contain spaces ("Port ID").
 */
export function columnsFromHeader (header: string, titles: readonly string[]): Column[] | undefined {
  const cols: Column[] = []
  let from = 0
  for (const title of titles) {
    const at = header.indexOf(title, from)
    if (at < 0) return undefined
    cols.push({ name: title, start: at })
    from = at + title.length
  }
  for (let i = 0; i < cols.length - 1; i++) cols[i].end = cols[i + 1].start
  return cols
}

/**
 * Cuts one row by columns. A value that spills left of its column start (wide cells pushed
 * the row) is kept whole by cutting at whitespace nearest the column boundary.
 */
export function cutRow (line: string, cols: readonly Column[]): Record<string, string> {
  const out: Record<string, string> = {}
  let pos = 0
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i]
    let end = col.end === undefined ? line.length : col.end
    if (end < line.length && line[end] !== ' ' && line[end - 1] !== ' ') {
      // The boundary falls inside a word. If this cell already holds a value before that
      // word, the word belongs to the next column (pushed left); otherwise this cell's value
      // runs into the next column and is kept whole.
      const back = line.lastIndexOf(' ', end)
      if (back > pos && line.slice(pos, back).trim() !== '') {
        end = back + 1
      } else {
        const sp = line.indexOf(' ', end)
        end = sp < 0 ? line.length : sp
      }
    }
    out[col.name] = line.slice(pos, Math.max(pos, end)).trim()
    pos = Math.max(pos, end)
  }
  return out
}

/** True for a separator line made of dashes, equals signs and spaces only. */
export function isRule (line: string): boolean {
  return /^[\s\-=+|]+$/.test(line) && /[-=]{3,}/.test(line)
}

/** Collapses runs of whitespace to one space and trims. */
export function squash (value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
