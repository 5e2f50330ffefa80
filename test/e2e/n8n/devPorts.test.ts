// `npm run dev`'s ports (issue 23): chosen by N8N_PORT / PINBRIDGE_EMULATOR_PORT; a taken one is named with its variable.
/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test of the dev tooling: it holds a port to see it refused */
import net from "node:net";

import { checkDevPorts, devPorts, DevSetupError } from "./devPorts";

/** Holds a port on 127.0.0.1 as another program would, until closed. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const held = await occupy();
  await held.close();
  return held.port;
}

describe("devPorts", () => {
  it("is 5678 and 4010 when neither variable is set (or set empty)", () => {
    expect(devPorts({})).toEqual({ n8n: 5678, emulator: 4010 });
    expect(devPorts({ N8N_PORT: "", PINBRIDGE_EMULATOR_PORT: " " })).toEqual({ n8n: 5678, emulator: 4010 });
  });

  it("takes N8N_PORT and PINBRIDGE_EMULATOR_PORT", () => {
    expect(devPorts({ N8N_PORT: "5690", PINBRIDGE_EMULATOR_PORT: "4090" })).toEqual({ n8n: 5690, emulator: 4090 });
    expect(devPorts({ N8N_PORT: "5690" })).toEqual({ n8n: 5690, emulator: 4010 });
  });

  it("lets ports the caller gives win over the variables, which are then not read", () => {
    expect(devPorts({ N8N_PORT: "oops" }, { n8n: 6000, emulator: 6001 })).toEqual({ n8n: 6000, emulator: 6001 });
    expect(devPorts({ PINBRIDGE_EMULATOR_PORT: "4090" }, { n8n: 6000 })).toEqual({ n8n: 6000, emulator: 4090 });
  });

  it.each([
    ["N8N_PORT", "http://localhost:5678"],
    ["N8N_PORT", "0"],
    ["PINBRIDGE_EMULATOR_PORT", "70000"],
    ["PINBRIDGE_EMULATOR_PORT", "40.5"],
  ])("refuses %s=%s, naming the variable and the rule", (variable, value) => {
    const read = () => devPorts({ [variable]: value });
    expect(read).toThrow(DevSetupError);
    expect(read).toThrow(`${variable} must be a port number from 1 to 65535; it is "${value}"`);
  });

  it("refuses one port for both", () => {
    expect(() => devPorts({ N8N_PORT: "4010" })).toThrow(
      "N8N_PORT and PINBRIDGE_EMULATOR_PORT are both 4010: n8n and the emulator need a port each",
    );
  });
});

describe("checkDevPorts", () => {
  it("passes when both ports are free", async () => {
    await expect(checkDevPorts({ n8n: await freePort(), emulator: await freePort() })).resolves.toBeUndefined();
  });

  it("names a taken n8n port, N8N_PORT and another port to try, without a stack trace in gulp", async () => {
    const held = await occupy();
    try {
      const error = await checkDevPorts({ n8n: held.port, emulator: await freePort() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DevSetupError);
      expect((error as DevSetupError).showStack).toBe(false); // gulp then prints the message alone
      expect((error as Error).message).toMatch(
        new RegExp(`^port ${held.port} \\(n8n\\) is already in use: choose another with N8N_PORT, e\\.g\\. \`N8N_PORT=\\d+ npm run dev\`$`),
      );
    } finally {
      await held.close();
    }
  });

  it("names a taken emulator port and PINBRIDGE_EMULATOR_PORT, suggesting a port that is free", async () => {
    const held = await occupy();
    try {
      const message = await checkDevPorts({ n8n: await freePort(), emulator: held.port }).catch((e: Error) => e.message);
      expect(message).toContain(`port ${held.port} (the PinBridge emulator) is already in use`);
      const suggested = Number(/PINBRIDGE_EMULATOR_PORT=(\d+) npm run dev/.exec(String(message))?.[1]);
      expect(suggested).toBeGreaterThan(held.port);
    } finally {
      await held.close();
    }
  });
});
