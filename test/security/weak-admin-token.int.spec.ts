// Attack surface: an operator's short ADMIN_TOKEN (the key to everything) was adopted as is. The
// built api now refuses to start with it, saying why and what to do, and writes nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi } from '../support/api-process';

jest.setTimeout(120_000);

describe('A weak ADMIN_TOKEN (integration, built api)', () => {
  it('should refuse to start with an ADMIN_TOKEN shorter than 24 characters, writing nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'maturity-weak-admin-'));
    try {
      const refusal = await startApi({ dataDir, env: { ADMIN_TOKEN: 'admin12345' } }).then(
        async (api) => {
          await api.stop();
          return 'started';
        },
        (error: unknown) => String(error),
      );
      expect(refusal).toMatch(/ADMIN_TOKEN must be at least 24 characters \(it has 10\)/);
      expect(existsSync(path.join(dataDir, 'events.db'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
