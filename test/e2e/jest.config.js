// `npm run test:e2e`: headless end-to-end tests against a real n8n (test/e2e/n8n) and the PinBridge emulator.
// Separate from the fast unit tests (`npm test`, *.test.ts): these are *.e2e.ts, run in band, with long timeouts.
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	testTimeout: 180_000,
	slowTestThreshold: 60,
};
