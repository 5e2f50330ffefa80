import { resourceProperties } from '../operation';
import { createWebhook } from './create';
import { deleteWebhook } from './delete';
import { getWebhook } from './get';
import { getManyWebhooks } from './getMany';
import { updateWebhook } from './update';

export const webhookProperties = resourceProperties(
	'webhook',
	[createWebhook, getWebhook, getManyWebhooks, updateWebhook, deleteWebhook],
	'getAll',
);
