/**
 * Headless Chromium for the browser tests, through playwright-core and the system's
 * Chromium (no browser download). The tests skip, saying why, when Chromium is missing.
 */

import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Appended to the titles of browser tests: why they are skipped, or nothing. */
export const NO_CHROMIUM = HAS_CHROMIUM ? '' : ` [skipped: no Chromium at ${CHROMIUM_PATH}; install chromium or set CHROMIUM_PATH]`;

if (!HAS_CHROMIUM) process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install chromium, or set CHROMIUM_PATH)\n`);

/** Chromium headless, quiet, off the network (a fresh temporary profile each launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page logged as an error, threw, or failed to load. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  return errors;
}
