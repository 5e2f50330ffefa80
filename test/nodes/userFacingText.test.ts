/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// What a user reads in the editor (issue 14): error texts that say what to check, the nodes-panel description, action
// names, and the guidance shown where a field is filled in. Errors run through n8n-core's real WorkflowExecute
// against loopback servers; the texts are read from the node descriptions n8n loads.
import net from "node:net";

import type { INodeProperties, INodePropertyOptions } from "n8n-workflow";

import { PinBridgeSuite } from "../../nodes/PinBridgeSuite/PinBridgeSuite.node";
import { PinBridgeSuiteTrigger } from "../../nodes/PinBridgeSuiteTrigger/PinBridgeSuiteTrigger.node";
import { useFakeRuntime } from "../harness/fakeRuntime";
import { runPinBridgeNode, TEST_API_KEY } from "../harness/runWorkflow";
import { startScriptedServer } from "../harness/scriptedServer";

useFakeRuntime();

const PIN_ID = "9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d51";
const CREDENTIAL = '"PinBridge test credential" (PinBridge API)';
const action = new PinBridgeSuite().description;
const trigger = new PinBridgeSuiteTrigger().description;

/** A loopback port nothing listens on (bound, then closed), so a connection to it is refused. */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const property = (
  name: string,
  operation: string,
): INodeProperties | undefined =>
  action.properties.find(
    (candidate) =>
      candidate.name === name &&
      candidate.displayOptions?.show?.operation?.includes(operation),
  );

describe("errors say what to check", () => {
  it("an unreachable Base URL: the error names the URL and the credential to check", async () => {
    const port = await refusedPort();
    const { error } = await runPinBridgeNode({
      parameters: { resource: "pin", operation: "get", pinId: PIN_ID },
      credentials: {
        pinBridgeSuiteApi: {
          baseUrl: `http://127.0.0.1:${port}/v1`,
          apiKey: TEST_API_KEY,
        },
      },
    });
    expect(error?.message).toBe("PinBridge did not answer");
    expect(error?.description).toContain("ECONNREFUSED");
    expect(error?.description).toContain(
      `Check the Base URL http://127.0.0.1:${port} in the credential ${CREDENTIAL}`,
    );
    expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
  });

  it("a 401: the error points at the credential, next to what PinBridge said", async () => {
    const server = await startScriptedServer();
    try {
      server.script([], { status: 401, body: { detail: "Invalid API key" } });
      const { error } = await runPinBridgeNode({
        parameters: { resource: "pin", operation: "get", pinId: PIN_ID },
        credentials: {
          pinBridgeSuiteApi: { baseUrl: server.url, apiKey: TEST_API_KEY },
        },
      });
      expect(error?.httpCode).toBe("401");
      expect(error?.description).toContain(
        `Check the credential ${CREDENTIAL}: PinBridge did not accept its API key`,
      );
      expect(error?.description).toContain("Request: GET /v1/pins/");
      expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
    } finally {
      await server.close();
    }
  });
});

describe("the nodes panel", () => {
  it("both nodes carry one whole sentence describing the pair, which n8n shows for their merged entry", () => {
    // n8n's editor merges `x` and `xTrigger` into one entry with the trigger's description.
    expect(trigger.name.replace("Trigger", "")).toBe(action.name);
    expect(trigger.description).toBe(action.description);
    expect(action.description).toMatch(
      /^Publish, schedule and track Pinterest Pins/,
    );
    expect(action.description).toMatch(
      /start workflows when a Pin goes live or fails$/,
    );
  });

  it("every action names Pins with a capital P, as everything else does", () => {
    const actions = action.properties
      .filter((candidate) => candidate.name === "operation")
      .flatMap(
        (operation) => (operation.options ?? []) as INodePropertyOptions[],
      )
      .map((option) => String(option.action));
    expect(actions).toContain("Publish a Pin");
    expect(actions).toContain("Import Pins from JSON rows");
    expect(actions.filter((text) => /\bpins?\b/.test(text))).toEqual([]);
    // The trigger's events, as the panel lists them under Triggers (n8n would lower-case the names otherwise).
    const events = trigger.properties.find(
      (candidate) => candidate.name === "events",
    )?.options as INodePropertyOptions[];
    expect(events.map((event) => event.action)).toEqual([
      "On Pin failed",
      "On Pin published",
    ]);
  });
});

describe("guidance where the field is filled in", () => {
  it("Import → Rows starts with an example row and hints at the expression with $json", () => {
    const rows = property("rows", "fromJson");
    expect(rows?.hint).toContain("{{ $json.rows }}");
    expect(`${rows?.description} ${rows?.hint}`).not.toContain("$JSON");
    const example = JSON.parse(String(rows?.default)) as Array<
      Record<string, unknown>
    >;
    expect(example).toHaveLength(1);
    expect(Object.keys(example[0])).toEqual([
      "account_id",
      "board_id",
      "title",
      "image_url",
      "link_url",
    ]);
  });

  it("Import → Rows run unchanged: the example is refused before anything is sent, naming the row and field", async () => {
    const rows = property("rows", "fromJson");
    // No credentials server: a request would fail with a different error.
    const { error } = await runPinBridgeNode({
      parameters: {
        resource: "import",
        operation: "fromJson",
        rows: rows?.default as string,
      },
    });
    expect(error?.message).toMatch(/^Rows: row 1/i);
    expect(error?.description).toBe(
      "Nothing was sent to PinBridge for this item.",
    );
  });

  it("Webhook → Create shows a notice that a generated secret appears once, while Secret is empty", () => {
    const notice = property("secretShownOnceNotice", "create");
    expect(notice?.type).toBe("notice");
    expect(notice?.displayOptions?.show).toMatchObject({
      resource: ["webhook"],
      secret: [""],
    });
    expect(notice?.displayName).toContain("appears once");
  });

  it("Schedule → Create: Run At hints at the time zone it is read in", () => {
    expect(property("runAt", "create")?.hint).toContain("time zone");
  });
});
