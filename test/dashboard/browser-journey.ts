// What every browser journey shares: one built api process per test file on a fresh store, one
// Chromium, signing in from the sign-in page, checks through the api, screenshots for the docs
// at desktop and phone width, and an accessibility check (axe-core) on each screen.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from '../support/api-process';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
export const docsScreenshots = path.join(root, 'docs', 'screenshots');
/** Phone-width shots are for looking at, not for the docs: kept out of the repository. */
export const phoneScreenshots = path.join(root, 'artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { width: 1280, height: 900 };

/**
 * Prints the page as a board does (A4 landscape, the page's own size, backgrounds) to `file`, and
 * reads the PDF back with PDF.js (test/support/pdf-text.mjs): its page count and each page's text.
 */
export async function printToPdf(page: Page, file: string): Promise<{ pages: number; text: string[] }> {
  await page.pdf({
    path: file,
    format: 'A4',
    landscape: true,
    preferCSSPageSize: true,
    printBackground: true,
  });
  const { stdout } = await run(process.execPath, [path.join(root, 'test', 'support', 'pdf-text.mjs'), file]);
  return JSON.parse(stdout) as { pages: number; text: string[] };
}
export const PHONE = { width: 375, height: 812 };

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface Journey {
  api: ApiProcess;
  browser: Browser;
  /** GraphQL as the admin (or the token given): how each journey checks what the page did. */
  graphql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Issues a token of a role for these organisations (through the api). */
  issueToken(role: string, organizationIds: string[]): Promise<string>;
  /** A new tab on the sign-in page, signed in by typing the token as a user would. */
  signIn(token?: string, viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

/** `env`: more environment for the api (e.g. the OIDC_* settings of an identity provider). */
export async function startJourney(
  prefix: string,
  options: { env?: Record<string, string> } = {},
): Promise<Journey> {
  mkdirSync(docsScreenshots, { recursive: true });
  mkdirSync(phoneScreenshots, { recursive: true });
  if (!existsSync(path.join(root, 'apps', 'dashboard', 'dist', 'index.html'))) {
    await run(process.execPath, [path.join(root, 'apps', 'dashboard', 'build.mjs')], { cwd: root });
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const api = await startApi({ dataDir, ...(options.env ? { env: options.env } : {}) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token = api.adminToken,
  ): Promise<T> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GraphQLError[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  return {
    api,
    browser,
    graphql,
    async issueToken(role, organizationIds) {
      const data = await graphql<{ issueApiToken: { token: string } }>(
        'mutation($role: Role!, $organizationIds: [ID!]!) { issueApiToken(role: $role, organizationIds: $organizationIds, label: "journey") { token } }',
        { role, organizationIds },
      );
      return data.issueApiToken.token;
    },
    async signIn(token = api.adminToken, viewport = DESKTOP) {
      const page = watchProblems(await browser.newPage({ viewport }));
      await page.goto(api.baseUrl);
      await page.fill('input[name="token"]', token);
      await page.click('button[type="submit"]:has-text("Sign in")');
      await page.waitForSelector('[data-testid="signed-in-as"]');
      return page;
    },
    async stop() {
      await browser.close();
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects the errors the page throws and its Content-Security-Policy refusals (see pageProblems). */
export function watchProblems(page: Page): Page {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(message.text());
  });
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

/** Errors the page threw (and CSP refusals): a journey ends with none. */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page: the serious and critical violations (none expected). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, so the page's Content Security Policy does not apply.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 5).map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Saves `docs/screenshots/<name>.png` (desktop) and `artifacts/screenshots/<name>-phone.png`
 * (375 px), checking on both
 * that nothing is wider than the screen and that axe finds no serious or critical violation.
 */
export async function captureScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docsScreenshots, `${name}.png`), fullPage: true });
  const desktop = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  // The page must not scroll sideways; when it does, name what sticks out (outside the regions that
  // scroll sideways by design) so the failure says what to fix.
  const tooWide = await page.evaluate(() => {
    /** The little of the DOM this check reads (the test files compile without the DOM types). */
    interface Element {
      tagName: string;
      parentElement: Element | null;
      getBoundingClientRect(): { right: number };
      getAttribute(name: string): string | null;
    }
    const { document, innerWidth, getComputedStyle } = globalThis as unknown as {
      document: {
        querySelectorAll(selector: string): Iterable<Element>;
        documentElement: { scrollWidth: number };
      };
      innerWidth: number;
      getComputedStyle: (element: Element) => { overflowX: string };
    };
    const scrolls = (element: Element | null): boolean => {
      for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    if (document.documentElement.scrollWidth <= innerWidth) return [];
    const offenders = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5 && !scrolls(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`);
    return [`page ${document.documentElement.scrollWidth} px wide`, ...offenders];
  });
  expect({ name, tooWide }).toEqual({ name, tooWide: [] });

  await expectAccessible(page);
  await page.screenshot({ path: path.join(phoneScreenshots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

/** How far a labelled region's content reaches beyond its width (0 or less: nothing to scroll sideways to). */
export function regionOverflow(page: Page, label: string): Promise<number> {
  return boxOverflow(page, `[role="region"][aria-label="${label}"]`);
}

/**
 * How far the content of the (first) box matching `selector`, or of any box inside it that scrolls
 * sideways, reaches beyond its width; the page's own overflow counts too. 0 or less: nothing there
 * to scroll sideways to.
 */
export function boxOverflow(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((box: object) => {
      /** The little of the DOM this check reads (the test files compile without the DOM types). */
      interface Box {
        scrollWidth: number;
        clientWidth: number;
        querySelectorAll(selector: string): Iterable<Box>;
      }
      const { document, innerWidth, getComputedStyle } = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
        getComputedStyle: (element: Box) => { overflowX: string };
      };
      const root = box as Box;
      const scrolling = [...root.querySelectorAll('*')].filter((element) =>
        ['auto', 'scroll'].includes(getComputedStyle(element).overflowX),
      );
      return Math.max(
        document.documentElement.scrollWidth - innerWidth,
        ...[root, ...scrolling].map((element) => element.scrollWidth - element.clientWidth),
      );
    });
}

/** The buttons, selects and inputs inside a box that are shorter than a fingertip (44 px) or stick out of the screen. */
export async function smallOrOffScreenControls(page: Page, selector: string): Promise<string[]> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  const problems: string[] = [];
  for (const control of await page.locator(`${selector} :is(button, select, input):visible`).all()) {
    const box = await control.boundingBox();
    const name =
      (await control.getAttribute('aria-label')) ??
      (await control.getAttribute('name')) ??
      (await control.innerText());
    if (!box || box.height < 44 || box.x < 0 || box.x + box.width > width)
      problems.push(`${name}: ${box?.width ?? 0}×${box?.height ?? 0} px at ${box?.x ?? 0} px`);
  }
  return problems;
}

export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations).toEqual([]);
}
