import { resourceProperties } from '../operation';
import { getManyRelatedTerms } from './getMany';

export const relatedTermProperties = resourceProperties('relatedTerm', [getManyRelatedTerms], 'getAll');
