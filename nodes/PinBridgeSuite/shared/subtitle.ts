import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's canvas subtitle: the chosen operation's action name ("Publish a Pin", "Get the top Pins") instead of n8n's
 * usual `operation: resource` ("publish: pin"). The names are read from the Operation lists, so a new operation
 * shows its own without this file changing; an unknown pair falls back to the operation's value.
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, Record<string, string>> = {};
	for (const property of properties) {
		const resource = property.displayOptions?.show?.resource?.[0];
		if (property.name !== 'operation' || typeof resource !== 'string') continue;
		for (const option of property.options ?? []) {
			if (!('value' in option) || typeof option.value !== 'string') continue;
			const name = 'action' in option && option.action ? option.action : option.name;
			(actions[resource] ??= {})[option.value] = name;
		}
	}
	// `}}` would end n8n's expression early: keep the object's closing braces apart.
	let table = JSON.stringify(actions);
	while (table.includes('}}')) table = table.replace(/}}/g, '} }');
	return `={{ (${table}[$parameter["resource"]] || {})[$parameter["operation"]] || $parameter["operation"] }}`;
}
