// The documentation's code blocks and what the text around them says they show, read from the
// markdown itself (the convention is in docs/contributing.md#the-documentation-test):
//
//   <!-- docs-test: run
//   1: data.maturity.customerCentricityIndex = 27.88
//   2: exit 4
//   -->
//   ```sh
//   ...
//   ```
//
// A fence scanner of a few lines is enough here: the only markdown needed is fenced blocks and the
// HTML comment right before them, so a markdown parser would be a dependency for two regexes.

export interface DocBlock {
  /** Path relative to the repository root. */
  file: string;
  /** Line of the opening fence, 1-based. */
  line: number;
  language: string;
  /** The shell commands, one per line (continuation lines joined, comment lines dropped). */
  commands: string[];
  marker: Marker | null;
}

export type Marker = { kind: 'run'; checks: Check[] } | { kind: 'illustrative'; reason: string };

export interface Check {
  /** 1-based number of the command in its block. */
  command: number;
  assertion: Assertion;
  /** The check as written, for messages. */
  text: string;
}

export type Assertion =
  | { kind: 'equals'; path: string; expected: string }
  | { kind: 'exit'; code: number }
  | { kind: 'prints'; text: string }
  | { kind: 'writes'; file: string };

const MARKER = /^\s*<!--\s*docs-test:\s*(run|illustrative)\b([\s\S]*?)-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*$/;

/** Every fenced block of a markdown file, with the docs-test marker written before it (or null). */
export function readDocBlocks(file: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let pendingMarker: { text: string; line: number } | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^\s*<!--\s*docs-test:/.test(line)) {
      const start = index;
      while (!(lines[index] ?? '').includes('-->') && index < lines.length - 1) index += 1;
      pendingMarker = { text: lines.slice(start, index + 1).join('\n'), line: start + 1 };
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence === null) {
      if (line.trim() !== '') pendingMarker = null;
      continue;
    }
    const [, indent = '', opening = '', language = ''] = fence;
    const openingLine = index + 1;
    const body: string[] = [];
    index += 1;
    while (index < lines.length && !isClosingFence(lines[index] ?? '', opening)) {
      body.push((lines[index] ?? '').replace(new RegExp(`^ {0,${indent.length}}`), ''));
      index += 1;
    }
    const commands = shellCommands(body);
    const block: DocBlock = { file, line: openingLine, language, commands, marker: null };
    if (pendingMarker !== null) block.marker = parseMarker(pendingMarker.text, block, pendingMarker.line);
    blocks.push(block);
    pendingMarker = null;
  }
  return blocks;
}

