// `npm run dev` re-activates the trigger workflows left active by an earlier run (issue 23): the emulator starts
// empty, so without it they would get no deliveries. Which workflows it touches:
import { hasEmulatorTrigger } from "./dev";
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
