// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { StorageNotice } from '../../../core/log/history';
import TheStorageNotices from '../../../renderer/src/components/app/TheStorageNotices.vue';
import { useHistoryStore } from '../../../renderer/src/stores/history';
import { useNoticesStore } from '../../../renderer/src/stores/notices';
import { useSettingsStore } from '../../../renderer/src/stores/settings';
import { testId } from './support/records';
import { createFakeApi, failWith, fakeApiPlugin, installFakeApi, type FakeApi } from './support/fake-api';

const notice = (name: string, message: string): StorageNotice => ({ id: testId(name), level: 'warning', message, at: '2026-11-24T12:00:00Z' });
const recovered = notice('n1', 'Your settings file was damaged; the last good copy was restored.');
const damaged = notice('n2', 'Part of your history was damaged and set aside.');

let api: FakeApi;
let held: StorageNotice[];
let unreadable: boolean;

beforeEach(() => {
  held = [recovered];
  unreadable = false;
  api = createFakeApi({
    'storage:notices': () => {
      if (unreadable) throw failWith('The notices file could not be read.');
      return held;
    },
    'storage:dismiss-notice': ({ id }) => {
      held = held.filter((n) => n.id !== id);
      return null;
    },
    'history:list': () => ({ entries: [], nextCursor: null }),
    'entries:pending-deletions': () => [],
    'settings:get': () => {
      throw failWith('The settings file could not be read.');
    },
  });
});

describe('notices store', () => {
  it('lists the notices held and dismisses one', async () => {
    installFakeApi(api);
    const store = useNoticesStore();
    await store.refresh();
    expect(store.notices).toEqual([recovered]);
    await store.dismiss(testId('n1'));
    expect(api.payloadsOf('storage:dismiss-notice')).toEqual([{ id: testId('n1') }]);
    expect(store.notices).toEqual([]);
  });

  it('replaces the list with the one a reply carries, whichever store asked', async () => {
    installFakeApi(api);
    const store = useNoticesStore();
    await store.refresh();
    api.noticesWithNextReply([damaged]);
    await useHistoryStore().reload();
    // Replaced, not added to: the reply carries the full list.
    expect(store.notices).toEqual([damaged]);
    expect(api.payloadsOf('storage:notices')).toHaveLength(1);
  });

  it('takes the notices from a reply that failed, too', async () => {
    installFakeApi(api);
    const store = useNoticesStore();
    api.noticesWithNextReply([recovered, damaged]);
    await expect(useSettingsStore().load()).rejects.toThrow('The settings file could not be read.');
    expect(store.notices).toEqual([recovered, damaged]);
  });

  it('keeps the notices shown when they cannot be read again', async () => {
    installFakeApi(api);
    const store = useNoticesStore();
    await store.refresh();
    unreadable = true;
    await store.refresh();
    expect(api.payloadsOf('storage:notices')).toHaveLength(2);
    expect(store.notices).toEqual([recovered]);
  });
});

describe('TheStorageNotices', () => {
  it('shows a notice on the screen whose request found the damage, at once', async () => {
    const pinia = installFakeApi(api);
    const wrapper = mount(TheStorageNotices, { global: { plugins: [fakeApiPlugin(api), pinia] } });
    await flush();
    expect(wrapper.text()).toContain(recovered.message);

    api.noticesWithNextReply([recovered, damaged]);
    await useHistoryStore().open();
    await nextTick();
    expect(wrapper.findAll('[role="alert"]').map((n) => n.find('p').text())).toEqual([recovered.message, damaged.message]);
  });

  it('dismisses a notice from its button', async () => {
    const pinia = installFakeApi(api);
    const wrapper = mount(TheStorageNotices, { global: { plugins: [fakeApiPlugin(api), pinia] } });
    await flush();
    await wrapper.get('button').trigger('click');
    await flush();
    expect(api.payloadsOf('storage:dismiss-notice')).toEqual([{ id: testId('n1') }]);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});

/** Lets the fake's answers and the re-render that follows them land. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await nextTick();
}
