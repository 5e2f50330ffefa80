/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
// Browser check: Debian's Chromium logs into the real n8n, opens the example publish workflow, opens the PinBridge
// node, switches the account and board pickers to "From List", and sees the emulator's account and boards listed
// (n8n calls the node's listSearch methods, which call the emulator). The screenshot is
// test-output/browser/pinbridge-node-pickers.png (git-ignored).
import path from "node:path";

import type { Locator, Page } from "playwright-core";

import { api } from "../../emulator/helpers";
import { useE2eEnvironment } from "../fixture";
import { REPO_DIR } from "../n8n/instance";
import {
  browserCheckRuns,
  openPage,
  screenshotOnFailure,
  type LaunchedBrowser,
} from "./chromium";

const OUTPUT_DIR = path.join(REPO_DIR, "test-output", "browser");
const SCREENSHOT = path.join(OUTPUT_DIR, "pinbridge-node-pickers.png");
const NODE_NAME = "Publish Pin";

const run = browserCheckRuns();

(run ? describe : describe.skip)(
  "browser: the PinBridge node in the n8n editor",
  () => {
    const env = useE2eEnvironment("browser");
    let browser: LaunchedBrowser;
    let page: Page;

    beforeAll(async () => {
      ({ browser, page } = await openPage(OUTPUT_DIR));
    });

    afterAll(async () => {
      await browser?.close();
    });

    const step = <T>(name: string, fn: () => Promise<T>) =>
      screenshotOnFailure(page, OUTPUT_DIR, name, fn);

    const testId = (id: string, within: Page | Locator = page) =>
      within.locator(`[data-test-id="${id}"]`);

    /** Switch a resource locator to "From List" and open its list; returns the items of the list now showing. */
    async function openList(parameter: "account" | "board"): Promise<Locator> {
      const locator = testId(`resource-locator-${parameter}`);
      await testId("rlc-mode-selector", locator).click();
      await page
        .locator(".el-select-dropdown__item:visible", { hasText: "From List" })
        .click();
      await testId("rlc-input", locator).click();
      // The list is teleported to the end of <body>; only the open one is visible.
      return page.locator('[data-test-id="rlc-item"]:visible');
    }

    /** Wait until a picker's input shows `label` (the chosen item's name, not its id). */
    async function shows(
      parameter: "account" | "board",
      label: string,
    ): Promise<void> {
      await page.waitForFunction(
        ([name, expected]) =>
          [
            ...document.querySelectorAll(
              `[data-test-id="resource-locator-${name}"] [data-test-id="rlc-input"]`,
            ),
          ].some((el) => (el as HTMLInputElement).value === expected),
        [parameter, label] as const,
      );
    }

    it("lists the emulator account and boards in the pickers", async () => {
      const call = api(env.emu);
      const accounts = (
        await call<
          Array<{ id: string; display_name: string; username: string }>
        >("GET", "/v1/pinterest/accounts")
      ).body;
      const account = accounts.find((a) => a.id === env.emu.accountId);
      const boards = (
        await call<Array<{ id: string; name: string }>>(
          "GET",
          `/v1/pinterest/boards?account_id=${env.emu.accountId}`,
        )
      ).body;
      expect(account?.display_name).toBeTruthy();
      expect(boards.length).toBeGreaterThan(1);
      const workflowId = await env.importExample("publish-pin-from-image-url");

      await step("login", async () => {
        await page.goto(`${env.n8n.url}/signin`);
        await page.locator('input[type="email"]').fill(env.n8n.owner.email);
        await page
          .locator('input[type="password"]')
          .fill(env.n8n.owner.password);
        await testId("form-submit-button").click();
        await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
      });

      await step("open-node", async () => {
        await page.goto(`${env.n8n.url}/workflow/${workflowId}`);
        await testId("canvas-node")
          .filter({ hasText: NODE_NAME })
          .first()
          .dblclick();
        await testId("node-parameters").waitFor();
      });

      const accountLabel = `${account!.display_name} (@${account!.username})`;
      await step("account-list", async () => {
        const items = await openList("account");
        const item = items.filter({ hasText: accountLabel });
        await item.waitFor();
        await item.click();
      });
      await step(
        "account-chosen",
        async () => await shows("account", accountLabel),
      );

      const boardItems = await step("board-list", async () => {
        const items = await openList("board");
        for (const board of boards)
          await items.filter({ hasText: board.name }).first().waitFor();
        return items;
      });
      const listed = await boardItems.allInnerTexts();
      expect(listed.map((t) => t.trim())).toEqual(
        expect.arrayContaining(boards.map((b) => b.name)),
      );

      // Pick the first board, then open the list again: the picture shows both pickers filled and the boards listed.
      await step("board-chosen", async () => {
        await boardItems.filter({ hasText: boards[0].name }).first().click();
        await shows("board", boards[0].name);
        await testId("rlc-input", testId("resource-locator-board")).click();
        await boardItems.filter({ hasText: boards[1].name }).first().waitFor();
      });
      await page.screenshot({ path: SCREENSHOT });
      console.log(
        `[browser] screenshot: ${path.relative(REPO_DIR, SCREENSHOT)}`,
      );

      // The calls behind the lists reached the emulator, with the credential's key.
      const searches = await env.emu.control.requests({
        method: "GET",
        path: "/v1/pinterest/boards",
      });
      expect(
        searches.some(
          (r) => r.status === 200 && r.query?.account_id === env.emu.accountId,
        ),
      ).toBe(true);
    });
  },
);
