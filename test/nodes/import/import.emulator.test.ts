// Import operations against the local PinBridge emulator (a real HTTP server), through n8n's execution engine. No
// nock here: every request really goes out.
import { useEmulator } from '../../harness/emulator';

const emulator = useEmulator();
const run = emulator.run;

describe('Import against the emulator', () => {
	const rows = () => [
		{
			account_id: emulator.emu.accountId,
			board_id: emulator.emu.boardIds[0],
			title: 'Imported 1',
			image_url: 'https://images.example.com/1.jpg',
		},
		{
			account_id: emulator.emu.accountId,
			board_id: emulator.emu.boardIds[0],
			title: 'Imported 2',
			image_url: 'https://images.example.com/2.jpg',
		},
	];

	it('From JSON imports the rows; running it again creates nothing new; Get and Get Many find the jobs', async () => {
		const first = await run(
			{ resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			{ items: [{ json: { rows: rows() } }] },
		);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({
			total_rows: 2,
			created_rows: 2,
			failed_rows: 0,
		});

		const again = await run(
			{ resource: 'import', operation: 'fromJson', rows: '={{ $json.rows }}' },
			{ items: [{ json: { rows: rows() } }] },
		);
		expect(again.items[0].json).toMatchObject({
			total_rows: 2,
			created_rows: 0,
			existing_rows: 2,
		});
		expect(await emulator.emu.control.pins()).toHaveLength(2);

		const got = await run({
			resource: 'import',
			operation: 'get',
			importId: String(first.items[0].json.id),
		});
		expect(got.items[0].json).toMatchObject({
			id: first.items[0].json.id,
			total_rows: 2,
		});
		const listed = await run({
			resource: 'import',
			operation: 'getAll',
			returnAll: true,
		});
		expect(listed.items.map((item) => item.json.id).sort()).toEqual(
			[first.items[0].json.id, again.items[0].json.id].sort(),
		);
	});

	it('From CSV uploads the file as multipart', async () => {
		const csv =
			'account_id,board_id,title,image_url,idempotency_key\n' +
			`${emulator.emu.accountId},${emulator.emu.boardIds[0]},From CSV,https://images.example.com/csv.jpg,csv-row-1\n`;
		const imported = await run(
			{ resource: 'import', operation: 'fromCsv', binaryPropertyName: 'data' },
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.from(csv).toString('base64'),
								mimeType: 'text/csv',
								fileName: 'pins.csv',
							},
						},
					},
				],
			},
		);
		expect(imported.error).toBeUndefined();
		expect(imported.items[0].json).toMatchObject({
			total_rows: 1,
			created_rows: 1,
		});
		expect((await emulator.emu.control.pins()).map((pin) => pin.title)).toEqual(['From CSV']);
	});
});
