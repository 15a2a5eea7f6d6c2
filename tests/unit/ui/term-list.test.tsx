// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../../lib/messaging/protocol';

const getEntries = vi.fn();
vi.mock('../../../lib/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/protocol')>()),
  sendMessage: (type: string, data: unknown) => (type === 'getEntries' ? getEntries(data) : Promise.reject(new Error(type))),
}));
const { TermList } = await import('../../../lib/ui/popup');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  getEntries.mockReset();
});

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const shown = () => [...root.querySelectorAll('li')].map((li) => li.firstChild?.textContent ?? '');
const term = (text: string, entry: string): PageState['terms'][number] => ({ text, source: 'glossary', entry, count: 1 });

describe('the popup’s term list', () => {
  it('names an over-converted term as the glossary writes it on a traditional page', async () => {
    getEntries.mockResolvedValue({ 'hezhang': { surfaces: ['河長制'] }, 'gzl': { surfaces: ['高質量發展'] } });
    await act(() => render(<TermList terms={[term('河長製', 'hezhang'), term('高質量發展', 'gzl')]} script="traditional" />, root));
    await settle();
    expect(shown()).toEqual(['河長制', '高質量發展']);
  });

  it('shows a page toggled to simplified in its own words, not in the traditional forms fetched before', async () => {
    getEntries.mockResolvedValue({ 'hezhang': { surfaces: ['河長制'] }, 'gzl': { surfaces: ['高質量發展'] } });
    await act(() => render(<TermList terms={[term('河長製', 'hezhang'), term('高質量發展', 'gzl')]} script="traditional" />, root));
    await settle();
    // The popup's 转为简体: the same list, now the page's simplified words.
    await act(() => render(<TermList terms={[term('河长制', 'hezhang'), term('高质量发展', 'gzl')]} script="simplified" />, root));
    await settle();
    expect(shown()).toEqual(['河长制', '高质量发展']);
  });
});
