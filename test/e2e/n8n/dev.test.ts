/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// `npm run dev` re-activates the trigger workflows left active by an earlier run (issue 23): the emulator starts
// empty, so without it they would get no deliveries. Which workflows it touches:
import fs from "node:fs";
import path from "node:path";

import { devTimeZone, emulatorCommands, hasEmulatorTrigger } from "./dev";
import { installPaths } from "./install";
import { loadExampleWorkflow } from "./workflows";

const credential = { id: "dev-credential", name: "PinBridge (emulator)" };

describe("hasEmulatorTrigger", () => {
  it("is true for the trigger examples pointed at the dev credential", () => {
    for (const example of ["trigger-pin-published", "alert-on-failed-pin"]) {
      expect(hasEmulatorTrigger(loadExampleWorkflow(example, { credential }), credential.id)).toBe(true);
    }
  });

  it("is false for a workflow without the trigger (the publish example) and for a trigger on another credential", () => {
    expect(hasEmulatorTrigger(loadExampleWorkflow("publish-and-wait", { credential }), credential.id)).toBe(false);
    const onAnother = loadExampleWorkflow("trigger-pin-published", { credential: { id: "real-key", name: "PinBridge" } });
    expect(hasEmulatorTrigger(onAnother, credential.id)).toBe(false);
  });
});

// n8n's editor (Workflow Settings → Timezone) lists the zones of n8n's dist/timezones.json; a GENERIC_TIMEZONE it
// does not list shows as "Default - Default Timezone not valid" (issue 23: "UTC" on a machine on UTC).
describe("devTimeZone", () => {
  const machine = (zone: string | undefined) => () => zone;

  it("keeps a GENERIC_TIMEZONE the user set, as given", () => {
    expect(devTimeZone({ GENERIC_TIMEZONE: "UTC" }, machine("Europe/Berlin"))).toBe("UTC");
    expect(devTimeZone({ GENERIC_TIMEZONE: " Asia/Tokyo " }, machine("UTC"))).toBe("Asia/Tokyo");
  });

  it("names a machine on UTC (any alias Node reports) Etc/UTC, and falls back to Etc/UTC", () => {
    for (const zone of ["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Zulu", "GMT", "Etc/GMT", "Etc/GMT0"]) {
      expect(devTimeZone({}, machine(zone))).toBe("Etc/UTC");
    }
    expect(devTimeZone({}, machine(undefined))).toBe("Etc/UTC");
    expect(devTimeZone({}, machine("Etc/Unknown"))).toBe("Etc/UTC"); // Node's answer with TZ set to ""
  });

  it("keeps a listed machine zone and renames ICU's older names to the ones n8n lists", () => {
    expect(devTimeZone({}, machine("Europe/Berlin"))).toBe("Europe/Berlin");
    expect(devTimeZone({}, machine("Asia/Calcutta"))).toBe("Asia/Kolkata");
    expect(devTimeZone({}, machine("Europe/Kiev"))).toBe("Europe/Kyiv");
  });

  // Every zone n8n lists, as Node names it on a machine in that zone, comes back as a name n8n lists.
  const listFile = path.join(installPaths().n8nDir, "node_modules", "n8n", "dist", "timezones.json");
  (fs.existsSync(listFile) ? it : it.skip)("gives only names in the installed n8n's list (needs npm run dev's install)", () => {
    const listed = Object.keys((JSON.parse(fs.readFileSync(listFile, "utf8")) as { data: Record<string, string> }).data);
    const asNodeNamesIt = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    const notListed = listed.map((zone) => devTimeZone({}, machine(asNodeNamesIt(zone)))).filter((name) => !listed.includes(name));
    expect(notListed).toEqual([]);
    expect(listed).toContain(devTimeZone({})); // this machine's
  });
});

describe("emulatorCommands (the npm run dev banner)", () => {
  it("moves the clock and lists deliveries at the emulator URL in use", () => {
    const lines = emulatorCommands("http://127.0.0.1:4120").join("\n");
    expect(lines).toContain(
      `curl -X POST http://127.0.0.1:4120/__emulator/clock/advance -H 'content-type: application/json' -d '{"to": "<run_at>"}'`,
    );
    expect(lines).toContain("curl http://127.0.0.1:4120/__emulator/deliveries");
    expect(lines).not.toContain("4010");
  });
});
