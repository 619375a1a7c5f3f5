import { followPath, parseCheck, pathShows, readDocBlocks } from './doc-blocks';

const markdown = [
  '# A guide',
  '',
  '<!-- docs-test: run',
  '1: data.maturity.customerCentricityIndex = 27.88',
  '2: exit 4',
  '-->',
  '```sh',
  'gql \'{"query":"{ maturity }"}\'',
  '# a comment line is not a command',
  'npm run cli -- verify \\',
  '  --org interlodge',
  '```',
  '',
  '1. **A step in a list.**',
  '   <!-- docs-test: illustrative: opens a browser -->',
  '   ```sh',
  '   open http://localhost:3000',
  '   ```',
  '',
  '```sh',
  'echo unmarked',
  '```',
].join('\n');

describe('documentation blocks', () => {
  const blocks = readDocBlocks('guide.md', markdown);

  it('should read each fenced block with its line, commands and marker', () => {
    expect(blocks.map((block) => [block.line, block.language, block.commands])).toEqual([
      [7, 'sh', ['gql \'{"query":"{ maturity }"}\'', 'npm run cli -- verify \\\n  --org interlodge']],
      [16, 'sh', ['open http://localhost:3000']],
      [20, 'sh', ['echo unmarked']],
    ]);
    expect(blocks[0]?.marker).toEqual({
      kind: 'run',
      checks: [
        {
          command: 1,
          assertion: { kind: 'equals', path: 'data.maturity.customerCentricityIndex', expected: '27.88' },
          text: '1: data.maturity.customerCentricityIndex = 27.88',
        },
        { command: 2, assertion: { kind: 'exit', code: 4 }, text: '2: exit 4' },
      ],
    });
    expect(blocks[1]?.marker).toEqual({ kind: 'illustrative', reason: 'opens a browser' });
    expect(blocks[2]?.marker).toBeNull();
  });

  it('should refuse an illustrative block without a reason', () => {
    expect(() => readDocBlocks('g.md', '<!-- docs-test: illustrative -->\n```sh\nls\n```')).toThrow(
      /says why/,
    );
  });

  it('should refuse a check that does not say which command of several it checks', () => {
    expect(() => parseCheck('exit 0', 2)).toThrow(/which command/);
    expect(() => parseCheck('3: exit 0', 2)).toThrow(/command 3 of 2/);
    expect(parseCheck('prints "Usage: main replay"', 1).assertion).toEqual({
      kind: 'prints',
      text: 'Usage: main replay',
    });
  });
});

describe('checks on an answer', () => {
  const answer = {
    data: {
      maturity: { customerCentricityIndex: 27.884615384615383, coverage: 1 },
      warnings: [{ code: 'MATURITY_UP_ALIGNMENT_DOWN' }],
      none: [],
      cells: [
        { functionId: 'front-desk', capabilityId: 'service-recovery', delta: 1 },
        { functionId: 'front-desk', capabilityId: 'guest-insight', delta: 0 },
        { functionId: 'front-desk', capabilityId: 'self-service', delta: 0.33 },
        { functionId: 'housekeeping', capabilityId: 'service-recovery', delta: null },
      ],
      edges: [{ node: { actor: 'demo loader' } }, { node: { actor: 'demo loader' } }],
    },
  };

  it('should compare a number to the decimals the text writes, and a whole number exactly', () => {
    expect(pathShows(answer, 'data.maturity.customerCentricityIndex', '27.88')).toBe(true);
    expect(pathShows(answer, 'data.maturity.customerCentricityIndex', '27.89')).toBe(false);
    expect(pathShows(answer, 'data.maturity.customerCentricityIndex', '27.9')).toBe(true);
    expect(pathShows(answer, 'data.maturity.customerCentricityIndex', '28')).toBe(false);
    expect(pathShows(answer, 'data.maturity.coverage', '1')).toBe(true);
    expect(pathShows(answer, 'data.maturity.coverage', '"1"')).toBe(false);
  });

  it('should pick items by index or by their fields, and count them', () => {
    expect(pathShows(answer, 'data.cells[0].delta', '1')).toBe(true);
    expect(pathShows(answer, 'data.cells[functionId=front-desk,capabilityId=guest-insight].delta', '0')).toBe(
      true,
    );
    expect(pathShows(answer, 'data.cells[delta!=0].length', '3')).toBe(true);
    expect(pathShows(answer, 'data.cells[functionId=maintenance].delta', '0')).toBe(false);
  });

  it('should hold a check through a list for every item', () => {
    expect(pathShows(answer, 'data.edges.node.actor', 'demo loader')).toBe(true);
    expect(pathShows(answer, 'data.warnings.code', 'MATURITY_UP_ALIGNMENT_DOWN')).toBe(true);
    expect(pathShows(answer, 'data.cells.functionId', 'front-desk')).toBe(false);
    expect(pathShows(answer, 'data.none.code', 'MATURITY_UP_ALIGNMENT_DOWN')).toBe(false);
    expect(pathShows(answer, 'data.none', '[]')).toBe(true);
    expect(followPath(answer, 'data.missing.field')).toEqual({ value: undefined, eachOf: false });
  });
});
