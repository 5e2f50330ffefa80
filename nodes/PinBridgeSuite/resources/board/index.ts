import { resourceProperties } from '../operation';
import { createBoard } from './create';
import { deleteBoard } from './delete';
import { getManyBoards } from './getMany';

export const boardProperties = resourceProperties('board', [getManyBoards, createBoard, deleteBoard], 'getAll');
