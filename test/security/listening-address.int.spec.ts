// The attack found the api listening on every interface with no way to choose: HOST picks the
// address, and without it the api answers on loopback only. 127.0.0.2 is loopback too on Linux, so
// an api bound to 127.0.0.1 is refused there, while one bound to every interface answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';

jest.setTimeout(120_000);

const answersAt = (host: string, port: string): Promise<boolean> =>
  fetch(`http://${host}:${port}/health`).then(
    (response) => response.ok,
    () => false,
  );

describe('Listening address (integration)', () => {
  let dataDir: string;
  let api: ApiProcess | null = null;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'listening-address-'));
  });

  afterEach(async () => {
    await api?.stop();
    api = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should listen on loopback only when HOST is not set', async () => {
    api = await startApi({ dataDir, env: { HOST: '' } });
    const port = new URL(api.baseUrl).port;
    expect(api.baseUrl).toBe(`http://127.0.0.1:${port}`);
    expect(await answersAt('127.0.0.1', port)).toBe(true);
    expect(await answersAt('127.0.0.2', port)).toBe(false);
  });

  it('should listen on the address HOST names, and print it', async () => {
    api = await startApi({ dataDir, env: { HOST: '127.0.0.2' } });
    const port = new URL(api.baseUrl).port;
    expect(api.baseUrl).toBe(`http://127.0.0.2:${port}`);
    expect(await answersAt('127.0.0.2', port)).toBe(true);
    expect(await answersAt('127.0.0.1', port)).toBe(false);
  });
});
