/** The 情况说明 rules, one module each, in the order they run; the reading they share is in ../../narrative. */
import { Rule } from '../types';
import { rule as table } from './table';
import { rule as share } from './share';
import { rule as change } from './change';
import { rule as completion } from './completion';
import { rule as sum } from './sum';
import { rule as sign } from './sign';
import { rule as direction } from './direction';
import { rule as contradiction } from './contradiction';
import { rule as zeroBase } from './zero-base';
import { rule as flat } from './flat';
import { rule as placeholder } from './placeholder';
import { rule as instruction } from './instruction';
import { rule as unit } from './unit';
import { rule as duplicate } from './duplicate';
import { rule as year } from './year';
import { rule as perf } from './perf';
import { rule as kemu } from './kemu';
import { rule as emptyTable } from './empty-table';

export const rules: Rule[] = [table, share, change, completion, sum, sign, direction, contradiction, zeroBase, flat, placeholder, instruction, unit, duplicate, year, perf, kemu, emptyTable];
