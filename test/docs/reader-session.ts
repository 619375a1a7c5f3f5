// A reader at a terminal: runs the documentation's shell commands one after another in bash, with
// what earlier commands exported or defined (TOKEN, gql) still set, against a real api process.
//
// What differs from a reader's machine, and why (docs/contributing.md#the-documentation-test):
// - `npm start` starts the built api on a free port (PORT=0) and a new temporary DATA_DIR, with
//   the variables written before it; `localhost:3000` in later commands is that address. When the
//   api prints an admin token, TOKEN is set to it, as the README asks the reader to keep it.
// - `npm ci` and `npm test` are not run again: the suite runs after the one and inside the other.
// - `npm run cli -- …` runs the built CLI on the same DATA_DIR, as `npm run cli` does after building.
// - Commands run in a temporary working directory, so downloaded files land there.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi, type ApiProcess } from '../support/api-process';

const ROOT = path.resolve(__dirname, '..', '..');
const COMMAND_TIMEOUT_MS = 120_000;
const ADMIN_TOKEN_LINE = /admin token \(shown once, keep it\): (\S+)/;
const NPM_START = /^((?:[A-Z_]+=\S+\s+)*)npm start\b/;
const NPM_ALREADY_RUN = /^npm (ci|test)\b/;

export interface CommandOutcome {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

// `npm run cli -- …` as the built CLI; any other npm command inside a block is a mistake to report.
const PRELUDE = `
npm() {
  if [ "$1" = run ] && { [ "$2" = cli ] || { [ "$2" = -s ] && [ "$3" = cli ]; }; }; then
    [ "$2" = -s ] && shift
    shift 2
    [ "$1" = -- ] && shift
    node --enable-source-maps "$DOCS_TEST_ROOT/dist/apps/cli/src/main.js" "$@"
  else
    echo "docs test: only npm run cli runs inside a block, not: npm $*" >&2
    return 127
  fi
}
`;

export class ReaderSession {
  private readonly workDirectory = mkdtempSync(path.join(tmpdir(), 'maturity-docs-reader-'));
  private readonly stateFile = path.join(this.workDirectory, '.reader-state.sh');
  private readonly dataDirectories: string[] = [];
  private api: ApiProcess | null = null;

  constructor() {
    writeFileSync(this.stateFile, PRELUDE);
  }

  /** The reader's working directory, where downloads and `--out` files land. */
  get directory(): string {
    return this.workDirectory;
  }

  async run(command: string): Promise<CommandOutcome> {
    const start = NPM_START.exec(command);
    if (start !== null) return this.startApi(command, start[1] ?? '');
    if (NPM_ALREADY_RUN.test(command)) return { command, code: 0, stdout: '', stderr: '' };
    return this.runInBash(command);
  }

  async close(): Promise<void> {
    await this.api?.stop();
    for (const directory of [this.workDirectory, ...this.dataDirectories])
      rmSync(directory, { recursive: true, force: true });
  }

  private async startApi(command: string, assignments: string): Promise<CommandOutcome> {
    await this.api?.stop();
    const env = Object.fromEntries(
      assignments
        .trim()
        .split(/\s+/)
        .filter((assignment) => assignment !== '')
        .map((assignment) => {
          const [name = '', ...value] = assignment.split('=');
          return [name, value.join('=')];
        }),
    );
    const dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-docs-data-'));
    this.dataDirectories.push(dataDir);
    // ADMIN_TOKEN '' lets a new store create and print its own, as a plain `npm start` does.
    this.api = await startApi({ dataDir, env: { ADMIN_TOKEN: '', ...env } });
    const output = this.api.output();
    const printedToken = ADMIN_TOKEN_LINE.exec(output)?.[1];
    if (printedToken !== undefined) await this.runInBash(`export TOKEN=${printedToken}`);
    return { command, code: 0, stdout: output, stderr: '' };
  }

  private runInBash(command: string): Promise<CommandOutcome> {
    const api = this.api;
    const script = [
      `source ${JSON.stringify(this.stateFile)}`,
      api === null ? '' : `export DATA_DIR=${JSON.stringify(api.dataDir)}`,
      api === null ? command : command.replaceAll('localhost:3000', new URL(api.baseUrl).host),
      'status=$?',
      `{ export -p; declare -f; } > ${JSON.stringify(this.stateFile)}`,
      'exit $status',
    ].join('\n');
    return new Promise((resolve) => {
      execFile(
        'bash',
        ['-c', script],
        {
          cwd: this.workDirectory,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: this.workDirectory,
            LANG: 'C.UTF-8',
            DOCS_TEST_ROOT: ROOT,
            LOG_LEVEL: 'silent',
          },
          timeout: COMMAND_TIMEOUT_MS,
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ command, code, stdout, stderr });
        },
      );
    });
  }

  /** Whether the reader's commands wrote `file`, not empty; a `*` in its name stands for any text. */
  wrote(file: string): boolean {
    const written = (name: string): boolean => {
      const target = path.join(this.workDirectory, name);
      return existsSync(target) && statSync(target).size > 0;
    };
    if (!file.includes('*')) return written(file);
    const escaped = file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`^${escaped.join('[^/]*')}$`);
    return readdirSync(this.workDirectory).some((name) => pattern.test(name) && written(name));
  }
}
