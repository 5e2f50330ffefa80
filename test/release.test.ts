/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// How the package is checked and published from GitHub: both workflows call the project's one CI script, publishing
// carries an npm provenance statement through trusted publishing, and no registry host is named anywhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json');

interface Step {
	name?: string;
	run?: string;
	uses?: string;
}
interface Job {
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run?.trim()).filter((run): run is string => Boolean(run));

describe('GitHub Actions', () => {
	it('CI runs on every push and pull request, through the same script as .ci/run', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		const jobs = Object.values(ci.jobs);
		expect(jobs).toHaveLength(1);
		expect(runs(jobs[0])).toEqual(['bash .ci/run']);
		expect(read('.ci/run')).toContain('npm ci && npm test');
	});

	it('publishes on a version tag, after every CI check, with provenance through trusted publishing', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		const jobs = Object.values(publish.jobs);
		expect(jobs).toHaveLength(1);
		const [job] = jobs;
		expect(job.permissions).toMatchObject({ 'id-token': 'write' });
		const commands = runs(job);
		const checks = commands.indexOf('bash .ci/run');
		const release = commands.indexOf('npm run release');
		expect(checks).toBeGreaterThanOrEqual(0);
		expect(release).toBeGreaterThan(checks);
		// n8n-node release, inside GitHub Actions, lints, builds and runs `npm publish` with NPM_CONFIG_PROVENANCE=true.
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(read('node_modules/@n8n/node-cli/dist/commands/release.js')).toMatch(/NPM_CONFIG_PROVENANCE: 'true'/);
		expect(pkg.publishConfig).toMatchObject({ provenance: true, access: 'public' });
	});

	it('name no registry host and hold no long-lived npm token', () => {
		for (const text of [read('.github/workflows/ci.yml'), read('.github/workflows/publish.yml'), JSON.stringify(pkg)]) {
			expect(text).not.toMatch(/registry[-.]|npmjs\.(org|com)|_authToken|NPM_TOKEN|NODE_AUTH_TOKEN/i);
		}
	});
});

describe('release metadata', () => {
	it('the README has the sections of n8n’s community-node README, in their order', () => {
		const headings = read('README.md')
			.split('\n')
			.filter((line) => line.startsWith('## '))
			.map((line) => line.slice(3).trim());
		const expected = ['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history'];
		expect(headings.filter((heading) => expected.includes(heading))).toEqual(expected);
	});

	it('the changelog has a section and a link for the version in package.json', () => {
		const changelog = read('CHANGELOG.md');
		expect(changelog).toContain(`## [${pkg.version}] - `);
		expect(changelog).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\]: https://github\\.com/`, 'm'));
	});

	it('repository, homepage and bugs name one GitHub repository, which the README links to', () => {
		const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(repo).toMatch(/^https:\/\/github\.com\/[^/]+\/n8n-nodes-pinbridge-suite$/);
		expect(pkg.homepage.startsWith(repo)).toBe(true);
		expect(pkg.bugs.url).toBe(`${repo}/issues`);
		expect(read('README.md')).toContain(repo);
		expect(read('CHANGELOG.md')).toContain(repo);
	});
});
