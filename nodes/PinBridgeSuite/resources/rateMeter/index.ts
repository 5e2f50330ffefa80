import { resourceProperties } from '../operation';
import { getRateMeter } from './get';

export const rateMeterProperties = resourceProperties('rateMeter', [getRateMeter], 'get');
