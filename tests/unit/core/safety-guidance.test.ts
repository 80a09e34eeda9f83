import { describe, expect, it } from 'vitest';
import { careNumbers, stopRule, tierHeading, warningTiers } from '../../../core/safety/safety-guidance';

describe('warning signs in three tiers', () => {
  it('go from an emergency, to a doctor today, to a routine appointment, each with its own signs', () => {
    expect(warningTiers.map((tier) => tier.id)).toEqual(['emergency', 'today', 'routine']);
    const ids = warningTiers.flatMap((tier) => tier.signs.map((sign) => sign.id));
    expect(new Set(ids).size).toBe(ids.length);
    const emergency = warningTiers[0]!.signs.map((sign) => sign.text).join(' ');
    for (const sign of ['groin', 'urine', 'sex', 'both legs', 'serious accident']) expect(emergency).toContain(sign);
  });

  it('are worded so an ordinary night spasm matches none of the urgent ones', () => {
    const urgent = warningTiers.filter((tier) => tier.id !== 'routine').flatMap((tier) => tier.signs.map((sign) => sign.text));
    for (const text of urgent) {
      expect(text).not.toMatch(/at night|wakes you/i);
      // The one mention of spasms says they are not what is meant.
      if (/spasm/i.test(text)) expect(text).toContain('not spasms that come and go');
    }
  });

  it('name the numbers of the region, and no number where the app does not know it', () => {
    expect(careNumbers('GB')).toEqual({ emergency: '999', urgentAdviceLine: '111' });
    expect(careNumbers('us')).toEqual({ emergency: '911', urgentAdviceLine: null });
    expect(careNumbers('FR')).toEqual({ emergency: '112', urgentAdviceLine: null });
    expect(careNumbers(undefined)).toEqual({ emergency: null, urgentAdviceLine: null });
    expect(tierHeading('emergency', careNumbers('GB'))).toBe('Emergency: call 999 or go to an emergency department now if you have');
    expect(tierHeading('today', careNumbers('GB'))).toBe('See a doctor today (or call 111 for advice) if you have');
    expect(tierHeading('emergency', careNumbers('ZZ'))).toContain('your local emergency number');
  });

  it('let discomfort up to about 5 out of 10 pass, and stop for sharp or spreading pain and numbness', () => {
    expect(stopRule).toContain('5 out of 10');
    expect(stopRule).toContain('by the next morning');
    expect(stopRule).toMatch(/sharp, shooting or spreading pain, or new numbness or tingling/);
  });
});
