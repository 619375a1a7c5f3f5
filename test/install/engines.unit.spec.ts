// `npm ci` must print no EBADENGINE warning: every package the lock file installs on this platform
// supports the Node version running the tests (the one CI and the Dockerfile use). A package added
// without checking its `engines` fails here, naming it, instead of warning during every install.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(__dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** npm leaves out, without a warning, an optional package built for another platform or Node version. */
const warnsWhenUnsupported = (entry: LockedPackage): boolean => entry.optional !== true;

describe('The installed packages', () => {
  it('should all support the running Node version, so npm ci prints no EBADENGINE warning', () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([location, entry]) => location !== '' && warnsWhenUnsupported(entry))
      .flatMap(([location, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (range === undefined || semver.satisfies(process.version, range, { includePrerelease: true }))
          return [];
        return [`${location.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} wants node ${range}`];
      });
    expect(unsupported).toEqual([]);
  });

  it('should include the Node version the product declares in package.json', () => {
    const declared = (
      JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });
});
