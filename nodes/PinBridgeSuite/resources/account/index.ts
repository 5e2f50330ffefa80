import { resourceProperties } from '../operation';
import { completeAccountConnection } from './completeConnection';
import { disconnectAccount } from './disconnect';
import { getManyAccounts } from './getMany';
import { startAccountConnection } from './startConnection';

export const accountProperties = resourceProperties(
	'account',
	[getManyAccounts, startAccountConnection, completeAccountConnection, disconnectAccount],
	'getAll',
);
