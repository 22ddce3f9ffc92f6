// Where streamed output goes: chunks are gathered into blocks of about 64 KB and written to a stream (with
// its back-pressure honoured) or to a file descriptor, so memory stays flat whatever the output's size.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

const BLOCK = 64 * 1024;

/** The part of a writable stream the CLI needs (process.stdout, or a test's collector). */
export interface ChunkStream {
  write(chunk: string): unknown;
  /** When present and `write` returned false, writing resumes on `drain`. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Blocks written between two turns of the event loop (a Ctrl-C or a timer is handled within ~4 MB). */
const BLOCKS_PER_TURN = 64;

/** Writes every chunk to `out` in blocks, waiting for `drain` whenever the stream asks to. */
export async function writeChunks(chunks: Iterable<string>, out: ChunkStream): Promise<void> {
  let block = '';
  let blocks = 0;
  const flush = async (): Promise<void> => {
    if (block === '') return;
    const accepted = out.write(block);
    block = '';
    if (accepted === false && out.once) await new Promise<void>((resolve) => out.once?.('drain', resolve));
    else if (++blocks % BLOCKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= BLOCK) await flush();
  }
  await flush();
}

/**
 * Writes every chunk to `target` through a temporary file renamed into place at the end, so a failure
 * half-way never leaves a truncated report where a complete one is expected.
 */
export function writeChunksToFile(chunks: Iterable<string>, target: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let open = true;
  try {
    let block = '';
    for (const chunk of chunks) {
      block += chunk;
      if (block.length >= BLOCK) {
        writeSync(fd, block);
        block = '';
      }
    }
    if (block !== '') writeSync(fd, block);
    closeSync(fd);
    open = false;
    renameSync(temporary, target);
  } catch (error) {
    if (open) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
