// `npm run test:queue`: the queue-mode suite (real n8n main + worker + webhook processor, Postgres, Redis, the
// emulator). Its own config, so `npm run test:e2e` never starts it: files are *.queue.ts, run in band.
module.exports = {
	rootDir: '../../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	testTimeout: 600_000,
	slowTestThreshold: 120,
};
