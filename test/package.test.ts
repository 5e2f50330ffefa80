/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports */
// What ships: the npm tarball's contents, and that n8n can load every node and credential package.json names.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shipped = require('../index.js');

describe('the published package', () => {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
	)[0] as { files: Array<{ path: string }> };
	const files = packed.files.map((file) => file.path);

	it('contains only dist/, package.json, README.md and LICENSE', () => {
		expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files).toContain('dist/nodes/PinBridgeSuite/PinBridgeSuite.node.js');
	});

	it('contains no test code, emulator or dev tooling', () => {
		expect(files.filter((file) => /(^|\/)test\/|\.test\.|emulator|harness|gulpfile/i.test(file))).toEqual([]);
	});

	it('ships code that n8n’s full lint rules cover: no eslint-disable anywhere in nodes/ or credentials/', () => {
		const sources = execFileSync('git', ['ls-files', 'nodes', 'credentials'], { cwd: root, encoding: 'utf8' })
			.split('\n')
			.filter((file) => file.endsWith('.ts'));
		expect(sources.length).toBeGreaterThan(50);
		const exempted = sources.filter((file) => readFileSync(path.join(root, file), 'utf8').includes('eslint-disable'));
		expect(exempted).toEqual([]);
	});

	it('has no runtime dependencies and takes n8n-workflow from the host', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('loads every node and credential that package.json lists, under names that cannot collide with n8n-nodes-pinbridge', () => {
		const nodes = shipped.loadNodes().map((entry: { instance: INodeType }) => entry.instance.description.name);
		const credentials = shipped
			.loadCredentials()
			.map((entry: { instance: ICredentialType }) => entry.instance.name);
		expect(pkg.name).not.toBe('n8n-nodes-pinbridge');
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(nodes).toEqual(['pinBridgeSuite', 'pinBridgeSuiteTrigger']);
		expect(credentials).toEqual(['pinBridgeSuiteApi', 'pinBridgeSuiteOAuth2Api']);
		expect(credentials).not.toContain('pinBridgeApi');
	});
});
