import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The non-empty lines of a text file with their 1-based numbers, read as a stream. */
export async function* readLines(file: string): AsyncGenerator<{ text: string; lineNumber: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() !== '') yield { text, lineNumber };
  }
}
