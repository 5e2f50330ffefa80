/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, no-console */
/**
 * Debian's Chromium driven by playwright-core (no browser download: the registry mirror has none, and Debian's
 * package is what CI installs with apt-get). Headless, no sandbox (CI runs as root), no background traffic, and a
 * fresh profile per launch so no state leaks between runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const chromiumInstalled = (): boolean => fs.existsSync(CHROMIUM_PATH);

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch Chromium with a fresh `--user-data-dir` (removed again by close()). */
export async function launchChromium(
  viewport = { width: 1600, height: 1000 },
): Promise<LaunchedBrowser> {
  const userDataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), "pinbridge-e2e-chromium-"),
  );
  // launchPersistentContext passes userDataDir as Chromium's --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether a browser-check file runs: outside CI a machine without Chromium skips it (saying why); in CI, where
 * .ci/run installs Chromium, it must run.
 */
export function browserCheckRuns(): boolean {
  const runs = chromiumInstalled() || Boolean(process.env.CI);
  if (!runs) {
    console.warn(
      `[browser] SKIPPED: ${CHROMIUM_PATH} is missing. Install it with \`apt-get install -y chromium\` to run the browser check.`,
    );
  }
  return runs;
}

/** Chromium with one page (30 s default timeout), and `outputDir` (for screenshots) created. */
export async function openPage(
  outputDir: string,
): Promise<{ browser: LaunchedBrowser; page: Page }> {
  fs.mkdirSync(outputDir, { recursive: true });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  return { browser, page };
}

/** One step of a browser check: on failure it leaves `failed-<name>.png` (what the browser showed), then fails. */
export async function screenshotOnFailure<T>(
  page: Page,
  outputDir: string,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    await page
      .screenshot({ path: path.join(outputDir, `failed-${name}.png`) })
      .catch(() => undefined);
    throw err;
  }
}
