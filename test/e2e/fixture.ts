/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * One real n8n + one PinBridge emulator per e2e test file: `const env = useE2eEnvironment('publish')` at the top of
 * a file starts both in beforeAll (fresh n8n user folder, free ports, a "PinBridge (emulator)" API-key credential)
 * and stops both in afterAll. Tests read `env.n8n`, `env.client`, `env.emu`, `env.credential`.
 *
 * The emulator runs on the real clock (n8n waits in real time), so pins move queued → published on their own after
 * `publishDelayMs`. `env.emu.control.reset()` between tests keeps the seeded ids and API key (the credential stays
 * valid) and zeroes counters, so every test can assert exact counts.
 *
 * Emulator profile (contract §9.1.6): `useE2eEnvironment('x', { profile: 'documented' })` in a file, or
 * PINBRIDGE_EMULATOR_PROFILE=documented for a whole run; default 'full'.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parseProfile } from "../emulator/ids";
import {
  startEmulator,
  type StartEmulatorOptions,
  type StartedEmulator,
} from "../emulator/server";
import { N8nClient, type CredentialRef } from "./n8n/client";
import { freePort, REPO_DIR, startN8n, type N8nInstance } from "./n8n/instance";
import type { N8nVersionSpec } from "./n8n/versions";
import { loadExampleWorkflow, pickerNames } from "./n8n/workflows";

export interface E2eEnvironment {
  n8n: N8nInstance;
  client: N8nClient;
  emu: StartedEmulator;
  credential: CredentialRef;
  userFolder: string;
  /** Seconds n8n took to become ready (fresh DB, owner, API key). */
  startSeconds: number;
  /** Import an example workflow (test/e2e/workflows/<name>.json) pointed at the emulator; returns its id. */
  importExample(
    name: string,
    patch?: (wf: ReturnType<typeof loadExampleWorkflow>) => void,
  ): Promise<string>;
}

export const CREDENTIAL_NAME = "PinBridge (emulator)";
const CREDENTIAL_TYPE = "pinBridgeSuiteApi";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every file package.json's `n8n` field lists exists under the repo (i.e. dist/ is built, not half-rebuilt). */
function distComplete(): boolean {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(REPO_DIR, "package.json"), "utf8"),
  ) as {
    n8n: { nodes: string[]; credentials: string[] };
  };
  return [...pkg.n8n.nodes, ...pkg.n8n.credentials].every((f) =>
    fs.existsSync(path.join(REPO_DIR, f)),
  );
}

/**
 * n8n reads the package once, at start. If dist/ was being rebuilt at that moment (another `npm run build` or
 * `npm test` in the same working tree), n8n starts without it. Detect that, wait for dist/ and restart once.
 */
export async function ensurePackageLoaded(
  env: Pick<E2eEnvironment, "n8n" | "client">,
  label: string,
): Promise<void> {
  if ((await env.client.credentialTypeNames()).includes(CREDENTIAL_TYPE))
    return;
  console.warn(
    `[${label}] n8n started without the package (dist/ incomplete at start?); waiting for dist/ and restarting`,
  );
  const deadline = Date.now() + 120_000;
  while (!distComplete() && Date.now() < deadline) await sleep(500);
  await sleep(2000); // let a running build finish writing
  await env.n8n.restart();
  env.client.setCookie(env.n8n.cookie);
  if (!(await env.client.credentialTypeNames()).includes(CREDENTIAL_TYPE)) {
    throw new Error(
      `n8n did not load the package (no ${CREDENTIAL_TYPE} credential type); log ${env.n8n.logFile}:\n${env.n8n.tail(40)}`,
    );
  }
}

/** Which n8n to start and how to load the package (default: the pinned n8n, the repo linked). */
export interface E2eN8nOptions {
  spec?: N8nVersionSpec;
  /** An unpacked `npm pack` of the package (n8n/pack.ts), installed as n8n's installer would. */
  packedPackageDir?: string;
}

export function useE2eEnvironment(
  label: string,
  emulator: StartEmulatorOptions = {},
  n8nOptions: E2eN8nOptions = {},
): E2eEnvironment {
  const env = {} as E2eEnvironment;

  beforeAll(async () => {
    env.emu = await startEmulator({
      port: 0,
      clock: "real",
      seed: 1,
      publishDelayMs: 200,
      ...emulator,
      profile:
        emulator.profile ??
        parseProfile(process.env.PINBRIDGE_EMULATOR_PROFILE),
    });
    env.userFolder = fs.mkdtempSync(
      path.join(os.tmpdir(), `pinbridge-e2e-${label}-`),
    );
    const started = Date.now();
    env.n8n = await startN8n({
      port: await freePort(),
      userFolder: env.userFolder,
      ...n8nOptions,
    });
    env.startSeconds = Math.round((Date.now() - started) / 100) / 10;
    console.log(
      `[${label}] n8n ready at ${env.n8n.url} in ${env.startSeconds} s (fresh DB, owner, API key)`,
    );
    env.client = new N8nClient(env.n8n);
    await ensurePackageLoaded(env, label);
    env.credential = await env.client.createCredential(
      "pinBridgeSuiteApi",
      { baseUrl: env.emu.url, apiKey: env.emu.apiKey },
      CREDENTIAL_NAME,
    );
    env.importExample = async (name, patch) => {
      const wf = loadExampleWorkflow(name, {
        credential: env.credential,
        accountId: env.emu.accountId,
        boardId: env.emu.boardIds[0],
        // As the dev environment seeds them: pickers in From List mode, showing the names.
        ...(await pickerNames(
          env.emu.url,
          env.emu.apiKey,
          env.emu.accountId,
          env.emu.boardIds[0],
        )),
      });
      patch?.(wf);
      return await env.client.importWorkflow(wf);
    };
  });

  afterAll(async () => {
    await env.n8n?.stop();
    await env.emu?.close();
    // E2E_KEEP=1 keeps the user folder (n8n.log, database) for reading after a failure.
    if (env.userFolder && !process.env.E2E_KEEP)
      fs.rmSync(env.userFolder, { recursive: true, force: true });
  });

  return env;
}

/** A second credential for the emulator whose API key PinBridge does not know. */
export async function createWrongKeyCredential(
  env: Pick<E2eEnvironment, "client" | "emu">,
): Promise<CredentialRef> {
  return await env.client.createCredential(
    CREDENTIAL_TYPE,
    { baseUrl: env.emu.url, apiKey: "pb_live_this_key_does_not_exist" },
    "PinBridge (wrong key)",
  );
}
