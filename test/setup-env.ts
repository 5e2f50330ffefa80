/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Test-only: n8n-core writes its instance settings under N8N_USER_FOLDER; keep them inside the repo's ignored folder.
import path from 'node:path';

process.env.N8N_USER_FOLDER = path.resolve(__dirname, '..', '.n8n-test');
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
