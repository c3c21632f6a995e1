import { describeApiMatrix } from './support/api-matrix';
import { claimRows } from './support/api-rows-claims';

describeApiMatrix(claimRows);