function isClosingFence(line: string, opening: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(opening) && /^(`+|~+)$/.test(trimmed);
}

/** Shell lines as a reader pastes them: `\` continues a line, blank and `#` lines are not commands. */
export function shellCommands(body: readonly string[]): string[] {
  const commands: string[] = [];
  let current = '';
  for (const line of body) {
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line}\n`;
      continue;
    }
    commands.push(current + line);
    current = '';
  }
  if (current !== '') commands.push(current);
  return commands;
}

function parseMarker(text: string, block: DocBlock, line: number): Marker {
  const where = `${block.file}:${line}`;
  const match = MARKER.exec(text);
  if (match === null) throw new Error(`${where}: a docs-test marker is "run" or "illustrative: <reason>"`);
  const [, kind, rest = ''] = match;
  if (kind === 'illustrative') {
    const reason = rest.replace(/^\s*[:,-]?\s*/, '').trim();
    if (reason === '') throw new Error(`${where}: an illustrative block says why it is not run`);
    return { kind: 'illustrative', reason };
  }
  const checks = rest
    .split('\n')
    .map((checkLine) => checkLine.trim())
    .filter((checkLine) => checkLine !== '')
    .map((checkLine) => parseCheck(checkLine, block.commands.length, where));
  return { kind: 'run', checks };
}

/** `[n:] path = value`, `[n:] exit code`, `[n:] prints text`, `[n:] writes file`. */
export function parseCheck(text: string, commandCount: number, where = 'check'): Check {
  const numbered = /^(\d+):\s*(.*)$/.exec(text);
  if (numbered === null && commandCount !== 1)
    throw new Error(`${where}: "${text}" must say which command it checks ("2: ...")`);
  const command = numbered === null ? 1 : Number(numbered[1]);
  if (command < 1 || command > commandCount)
    throw new Error(`${where}: "${text}" names command ${command} of ${commandCount}`);
  const body = numbered === null ? text : (numbered[2] ?? '');
  return { command, assertion: parseAssertion(body, where), text };
}

function parseAssertion(body: string, where: string): Assertion {
  const exit = /^exit (\d+)$/.exec(body);
  if (exit !== null) return { kind: 'exit', code: Number(exit[1]) };
  const prints = /^prints (.+)$/.exec(body);
  if (prints?.[1] !== undefined) return { kind: 'prints', text: unquote(prints[1]) };
  const writes = /^writes (\S+)$/.exec(body);
  if (writes?.[1] !== undefined) return { kind: 'writes', file: writes[1] };
  const equals = /^([\w.[\]=!,*-]+?)\s+=\s+(.+)$/.exec(body);
  if (equals?.[1] !== undefined && equals[2] !== undefined)
    return { kind: 'equals', path: equals[1], expected: equals[2].trim() };
  throw new Error(`${where}: cannot read the check "${body}"`);
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^".*"$/.test(trimmed) ? (JSON.parse(trimmed) as string) : trimmed;
}

/**
 * Follows a path through a JSON answer: `a.b` reads a field, `[2]` an item, `[k=v,k2=v2]` and
 * `[k!=v]` keep the items that match, `length` counts a list. A field read through a list reads it
 * on every item, so the check then holds for each of them.
 */
export function followPath(root: unknown, path: string): { value: unknown; eachOf: boolean } {
  let value = root;
  let eachOf = false;
  for (const step of pathSteps(path)) {
    if (step.kind === 'field') {
      if (Array.isArray(value)) {
        if (step.name === 'length') {
          value = value.length;
          eachOf = false;
        } else {
          value = value.map((item) => fieldOf(item, step.name));
          eachOf = true;
        }
      } else value = fieldOf(value, step.name);
    } else if (step.kind === 'index') {
      value = Array.isArray(value) ? value[step.index] : undefined;
      eachOf = false;
    } else {
      value = Array.isArray(value) ? value.filter((item) => step.where.every((test) => test(item))) : [];
      eachOf = true;
    }
  }
  return { value, eachOf };
}

type PathStep =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'filter'; where: ((item: unknown) => boolean)[] };

function pathSteps(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const token of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (!token.startsWith('[')) {
      steps.push({ kind: 'field', name: token });
      continue;
    }
    const inside = token.slice(1, -1);
    if (/^\d+$/.test(inside)) {
      steps.push({ kind: 'index', index: Number(inside) });
      continue;
    }
    const where = inside.split(',').map((condition) => {
      const parts = /^\s*([\w-]+)\s*(!=|=)\s*(.*?)\s*$/.exec(condition);
      if (parts === null) throw new Error(`cannot read the condition "${condition}" in ${path}`);
      const [, field = '', operator, expected = ''] = parts;
      return (item: unknown): boolean => matches(fieldOf(item, field), expected) === (operator === '=');
    });
    steps.push({ kind: 'filter', where });
  }
  return steps;
}

function fieldOf(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Whether an answer shows a value as the text writes it: a number with decimals rounded to them
 * (27.88 matches 27.8846…), a whole number exactly, anything else as JSON, or as a plain word when
 * it is not JSON.
 */
export function matches(actual: unknown, written: string): boolean {
  const expected = parseWritten(written);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    const decimals = /\.(\d+)$/.exec(written.trim())?.[1]?.length;
    if (decimals === undefined) return actual === expected;
    return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals + 1e-9;
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function parseWritten(written: string): unknown {
  try {
    return JSON.parse(written);
  } catch {
    return written.trim();
  }
}

/** The check on a path: each item when the path ran through a list, the value itself otherwise. */
export function pathShows(root: unknown, path: string, written: string): boolean {
  const { value, eachOf } = followPath(root, path);
  const expectsList = Array.isArray(parseWritten(written));
  if (eachOf && Array.isArray(value) && !expectsList)
    return value.length > 0 && value.every((item) => matches(item, written));
  return matches(value, written);
}
