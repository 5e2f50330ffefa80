// n8n 1.123.x (latest 1.x patch, Node 22): see test/e2e/n8n/versions.ts.
import { N8N_1_123 } from '../e2e/n8n/versions';
import { describeCompat } from './suite';

describeCompat(N8N_1_123);
