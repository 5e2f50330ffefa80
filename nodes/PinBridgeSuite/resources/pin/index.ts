import { withPinterestLink } from '../../../shared/pinterestLink';
import { resourceProperties, withOutputFields } from '../operation';
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
	[
		publishPin,
		publishBatchOperation,
		withOutputFields(getPin, (_ctx, pin) => withPinterestLink(pin)),
		getManyPins,
		withOutputFields(getPinStatus, (_ctx, job) => withPinterestLink(job)),
		retryPin,
		deletePin,
		validatePin,
		updatePin,
	],
	'publish',
);
