// n8n 2.0.x (last 2.0 patch): not in the default run; `COMPAT_N8N_VERSIONS=2.0.3 npm run test:compat` checks it.
import { N8N_2_0 } from '../e2e/n8n/versions';
import { describeCompat } from './suite';

describeCompat(N8N_2_0);
