// One status line on a terminal while a large scope is discovered: "targets done / total,
// failures". Written only when the stream is a TTY, so logs and pipes stay clean.

export interface ProgressStream {
  isTTY?: boolean
  write (text: string): unknown
}

export interface Progress {
  update (done: number, total: number, failed: number): void
  end (): void
}

const NO_PROGRESS: Progress = { update () {}, end () {} }

export function createProgress (policy: string, stream: ProgressStream | undefined): Progress {
  if (stream === undefined || stream.isTTY !== true) return NO_PROGRESS
  let shown = false
  return {
    update (done, total, failed) {
      shown = true
      stream.write(`\r\x1b[2K[${policy}] ${done}/${total} targets, ${failed} failed`)
    },
    end () {
      if (shown) stream.write('\n')
      shown = false
    }
  }
}
