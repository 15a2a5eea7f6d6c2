// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageIsDark } from '../../../lib/dom/tooltip';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '';
});

const term = () => document.getElementById('t')!;

describe('whether the tooltip sits on a dark page', () => {
  it('reads the first opaque background up from the term, not only <body>', () => {
    // A dark reading pane on a transparent body (themes that paint a wrapper, not the body).
    document.body.innerHTML = '<div style="background-color: rgb(20, 22, 26)"><section><p><span id="t">六稳六保</span></p></section></div>';
    expect(pageIsDark(document, term())).toBe(true);
    expect(pageIsDark(document)).toBe(false);
  });

  it('a light box inside a dark page is light, and a translucent background does not decide', () => {
    document.body.style.backgroundColor = 'rgb(10, 10, 10)';
    document.body.innerHTML = '<div style="background-color: rgb(250, 250, 245)"><p><span id="t">六稳六保</span></p></div><p id="out">外</p>';
    expect(pageIsDark(document, term())).toBe(false);
    expect(pageIsDark(document, document.getElementById('out'))).toBe(true);
    document.body.innerHTML = '<div style="background-color: rgba(255, 255, 255, 0)"><span id="t">六稳六保</span></div>';
    expect(pageIsDark(document, term())).toBe(true);
  });

  it('follows a page that switches itself to a night mode after load', () => {
    document.body.innerHTML = '<p><span id="t">六稳六保</span></p>';
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageIsDark(document, term())).toBe(false);
    document.body.style.backgroundColor = 'rgb(17, 17, 17)';
    expect(pageIsDark(document, term())).toBe(true);
  });
});
