import { describeActionMatrix } from './support/action-matrix';
import { newsroomRows } from './support/action-rows-newsroom';

describeActionMatrix(newsroomRows);
