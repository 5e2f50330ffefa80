import { resourceProperties } from '../operation';
import { checkBoardAccess } from './checkAccess';
import { createBoard } from './create';
import { deleteBoard } from './delete';
import { getManyBoards } from './getMany';
import { updateBoard } from './update';

export const boardProperties = resourceProperties('board', [getManyBoards, createBoard, deleteBoard, updateBoard, checkBoardAccess], 'getAll');
