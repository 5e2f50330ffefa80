// `npm run soak`: a year of a busy account in real n8n against the emulator (test/soak/soak.soak.ts). Hours long;
// SOAK_DAYS shortens it (CI: 5 days after SOAK_PRIOR_DELIVERIES=10000 earlier deliveries in the delivery table).
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/soak'],
	testMatch: ['**/*.soak.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	testTimeout: 24 * 3600_000,
};
