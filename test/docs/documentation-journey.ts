// Follows documents as a reader does, block after block, and checks what the text says each block
// shows. The spec files name the documents; the convention is in docs/contributing.md.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildApi } from '../support/api-process';
import { type Check, type DocBlock, pathShows, readDocBlocks } from './doc-blocks';
import { type CommandOutcome, ReaderSession } from './reader-session';

const ROOT = path.resolve(__dirname, '..', '..');
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);

export function documentBlocks(file: string): DocBlock[] {
  return readDocBlocks(file, readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The guides in the order the README links them, the order a reader follows. */
export function guidesInReadingOrder(): { linked: string[]; present: string[] } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = [
    ...new Set([...readme.matchAll(/\((docs\/guides\/[\w-]+\.md)\)/g)].map((match) => match[1] ?? '')),
  ];
  const present = readdirSync(path.join(ROOT, 'docs', 'guides'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/guides/${name}`);
  return { linked, present };
}

/** Every block of the documents either runs or says why it is only illustrative. */
export function unmarkedBlocks(blocks: readonly DocBlock[]): string[] {
  return blocks
    .filter(
      (block) =>
        block.marker === null || (block.marker.kind === 'run' && !SHELL_LANGUAGES.has(block.language)),
    )
    .map((block) => `${block.file}:${block.line}`);
}

/**
 * Declares one test per runnable block, in document order, sharing one reader session (so one api
 * and what earlier blocks exported). Tests in a file run in order; a failed block is reported and
 * the reader carries on, as a reader would.
 */
export function followAsAReader(files: readonly string[]): void {
  const blocks = files.flatMap(documentBlocks);
  let session: ReaderSession;

  beforeAll(async () => {
    await buildApi();
    session = new ReaderSession();
  });

  afterAll(async () => {
    await session.close();
  });

  it('should mark every block of these documents as run or illustrative (with a reason)', () => {
    expect(unmarkedBlocks(blocks)).toEqual([]);
  });

  for (const block of blocks) {
    if (block.marker?.kind !== 'run') continue;
    const checks = block.marker.checks;
    const title = `${block.file}:${block.line} ${block.commands[0]?.slice(0, 60) ?? ''}`;
    it(`should show what the text says: ${title}`, async () => {
      const problems: string[] = [];
      for (const [index, command] of block.commands.entries()) {
        const outcome = await session.run(command);
        const own = checks.filter((check) => check.command === index + 1);
        problems.push(...failedChecks(outcome, own, session));
      }
      expect(problems).toEqual([]);
    });
  }
}

function failedChecks(outcome: CommandOutcome, checks: readonly Check[], session: ReaderSession): string[] {
  const problems: string[] = [];
  const shown = (): string =>
    `\n  $ ${outcome.command}\n  exit ${outcome.code}\n  stdout: ${outcome.stdout.slice(0, 1500)}\n  stderr: ${outcome.stderr.slice(0, 1500)}`;
  const expectedExit = checks.find((check) => check.assertion.kind === 'exit');
  const exitCode = expectedExit?.assertion.kind === 'exit' ? expectedExit.assertion.code : 0;
  if (outcome.code !== exitCode) problems.push(`expected exit ${exitCode}${shown()}`);

  const answer = parseJson(outcome.stdout);
  const checksErrors = checks.some(
    (check) => check.assertion.kind === 'equals' && check.assertion.path.startsWith('errors'),
  );
  if (isObject(answer) && answer.errors !== undefined && !checksErrors)
    problems.push(`the answer holds errors the text does not mention${shown()}`);

  for (const check of checks) {
    const { assertion } = check;
    switch (assertion.kind) {
      case 'exit':
        break;
      case 'prints':
        if (!`${outcome.stdout}\n${outcome.stderr}`.includes(assertion.text))
          problems.push(`"${check.text}": not printed${shown()}`);
        break;
      case 'writes':
        if (!session.wrote(assertion.file)) problems.push(`"${check.text}": no such file${shown()}`);
        break;
      case 'equals':
        if (answer === undefined) problems.push(`"${check.text}": the output is not JSON${shown()}`);
        else if (!pathShows(answer, assertion.path, assertion.expected))
          problems.push(`"${check.text}" does not hold${shown()}`);
        break;
    }
  }
  return problems;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
