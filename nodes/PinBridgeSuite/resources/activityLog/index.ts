import { resourceProperties } from '../operation';
import { getManyActivityLogEntries } from './getMany';

export const activityLogProperties = resourceProperties('activityLog', [getManyActivityLogEntries], 'getAll');
