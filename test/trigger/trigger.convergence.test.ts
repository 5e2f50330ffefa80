// The trigger's registration converges whatever n8n does with its calls (issue 24: quick toggles left a webhook at
// PinBridge with the workflow inactive), against the PinBridge emulator. Each n8n call is a harness built from the
// static data n8n hands it — the latest saved, or an older copy (a call that started before another's save) — and
// what it leaves is saved, or not (n8n logs and ignores a failed static-data save; an abandoned activation never
// saves). The registration counted is every webhook at the node's URL, as PinBridge would deliver to them.
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type StartedEmulator } from '../emulator/server';
import { PRODUCTION_URL, TriggerHarness } from './harness';

let emu: StartedEmulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, clock: 'manual' });
});
afterAll(async () => await emu.close());
beforeEach(async () => await emu.control.reset());

/** The workflow's static data as n8n's database holds it, every saved version kept (index 0: before any). */
class StaticDataStore {
	readonly versions: IDataObject[] = [{}];
	get latest(): number {
		return this.versions.length - 1;
	}
}

type Call = { kind: 'activate' | 'deactivate'; from: number; saved: boolean };

/** One n8n call on a Workflow built from static data version `from`; saved afterwards when `saved`. */
async function run(store: StaticDataStore, call: Call): Promise<TriggerHarness> {
	const harness = new TriggerHarness({
		workflowId: 'wf-converge',
		staticData: store.versions[call.from],
		credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: emu.apiKey } },
	});
	if (call.kind === 'activate') await harness.activate();
	else await harness.delete();
	const persisted = harness.persist();
	if (call.saved) store.versions.push(persisted);
	return harness;
}

const atUrl = async () => (await emu.control.webhooks()).filter((webhook) => webhook.url === PRODUCTION_URL);
const storedIn = (store: StaticDataStore) => JSON.stringify(store.versions[store.latest]).match(/"webhookId":"([^"]+)"/)?.[1];

describe('PinBridge Trigger: registration converges, whatever n8n does with its calls', () => {
	it('an activation whose static data was never saved: the deactivation still leaves no webhook', async () => {
		const store = new StaticDataStore();
		await run(store, { kind: 'activate', from: 0, saved: false });
		expect(await atUrl()).toHaveLength(1);
		await run(store, { kind: 'deactivate', from: store.latest, saved: true }); // static data names nothing
		expect(await atUrl()).toHaveLength(0);
	});

	it('a deactivation handed static data from before the activation saved: no webhook left', async () => {
		const store = new StaticDataStore();
		await run(store, { kind: 'activate', from: 0, saved: true });
		await run(store, { kind: 'deactivate', from: 0, saved: true });
		expect(await atUrl()).toHaveLength(0);
	});

	it('an activation n8n runs after the deactivation leaves one webhook until the next activation or deactivation', async () => {
		const store = new StaticDataStore();
		await run(store, { kind: 'activate', from: 0, saved: true });
		await run(store, { kind: 'deactivate', from: store.latest, saved: true });
		await run(store, { kind: 'activate', from: 1, saved: true }); // late: the documented exception
		const [late] = await atUrl();
		expect(late).toBeDefined();

		await run(store, { kind: 'activate', from: store.latest, saved: true }); // the next activation keeps it, alone
		expect((await atUrl()).map((webhook) => webhook.id)).toEqual([late.id]);
		await run(store, { kind: 'deactivate', from: store.latest, saved: true });
		expect(await atUrl()).toHaveLength(0);
	});

	it('two activations at the same moment: the next activation leaves exactly one, the one static data names', async () => {
		const store = new StaticDataStore();
		await Promise.all([0, 1].map(async () => await run(store, { kind: 'activate', from: 0, saved: true })));
		expect((await atUrl()).length).toBeGreaterThanOrEqual(1);
		await run(store, { kind: 'activate', from: store.latest, saved: true });
		expect((await atUrl()).map((webhook) => webhook.id)).toEqual([storedIn(store)]);
	});

	it('a delete for a workflow that never registered (n8n 1.x: its activation refused, the path taken) leaves the other one', async () => {
		const store = new StaticDataStore();
		await run(store, { kind: 'activate', from: 0, saved: true });
		const other = new TriggerHarness({
			workflowId: 'wf-same-path',
			credentials: { pinBridgeSuiteApi: { baseUrl: emu.url, apiKey: emu.apiKey } },
		});
		await other.delete();
		expect((await atUrl()).map((webhook) => webhook.id)).toEqual([storedIn(store)]);
	});

	it('a check at activation only reads; an activation that finds its registration current sends nothing else', async () => {
		const store = new StaticDataStore();
		await run(store, { kind: 'activate', from: 0, saved: true });
		await emu.control.clearRequests();
		const restarted = await run(store, { kind: 'activate', from: store.latest, saved: true });
		const sent = (await emu.control.requests()).filter((request) => request.path.startsWith('/v1/'));
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/webhooks']);
		expect(await restarted.checkExists()).toBe(true);
	});

	it('300 random sequences of activations and deactivations, on stale or unsaved static data, all converge', async () => {
		let seed = 24;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const outcomes = { activations: 0, deactivations: 0, stale: 0, unsaved: 0 };
		for (let sequence = 0; sequence < 300; sequence++) {
			await emu.control.reset();
			const store = new StaticDataStore();
			const calls = 1 + Math.floor(random() * 6);
			for (let i = 0; i < calls; i++) {
				const call: Call = {
					kind: random() < 0.5 ? 'activate' : 'deactivate',
					from: random() < 0.6 ? store.latest : Math.floor(random() * (store.latest + 1)),
					saved: random() < 0.8,
				};
				outcomes[call.kind === 'activate' ? 'activations' : 'deactivations']++;
				if (call.from !== store.latest) outcomes.stale++;
				if (!call.saved) outcomes.unsaved++;
				await run(store, call);
				// After each call, whatever it was handed: one webhook after an activation, none after a deactivation.
				expect([sequence, i, call, (await atUrl()).length]).toEqual([sequence, i, call, call.kind === 'activate' ? 1 : 0]);
			}
			// Then n8n as it is after a restart: an activation from what the database holds, then a check, then a deactivation.
			const active = await run(store, { kind: 'activate', from: store.latest, saved: true });
			expect((await atUrl()).map((webhook) => webhook.id)).toEqual([storedIn(store)]);
			expect(await active.checkExists()).toBe(true);
			await run(store, { kind: 'deactivate', from: store.latest, saved: true });
			expect(await atUrl()).toHaveLength(0);
		}
		// The sequences did exercise what they claim to.
		expect(outcomes.stale).toBeGreaterThan(100);
		expect(outcomes.unsaved).toBeGreaterThan(100);
		expect(outcomes.deactivations).toBeGreaterThan(300);
	}, 300_000);
});
