/**
 * The browser half of `npm run bench`: the engine measurements of
 * bench/browser (a 2-D slice batched vs per point, an HVP against a
 * gradient, Adam steps per second) on `webgl` and `webgpu` in headless
 * Chromium. Builds the benchmark page with its own Vite config, serves it
 * from a small static server on a free 127.0.0.1 port, opens it once per
 * backend (WebGPU with --enable-unsafe-webgpu) and collects the report the
 * page publishes. Without a Chromium it returns nothing and says so.
 *
 * The environment variable BENCH_BROWSER_FULL=1 asks the page for every
 * slice at 65×65 and 129×129 both ways (many minutes on a software GPU).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../e2e/chromium';
import { build } from 'vite';
import { checkedReport, type BrowserBenchBackend, type BrowserBenchReport } from './browser/records';

const PAGE_FOLDER = fileURLToPath(new URL('./browser', import.meta.url));
const CONFIG_FILE = join(PAGE_FOLDER, 'vite.config.ts');
const OUT_FOLDER = join(PAGE_FOLDER, 'dist');


/** Extra flags per backend: WebGPU must be switched on explicitly (here it gets a software adapter). */
const BACKEND_ARGS: Readonly<Record<BrowserBenchBackend, readonly string[]>> = {
  webgl: [],
  webgpu: ['--enable-unsafe-webgpu'],
  wasm: [],
};

/** Longest wait for one backend's report (its plan takes about three minutes here), and with the full plan. */
const PAGE_TIMEOUT_MS = 360_000;
const FULL_PAGE_TIMEOUT_MS = 1_800_000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** The Chromium to launch: the system one, else Playwright's own download, else null. */
export function findChromium(): string | null {
  const system = SYSTEM_CHROMIUM;
  if (system !== undefined) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

/** Serves `folder` read-only on a free port of 127.0.0.1. */
async function serveFolder(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    // Nothing outside the folder, whatever the request path says.
    if (!file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Opens the page for `backend` in a fresh browser and waits for its report. */
async function measureInChromium(
  executablePath: string,
  url: string,
  backend: BrowserBenchBackend,
  log: (message: string) => void,
): Promise<BrowserBenchReport> {
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...BACKEND_ARGS[backend]] });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[bench] ')) log(message.text().slice('[bench] '.length));
    });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    const full = process.env.BENCH_BROWSER_FULL === '1';
    await page.goto(`${url}?backend=${backend}${full ? '&full=1' : ''}`);
    await page.waitForFunction(() => window.__benchReport !== undefined || window.__benchError !== undefined, undefined, {
      timeout: full ? FULL_PAGE_TIMEOUT_MS : PAGE_TIMEOUT_MS,
      polling: 500,
    });
    const { report, error } = await page.evaluate(() => ({ report: window.__benchReport, error: window.__benchError }));
    if (error !== undefined) throw new Error(`${backend} in Chromium: ${error}`);
    return checkedReport(report, backend);
  } finally {
    await browser.close();
  }
}

/** What the browser run produced: a report per backend that worked, and the failures. */
export interface BrowserBenchOutcome {
  /** Null when no Chromium was found (nothing ran). */
  chromium: string | null;
  reports: BrowserBenchReport[];
  failures: { backend: BrowserBenchBackend; message: string }[];
}

/**
 * Builds and serves the page, then measures each of `backends` in its own
 * Chromium, one after the other (two browsers at once would share the two
 * cores and spoil both timings). A backend that fails is recorded in
 * `failures` and the next one still runs.
 */
export async function runBrowserBenchmarks(
  backends: readonly BrowserBenchBackend[],
  log: (message: string) => void,
): Promise<BrowserBenchOutcome> {
  const executablePath = findChromium();
  if (executablePath === null) return { chromium: null, reports: [], failures: [] };
  log('building the benchmark page');
  await build({ configFile: CONFIG_FILE, logLevel: 'warn' });
  const { server, url } = await serveFolder(OUT_FOLDER);
  const outcome: BrowserBenchOutcome = { chromium: executablePath, reports: [], failures: [] };
  try {
    for (const backend of backends) {
      log(`${backend} in headless Chromium`);
      try {
        outcome.reports.push(await measureInChromium(executablePath, url, backend, log));
      } catch (error) {
        outcome.failures.push({ backend, message: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return outcome;
}
