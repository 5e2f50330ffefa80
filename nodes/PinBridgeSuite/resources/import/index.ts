import { resourceProperties } from '../operation';
import { importFromCsv } from './fromCsv';
import { importFromJson } from './fromJson';
import { getImport } from './get';
import { getManyImports } from './getMany';

export const importProperties = resourceProperties(
	'import',
	[importFromJson, importFromCsv, getImport, getManyImports],
	'fromJson',
);
