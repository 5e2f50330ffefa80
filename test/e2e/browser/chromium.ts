/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Debian's Chromium driven by playwright-core (no browser download: the registry mirror has none, and Debian's
 * package is what CI installs with apt-get). Headless, no sandbox (CI runs as root), no background traffic, and a
 * fresh profile per launch so no state leaks between runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium, type BrowserContext } from "playwright-core";

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
