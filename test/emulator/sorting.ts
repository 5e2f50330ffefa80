// The `sort` values of the 1.34+ list calls (§8.3 pins, §8.5 schedules, §8.7 assets): `<field>_asc|_desc`.
// Items arrive newest-created first; ties follow creation order in the sort's direction (asc: oldest first,
// desc: newest first), so created_at_asc works on equal timestamps too. A missing value (e.g. published_at of an unpublished
// pin) sorts last in both directions (§8.3: "the published_at sorts put unpublished pins last").

type Key = string | number | null;

export function sortBy<T>(items: T[], sort: string, fields: Record<string, (item: T) => Key>): T[] {
	const m = /^(.*)_(asc|desc)$/.exec(sort);
	const read = m ? fields[m[1]] : undefined;
	if (!m || !read) return items;
	const dir = m[2] === 'asc' ? 1 : -1;
	const keyed = items.map((item, index) => ({
		item,
		index,
		key: normalise(read(item)),
	}));
	keyed.sort((a, b) => {
		if (a.key === null || b.key === null) {
			if (a.key === b.key) return a.index - b.index;
			return a.key === null ? 1 : -1;
		}
		const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
		return c === 0 ? (a.index - b.index) * -dir : c * dir;
	});
	return keyed.map((k) => k.item);
}

function normalise(key: Key): Key {
	return typeof key === 'string' ? key.toLowerCase() : key;
}
