// Prints {"pages": n, "text": [page texts]} for the PDF file given, with Mozilla's PDF.js. Run as
// its own process: PDF.js ships ES modules only, which the jest runtime does not load.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [file] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node test/support/pdf-text.mjs <file.pdf>');
  process.exit(2);
}
const document = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
const text = [];
for (let number = 1; number <= document.numPages; number += 1) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
}
process.stdout.write(`${JSON.stringify({ pages: document.numPages, text })}\n`);
