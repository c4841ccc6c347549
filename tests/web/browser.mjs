// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the dashboard tests.
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { assertValidReport, webDir } from '../wasm/helpers.mjs';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Serves the built site (or `options.dir`) and opens a fresh Chromium profile at `options.path`
 * (default: the dashboard page); call close() when done.
 */
export async function openDashboard(options = {}) {
  const server = await serve(options.dir ?? webDir, 0);
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'basketlift-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    // The page's calendar (the dashboard proposes the browser's zone for the trends).
    timezoneId: options.timezoneId ?? 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Every request the tab makes, to prove nothing leaves the origin.
  const requests = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(new URL(options.path ?? '', baseUrl).href);
  return {
    page,
    context,
    profile,
    baseUrl,
    consoleErrors,
    requests,
    dialogs,
    /** Requests to anything but this origin (data: and blob: URLs stay in the tab). */
    foreignRequests: () => requests.filter((r) => !r.url.startsWith(baseUrl) && !/^(data|blob):/.test(r.url)),
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The report the engine gives for these files (read in Node by the same wasm engine), with optional settings overrides. */
export async function engineReport(files, settings = undefined) {
  const { createEngine } = await import(path.join(webDir, 'src/engine.js'));
  const engine = await createEngine({ settings });
  for (const file of files) await engine.addFile(await readFile(file), { name: path.basename(file) });
  const report = engine.analyze();
  engine.dispose();
  return assertValidReport(report);
}

/** The sample store's four files. */
export const sampleFiles = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(webDir, 'sample', name));

/** Clicks `locator` and returns the downloaded file's name and bytes. */
export async function downloadOf(page, locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
