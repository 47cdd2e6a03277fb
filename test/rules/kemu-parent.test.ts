/** kemu.parent: a 款 or 项 whose parent neither the catalogue nor the report knows. */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

RuleTester.run('kemu.parent', {
  valid: [
    { name: 'parents in the catalogue', source: JUE + D03(['2011377 某项: 1.00'], ['本年支出合计']) },
    { name: 'parents listed in the report', source: JUE + D03(['288 某类: 1.00', '28812 某款: 1.00', '2881234 某项: 1.00'], ['本年支出合计']) },
  ],
  invalid: [
    { name: 'neither knows 288 and 28812', source: JUE + D03(['«2881234» 某项: 1.00'], ['本年支出合计']), message: '目录和本报告中都没有 2881234 的上级科目 288、28812', severity: 'warning' },
    { name: 'a 款 whose 类 neither knows', source: JUE + D03(['«28812» 某款: 1.00'], ['本年支出合计']), message: '目录和本报告中都没有 28812 的上级科目 288', severity: 'warning' },
  ],
});
