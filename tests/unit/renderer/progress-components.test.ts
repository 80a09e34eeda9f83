// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Routine } from '../../../core/content/routine-schema';
import type { PlanTarget } from '../../../core/plan/plan-schema';
import type { DayStatus } from '../../../core/progress/dashboard';
import PlanPauses from '../../../renderer/src/components/plan/PlanPauses.vue';
import PlanTargetForm from '../../../renderer/src/components/plan/PlanTargetForm.vue';
import ProgressCalendar from '../../../renderer/src/components/progress/ProgressCalendar.vue';
import ProgressRangePicker from '../../../renderer/src/components/progress/ProgressRangePicker.vue';

/** Consecutive days from `from`, with the statuses given in order. */
function days(from: string, statuses: DayStatus[]): { day: string; status: DayStatus }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return statuses.map((status, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), status }));
}

describe('ProgressCalendar', () => {
  // Wednesday 28 October to Wednesday 4 November 2026: two months, weeks from Monday.
  const shown = days('2026-10-28', ['before-plan', 'missed', 'done', 'partly', 'paused', 'free', 'done', 'due']);

  it('draws a small calendar per month, only the weeks with days shown, each day named with its status', () => {
    const wrapper = mount(ProgressCalendar, { props: { days: shown, weekStartsOn: 'monday' } });
    const months = wrapper.findAll('table');
    expect(months.map((month) => month.find('caption').text())).toEqual(['October 2026', 'November 2026']);
    // October: the week of Mon 26 only (28–31 shown). November: Sun 1 closes that week, then the week of Mon 2.
    expect(months[0]!.findAll('tbody tr')).toHaveLength(1);
    expect(months[1]!.findAll('tbody tr')).toHaveLength(2);
    const cells = (index: number) => months[index]!.findAll('td').map((cell) => cell.text().replace(/\s+/g, ' ').trim());
    expect(cells(0)).toEqual(['', '', '28 Before your plan', '29 Not done', '30 Done', '31 Partly done', '']);
    expect(cells(1).filter(Boolean)).toEqual(['1 Paused', '2 Free day', '3 Done', '4 Due today']);
    expect(wrapper.find('.chart-summary').text()).toBe('Since 28 October 2026: 2 days done, 1 partly done, 1 not done, 1 paused.');
  });

  it('starts the week on Sunday when asked', () => {
    const wrapper = mount(ProgressCalendar, { props: { days: shown, weekStartsOn: 'sunday' } });
    expect(wrapper.find('thead').text()).toMatch(/^SuMoTuWeThFrSa$/);
  });
});

describe('ProgressRangePicker', () => {
  it('marks the range shown as pressed and asks for another', async () => {
    const wrapper = mount(ProgressRangePicker, { props: { modelValue: '4-weeks' } });
    const buttons = wrapper.findAll('button');
    expect(buttons.map((b) => [b.text(), b.attributes('aria-pressed')])).toEqual([
      ['4 weeks', 'true'],
      ['3 months', 'false'],
      ['12 months', 'false'],
      ['All', 'false'],
    ]);
    await buttons[2]!.trigger('click');
    expect(wrapper.emitted('update:modelValue')).toEqual([['12-months']]);
  });
});

const routines = [
  { id: 'bedtime-spasm-relief', name: 'Bedtime spasm relief' },
  { id: 'core-strength', name: 'Core strength' },
] as Pick<Routine, 'id' | 'name'>[] as Routine[];
const everyEvening: PlanTarget = { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] }] };

describe('PlanTargetForm', () => {
  const mountForm = (target: PlanTarget) => mount(PlanTargetForm, { props: { target, routines, weekStartsOn: 'monday', today: '2026-11-18' } });

  it('starts from the plan in force and sends the days chosen', async () => {
    const wrapper = mountForm(everyEvening);
    expect(wrapper.text()).toContain('A change applies from today, Wednesday 18 November.');
    const core = wrapper.findAll('fieldset.routine')[1]!;
    await core.findAll('button').find((b) => b.text() === 'Mon, Wed, Fri')!.trigger('click');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([
      [
        {
          kind: 'routines-on-days',
          routines: [
            { routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] },
            { routineId: 'core-strength', weekdays: [1, 3, 5] },
          ],
        },
      ],
    ]);
  });

  it('names the field when nothing would be planned, or the weekly count is out of range', async () => {
    const wrapper = mountForm(everyEvening);
    await wrapper.findAll('fieldset.routine')[0]!.findAll('button').find((b) => b.text() === 'No days')!.trigger('click');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('Routines on days: tick at least one day for one routine.');

    await wrapper.find('input[value="sessions-per-week"]').setValue(true);
    await wrapper.find('input[type="number"]').setValue('22');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('Sessions a week: enter a whole number from 1 to 21.');
    await wrapper.find('input[type="number"]').setValue('4');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([[{ kind: 'sessions-per-week', sessionsPerWeek: 4 }]]);
  });
});

describe('PlanPauses', () => {
  it('checks From and To by name before sending a pause', async () => {
    const wrapper = mount(PlanPauses, { props: { pauses: [], today: '2026-11-18' } });
    const [from, to, reason] = wrapper.findAll('input');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('To: choose the last day of the pause.');
    await to!.setValue('2026-11-01');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('To: must be on or after From.');
    await from!.setValue('2026-01-01');
    await to!.setValue('2027-01-03');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('To: a pause can last a year at most.');
    await to!.setValue('2026-01-10');
    await reason!.setValue('  ill ');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('add')).toEqual([['2026-01-01', '2026-01-10', 'ill']]);
  });

  it('offers to end a pause under way and to cancel one not begun, not to change one that is over', () => {
    const pause = (id: string, from: string, to: string) => ({ id, from, to, reason: '' });
    const wrapper = mount(PlanPauses, {
      props: { today: '2026-11-18', pauses: [pause('a', '2026-10-01', '2026-10-05'), pause('b', '2026-11-17', '2026-11-20'), pause('c', '2026-12-01', '2026-12-03')] },
    });
    expect(wrapper.findAll('li').map((li) => li.find('button').exists() ? li.find('button').text() : null)).toEqual([null, 'End this pause', 'Cancel this pause']);
  });
});
