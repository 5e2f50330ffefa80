import { resourceProperties } from '../operation';
import { createApiKey } from './create';
import { getManyApiKeys } from './getMany';
import { revokeApiKey } from './revoke';

export const apiKeyProperties = resourceProperties('apiKey', [createApiKey, getManyApiKeys, revokeApiKey], 'getAll');
