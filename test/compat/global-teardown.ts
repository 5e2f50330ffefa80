/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// After `npm run test:compat`: remove the unpacked package global-setup made.
import fs from 'node:fs';

import { packedPackageRoot } from './versions';

export default async function globalTeardown(): Promise<void> {
	fs.rmSync(packedPackageRoot(), { recursive: true, force: true });
}
