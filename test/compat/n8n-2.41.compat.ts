// The n8n pinned for e2e (Node 24): see test/e2e/n8n/versions.ts.
import { PINNED_N8N } from '../e2e/n8n/versions';
import { describeCompat } from './suite';

describeCompat(PINNED_N8N);
