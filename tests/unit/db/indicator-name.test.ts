import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indicatorNames } from '../../../lib/db/indicator-name';
import { ReportLensDB } from '../../../lib/db/schema';
import { page, target } from './library-fixtures';

describe('indicatorNames: one name for each indicator key (IndexedDB)', () => {
  let db: ReportLensDB;
  beforeEach(async () => {
    db = new ReportLensDB(`indicator-names-${Math.random()}`);
    await db.pages.bulkAdd([page(1), page(2, { region: '邵阳市', regionKey: '邵阳市' })]);
    await db.targets.bulkAdd([
      // Only traditional pages saved it: their name.
      target(1, '地區生產總值', 8.5, { indicatorKey: '地区生产总值' }),
      target(1, '地區生產總值', 7, { indicatorKey: '地区生产总值' }),
      // Saved from both scripts: the key, whichever came first.
      target(1, '固定資產投資', 10, { indicatorKey: '固定资产投资' }),
      target(2, '固定资产投资', 9, { indicatorKey: '固定资产投资' }),
      // Written as its key.
      target(2, '城镇调查失业率', 5.5, { indicatorKey: '城镇调查失业率' }),
    ]);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('is the name the key’s targets write alike; no entry where they differ or write the key itself', async () => {
    const names = await indicatorNames(db, ['固定资产投资', '地区生产总值', '城镇调查失业率', '没有的指标']);
    expect([...names]).toEqual([['地区生产总值', '地區生產總值']]);
  });

  it('follows the library: once a simplified page saves the indicator too, the key stands', async () => {
    await db.targets.add(target(2, '地区生产总值', 6, { indicatorKey: '地区生产总值' }));
    expect([...(await indicatorNames(db, ['地区生产总值']))]).toEqual([]);
    expect([...(await indicatorNames(db, []))]).toEqual([]);
  });
});

describe('indicatorNames: only the key as written names it', () => {
  let db: ReportLensDB;
  beforeEach(async () => {
    db = new ReportLensDB(`indicator-names-alias-${Math.random()}`);
    await db.pages.bulkAdd([page(1)]);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('a traditional page’s 進出口總額 names 进出口总额, not its 外貿進出口總額 filed under the same key', async () => {
    await db.targets.bulkAdd([
      target(1, '進出口總額', 15, { indicatorKey: '进出口总额' }),
      target(1, '外貿進出口總額', 4, { indicatorKey: '进出口总额' }),
      target(1, 'GDP', 7, { indicatorKey: '地区生产总值' }),
    ]);
    expect([...(await indicatorNames(db, ['进出口总额', '地区生产总值']))]).toEqual([['进出口总额', '進出口總額']]);
  });
});
