import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { EXIT } from '../exit-codes';

/** Where a command writes its data: a file, or standard output when no file is named. */
export interface Output {
  write: (text: string) => Promise<void>;
  close: () => Promise<void>;
}

export function openOutput(file: string | undefined): Output {
  const stream: Writable = file === undefined ? process.stdout : createWriteStream(file, { flags: 'w' });
  // A reader that stops early (`| head`) is not an error of ours.
  if (file === undefined) stream.once('error', exitQuietlyOnClosedPipe);
  return {
    write: async (text) => {
      // Respect back-pressure, so a large export never piles up in memory.
      if (!stream.write(text)) await once(stream, 'drain');
    },
    close: async () => {
      if (file === undefined) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}

function exitQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.ok);
}
