import { describe, expect, it } from 'vitest';
import { writtenParts } from '../../../lib/text/as-written';

const target = (sentence: string, unit: string, qualifier = '', hedge = '') => ({ sentence, unit, qualifier, hedge });

describe('writtenParts: a target’s unit, qualifier and hedge as its sentence writes them', () => {
  it('takes a traditional page’s characters (seed 004’s shapes)', () => {
    expect(writtenParts(target('糧食總產量穩定在62萬噸以上。', '万吨', '以上'))).toEqual({ unit: '萬噸', qualifier: '以上', hedge: '' });
    expect(writtenParts(target('確保縣域民辦義務教育在校生規模占比控制在5%以內。', '%', '以内', '确保'))).toEqual({ unit: '%', qualifier: '以內', hedge: '確保' });
    expect(writtenParts(target('力爭策劃總投資過億元項目35個以上。', '个', '以上', '力争'))).toEqual({ unit: '個', qualifier: '以上', hedge: '力爭' });
    // Full-width digits around it change nothing; an ASCII unit stays.
    expect(writtenParts(target('新建５Ｇ基站１５００個以上。', '个', '以上')).unit).toBe('個');
    expect(writtenParts(target('新建高速公路50km以上。', 'km', '以上')).unit).toBe('km');
  });

  it('a hedge from the list’s intro, not in the sentence: in the sentence’s script', () => {
    expect(writtenParts(target('地區生產總值增長8.5%以上', '%', '以上', '预期')).hedge).toBe('預期');
    expect(writtenParts(target('地区生产总值增长8.5%以上', '%', '以上', '预期')).hedge).toBe('预期');
  });

  it('leaves a simplified sentence’s parts, and a key the sentence does not hold, as they are', () => {
    expect(writtenParts(target('粮食总产量稳定在62万吨以上。', '万吨', '以上', '确保'))).toEqual({ unit: '万吨', qualifier: '以上', hedge: '确保' });
    // A mirror that wrote the unit another way (or none): the key.
    expect(writtenParts(target('糧食總產量穩定在62以上。', '万吨', '以上')).unit).toBe('万吨');
    expect(writtenParts(target('', '万吨', '以内', '力争'))).toEqual({ unit: '万吨', qualifier: '以内', hedge: '力争' });
  });

  it('maps character by character: a mirror mixing scripts keeps its mix', () => {
    // 萬 folds to 万; a page character that folds elsewhere is never taken for the key's.
    expect(writtenParts(target('產量穩定在62万噸以上', '万吨', '以上')).unit).toBe('万噸');
  });
});
