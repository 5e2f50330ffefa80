// `npm run test:compat`: the package, packed as users get it, in each supported n8n version (test/compat/*.compat.ts)
// against the PinBridge emulator. Run in band: one real n8n at a time.
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/compat'],
	testMatch: ['**/*.compat.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	globalSetup: '<rootDir>/test/compat/global-setup.ts',
	globalTeardown: '<rootDir>/test/compat/global-teardown.ts',
	testTimeout: 180_000,
	slowTestThreshold: 60,
};
