import { resourceProperties } from '../operation';
import { deletePin } from './delete';
import { getPin } from './get';
import { getManyPins } from './getMany';
import { getPinStatus } from './getStatus';
import { publishPin } from './publish';
import { publishBatchOperation } from './publishBatch';
import { retryPin } from './retry';
import { updatePin } from './update';
import { validatePin } from './validate';

export const pinProperties = resourceProperties(
	'pin',
	[publishPin, publishBatchOperation, getPin, getManyPins, getPinStatus, retryPin, deletePin, validatePin, updatePin],
	'publish',
);
