import { describe, expect, it } from 'vitest';
import { validateSender, type FrameInfo } from '../../../electron/main/sender-policy';

const topFrame = (url: string): FrameInfo => ({ url, parent: null });

describe('validateSender', () => {
  it('accepts the top-level frame of our own page', () => {
    expect(validateSender(topFrame('app://backcare/index.html#/library'))).toEqual({ ok: true });
  });

  it('refuses a missing frame', () => {
    expect(validateSender(null)).toMatchObject({ ok: false, reason: expect.stringMatching(/gone/) });
    expect(validateSender(undefined)).toMatchObject({ ok: false });
  });

  it('refuses a sub-frame, even one from our own origin', () => {
    const child: FrameInfo = { url: 'app://backcare/index.html', parent: topFrame('app://backcare/index.html') };
    expect(validateSender(child)).toMatchObject({ ok: false, reason: expect.stringMatching(/sub-frame/) });
  });

  it.each(['https://evil.example/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank', 'data:text/html,x', ''])(
    'refuses a top-level page at %s',
    (url) => expect(validateSender(topFrame(url))).toMatchObject({ ok: false, reason: expect.stringMatching(/not the app's own/) }),
  );

  it('refuses a frame that throws when read (disposed)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(validateSender(disposed)).toMatchObject({ ok: false, reason: expect.stringMatching(/disposed/) });
  });
});
