/**
 * Reading an HTTP answer's headers as n8n hands them over: names in any case (HTTP names are case-insensitive, and
 * n8n versions and proxies differ in how they write them), a repeated header as a list (its first value counts).
 */

/** The header's value as text, or undefined when the answer has none (or an empty one). */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
	const value: unknown = Array.isArray(found) ? found[0] : found;
	if (value === undefined || value === null || value === '') return undefined;
	return String(value);
}

/** The header's value as text, '' when missing. */
export function headerText(headers: Record<string, unknown> | undefined, name: string): string {
	return headerValue(headers, name) ?? '';
}
