import { resourceProperties } from '../operation';
import { getPlanStatus } from './getStatus';

export const planProperties = resourceProperties('plan', [getPlanStatus], 'getStatus');
