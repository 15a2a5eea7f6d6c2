import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getDb, type UserEntryRecord } from '../db/schema';
import { deleteUserEntry, exportUserGlossary, importUserGlossary, saveUserEntry, setUserEntryHidden, SurfaceTakenError } from '../db/user-entries';
import { glossaryEntries, glossaryEntry } from '../glossary/entries';
import {
  draftFrom,
  entryFromDraft,
  MAX_IMPORT_BYTES,
  mergeGlossary,
  newUserId,
  parseAddEntryHash,
  searchEntries,
  surfacesOf,
  validateDraft,
  type DraftField,
  type AddEntryRequest,
  type DraftProblem,
  type EntryDraft,
  type EntryStatus,
  type ImportProblem,
  type MergedEntry,
  type ScopeLevel,
} from '../glossary/user';
import { formatCount, t, tn } from '../i18n';
import { foldChars } from '../text/normalize';
import { storageFullText } from './storage-full';
import { DatabaseAlert, DatabaseGate, useDatabaseState } from './database-gate';
import { useLiveQuery } from './library/live-query';
import type { GlossaryEntry } from '../types';

/*
 * The user-glossary editor on the options page. The options page lives in the extension's origin, so
 * it reads and writes the userEntries table itself (lib/db/user-entries.ts); the background reads it
 * afresh for every page it analyses. Every string — bundled, user-typed or imported — is rendered by
 * Preact as text, never as markup.
 */

type Filter = 'all' | EntryStatus;
const FILTERS: Filter[] = ['all', 'mine', 'edited', 'hidden', 'bundled'];
const LEVELS: ScopeLevel[] = ['national', 'province', 'city', 'county'];
const PAGE = 100;
const MAX_PROBLEMS_SHOWN = 20;

interface Editing {
  draft: EntryDraft;
  /** The entry being edited (a bundled entry, an override or an own entry); null for a new one. */
  base: GlossaryEntry | null;
  bundled: GlossaryEntry | undefined;
  /** The sentence the term stood in, when the form was opened from a page's tooltip. */
  context: string;
}

type Notice =
  | { kind: 'ok'; text: string; undo?: () => Promise<void> }
  | { kind: 'error'; text: string; details: string[] };

/** The user's entries, read again when any context writes them; a failure is said by the DatabaseGate. */
function useUserRecords(): UserEntryRecord[] | undefined {
  return useLiveQuery(() => getDb().userEntries.toArray());
}

function problemText(p: DraftProblem): string {
  const [a = '', b = ''] = (p.arg ?? '').split('|');
  switch (p.code) {
    case 'required':
      return t('geErrRequired');
    case 'quotes':
      return t('geErrQuotes');
    case 'tooLong':
      return t('geErrTooLong', a);
    case 'duplicate':
      return t('geErrDuplicate', a);
    case 'taken':
      return t('geErrTaken', [a, b]);
    case 'year':
      return t('geErrYear');
    case 'url':
      return t('geErrUrl');
    case 'invalid':
      return t('geErrInvalid', p.arg ?? '');
  }
}

function importProblemText(p: ImportProblem): string {
  const n = String(p.entry ?? '?');
  const [a = '', b = ''] = (p.detail ?? '').split('|');
  switch (p.code) {
    case 'tooLarge':
      return t('geImpTooLarge');
    case 'notJson':
      return t('geImpNotJson', p.detail ?? '');
    case 'foreign':
      return t('geImpForeign');
    case 'library':
      return t('geImpLibrary');
    case 'version':
      return t('geImpVersion', p.detail ?? '');
    case 'noEntries':
      return t('geImpNoEntries');
    case 'tooMany':
      return t('geImpTooMany', p.detail ?? '');
    case 'invalid':
      return t('geImpInvalid', [n, p.term ?? '—', p.detail ?? '']);
    case 'duplicateId':
      return t('geImpDuplicateId', [n, p.detail ?? '']);
    case 'duplicateSurface':
      return t('geImpDuplicateSurface', [n, p.detail ?? '']);
    case 'taken':
      return t('geImpTaken', [n, a, b]);
  }
}

/** Why a write failed, for the notice's list: a full disk in the reader's words, anything else as the browser says it. */
export function failureDetail(e: unknown): string {
  return storageFullText(e) ?? String(e);
}

function scopeText(e: GlossaryEntry): string {
  return e.scope.level === 'national' ? t('geScope_national') : e.scope.region;
}

/** The editor, told when its database cannot be opened (DatabaseGate). */
export function GlossaryEditor() {
  return (
    <DatabaseGate>
      <GlossaryEditorView />
    </DatabaseGate>
  );
}

function GlossaryEditorView() {
  const records = useUserRecords();
  const database = useDatabaseState();
  const bundled = glossaryEntries();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The button that opened the form, where the focus goes back when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  // Bumped by a save that found problems: the first invalid field takes the focus.
  const [invalidSubmit, setInvalidSubmit] = useState(0);
  // The last row button focused, and its row's place in the list: if a re-render takes the row away
  // (a delete, a hide under a filter, an edit the search no longer finds), the row now at that place
  // takes the focus instead of <body>.
  const lastRowFocus = useRef<{ el: HTMLElement; index: number } | null>(null);

  const merged = useMemo(() => mergeGlossary(bundled, records ?? []), [bundled, records]);
  const rows = useMemo(
    () => searchEntries(filter === 'all' ? merged : merged.filter((r) => r.status === filter), query),
    [merged, filter, query],
  );

  const open = (row: MergedEntry | null, prefill?: AddEntryRequest) => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body && !formRef.current?.contains(active) ? active : opener.current;
    setProblems([]);
    setEditing({
      draft: draftFrom(row?.entry ?? null, prefill),
      base: row?.entry ?? null,
      bundled: row?.bundled,
      context: prefill?.context ?? '',
    });
  };

  // Opened from a tooltip's "add" button: prefill once the user's entries are known, so a term that
  // is already an entry opens that entry instead of a duplicate.
  const hashDone = useRef(false);
  useEffect(() => {
    if (!records || hashDone.current) return;
    hashDone.current = true;
    const add = parseAddEntryHash(location.hash);
    if (!add) return;
    const key = foldChars(add.term);
    const existing = merged.find((r) => r.status !== 'hidden' && surfacesOf(r.entry).some((s) => foldChars(s) === key));
    if (existing) {
      open(existing);
      setNotice({ kind: 'ok', text: t('geExisting', existing.entry.term) });
    } else open(null, add);
    // Leave the hash only once: a reload should not open the form again.
    history.replaceState(null, '', location.pathname + location.search);
  }, [records]);

  // The form opens above the list, out of sight of the row that opened it: it comes into view and takes
  // the focus (its heading), so keyboard users do not have to tab back through every row to reach it.
  useEffect(() => {
    if (!editing) return;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('[data-testid="ge-form-heading"]')?.focus({ preventScroll: true });
  }, [editing?.base, editing?.context]);

  const closeForm = () => {
    setEditing(null);
    setProblems([]);
    setReturnFocus((n) => n + 1);
  };
  useLayoutEffect(() => {
    if (!returnFocus) return;
    const el = opener.current;
    opener.current = null;
    const target = el?.isConnected ? el : sectionRef.current?.querySelector<HTMLElement>('[data-testid="ge-add"]');
    target?.focus();
  }, [returnFocus]);

  useLayoutEffect(() => {
    if (!invalidSubmit) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-testid="ge-form-heading"]'))?.focus();
  }, [invalidSubmit]);

  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    const onFocus = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const row = el.closest('tr[data-testid="ge-row"]');
      lastRowFocus.current = row ? { el, index: [...(row.parentElement?.children ?? [])].indexOf(row) } : null;
    };
    section.addEventListener('focusin', onFocus);
    return () => section.removeEventListener('focusin', onFocus);
  }, []);
  // After every render: a focused row button that is gone hands the focus on, as described above.
  useLayoutEffect(() => {
    const last = lastRowFocus.current;
    if (!last || last.el.isConnected) return;
    lastRowFocus.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const rows = sectionRef.current?.querySelectorAll<HTMLElement>('tr[data-testid="ge-row"]') ?? [];
    const row = rows[Math.min(last.index, rows.length - 1)];
    (row?.querySelector<HTMLElement>('td.ge-actions button') ?? sectionRef.current?.querySelector<HTMLElement>('[data-testid="ge-search"]'))?.focus();
  });

  const update = (field: keyof EntryDraft, value: string) => {
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, [field]: value } } : e));
  };

  const save = async (ev: Event) => {
    ev.preventDefault();
    if (!editing || !records || busy) return;
    const { draft, base, bundled: b } = editing;
    const id = draft.id ?? newUserId((x) => !!glossaryEntry(x) || records.some((r) => r.id === x));
    const found = validateDraft(draft, id, base, bundled, records);
    setProblems(found);
    if (found.length) return setInvalidSubmit((n) => n + 1);
    const entry = entryFromDraft(draft, id, base);
    setBusy(true);
    try {
      await saveUserEntry(getDb(), entry, b);
      closeForm();
      setNotice({ kind: 'ok', text: t('geSaved', entry.term) });
    } catch (e) {
      setNotice({ kind: 'error', text: t('geSaveFailed'), details: [failureDetail(e)] });
    } finally {
      setBusy(false);
    }
  };

  const act = async (work: () => Promise<void>, text: string, undo?: () => Promise<void>) => {
    try {
      await work();
      setNotice({ kind: 'ok', text, undo });
    } catch (e) {
      setNotice({ kind: 'error', text: t('geSaveFailed'), details: [failureDetail(e)] });
    }
  };

  const hide = async (row: MergedEntry, hidden: boolean) => {
    try {
      await setUserEntryHidden(getDb(), row.id, hidden, bundled);
      setNotice({ kind: 'ok', text: t(hidden ? 'geHiddenDone' : 'geShownDone', row.entry.term) });
    } catch (e) {
      // Showing it would give one of its terms a second visible entry: say which, and by whom.
      if (e instanceof SurfaceTakenError) {
        setNotice({ kind: 'error', text: t('geShowTaken', e.term), details: e.clashes.map((c) => t('geErrTaken', [c.surface, c.ownerTerm])) });
      } else setNotice({ kind: 'error', text: t('geSaveFailed'), details: [failureDetail(e)] });
    }
  };

  const remove = (row: MergedEntry) => {
    const kept = row.record;
    const undo = kept ? async () => void (await getDb().userEntries.put({ ...kept, updatedAt: Date.now() })) : undefined;
    return act(() => deleteUserEntry(getDb(), row.id), t(row.bundled ? 'geRevertedDone' : 'geDeletedDone', row.entry.term), undo);
  };

  const doExport = async () => {
    const file = await exportUserGlossary(getDb());
    const blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `report-lens-glossary-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setNotice({ kind: 'ok', text: tn('geExported', file.entries.length) });
  };

  const doImport = async (ev: Event) => {
    const input = ev.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before the file is read: file.text() of a mistaken multi-gigabyte pick would hold it all
    // in memory (and in a string) only to be refused by parseGlossaryFile afterwards.
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ kind: 'error', text: t('geImportFailed', file.name), details: [t('geImpTooLarge')] });
      return;
    }
    setBusy(true);
    try {
      const result = await importUserGlossary(getDb(), await file.text(), bundled);
      if (result.ok) setNotice({ kind: 'ok', text: t('geImported', [formatCount(result.added), formatCount(result.replaced)]) });
      else {
        const details = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map(importProblemText);
        if (result.problems.length > MAX_PROBLEMS_SHOWN) details.push(tn('geMoreProblems', result.problems.length - MAX_PROBLEMS_SHOWN));
        setNotice({ kind: 'error', text: t('geImportFailed', file.name), details });
      }
    } catch (e) {
      setNotice({ kind: 'error', text: t('geImportFailed', file.name), details: [failureDetail(e)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ge" data-testid="glossary-editor" aria-busy={busy || (!records && !database?.error)} ref={sectionRef}>
      <h2>{t('geTitle')}</h2>
      <p class="muted">{t('geIntro')}</p>
      <DatabaseAlert what="glossary" testId="ge-db-error" />
      <div class="ge-tools">
        <input
          type="search"
          value={query}
          placeholder={t('geSearch')}
          aria-label={t('geSearch')}
          data-testid="ge-search"
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setLimit(PAGE);
          }}
        />
        <select value={filter} aria-label={t('geFilter')} data-testid="ge-filter" onChange={(e) => setFilter((e.target as HTMLSelectElement).value as Filter)}>
          {FILTERS.map((f) => (
            <option value={f}>{t(`geFilter_${f}`)}</option>
          ))}
        </select>
        <button type="button" class="primary" data-testid="ge-add" disabled={!records} onClick={() => open(null)}>
          {t('geAdd')}
        </button>
        <button type="button" data-testid="ge-export" disabled={!records} onClick={() => void doExport()}>
          {t('geExport')}
        </button>
        {/* Busy is said, not disabled: a disabled button loses the keyboard focus, for good. */}
        <button type="button" data-testid="ge-import" disabled={!records} aria-disabled={busy || undefined} onClick={() => !busy && fileInput.current?.click()}>
          {t('geImport')}
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="ge-import-file" onChange={(e) => void doImport(e)} />
      </div>

      {/* Mounted from the start: a status region inserted together with its text is often not read out. */}
      <div role="status" data-testid="ge-live">
        {notice?.kind === 'ok' && (
          <div class="ge-notice ok" data-testid="ge-ok">
            <p>{notice.text}</p>
            {notice.undo && (
              <button type="button" class="link" data-testid="ge-undo" onClick={() => void act(notice.undo!, t('geUndone'))}>
                {t('geUndo')}
              </button>
            )}
          </div>
        )}
      </div>
      {notice?.kind === 'error' && (
        <div class="ge-notice error" role="alert" data-testid="ge-error">
          <p>{notice.text}</p>
          {notice.details.length > 0 && (
            <ul>
              {notice.details.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {editing && (
        <EntryForm
          editing={editing}
          problems={problems}
          busy={busy}
          formRef={formRef}
          onChange={update}
          onLevel={(level) => setEditing((e) => (e ? { ...e, draft: { ...e.draft, level } } : e))}
          onSubmit={save}
          onCancel={closeForm}
        />
      )}

      <p class="muted" data-testid="ge-count">
        {rows.length > limit ? t('geShowing', [formatCount(limit), formatCount(rows.length)]) : tn('geCount', rows.length)}
      </p>
      {rows.length === 0 ? (
        <p class="muted" data-testid="ge-empty">{t('geEmpty')}</p>
      ) : (
        <div class="ge-scroll">
          <table class="ge-list" data-testid="ge-list">
            <thead>
              <tr>
                <th scope="col">{t('geColTerm')}</th>
                <th scope="col">{t('geColDefinition')}</th>
                <th scope="col">{t('geColScope')}</th>
                <th scope="col">{t('geColStatus')}</th>
                <th scope="col">{t('geColActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((row) => (
                <Row key={row.id} row={row} onEdit={() => open(row)} onHide={(h) => void hide(row, h)} onRemove={() => void remove(row)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > limit && (
        <button type="button" data-testid="ge-more" onClick={() => setLimit(rows.length)}>
          {t('geShowAll')}
        </button>
      )}
    </section>
  );
}

function Row({ row, onEdit, onHide, onRemove }: { row: MergedEntry; onEdit(): void; onHide(hidden: boolean): void; onRemove(): void }) {
  const e = row.entry;
  return (
    <tr data-testid="ge-row" data-id={row.id} data-status={row.status} class={`ge-${row.status}`}>
      <td>
        <strong data-testid="ge-term">{e.term}</strong>
        {e.aliases.length > 0 && <div class="muted ge-aliases">{e.aliases.join(' · ')}</div>}
      </td>
      <td class="ge-def" data-testid="ge-definition">
        {e.definition}
        <div class="muted">{e.gloss}</div>
      </td>
      <td>{scopeText(e)}</td>
      <td>
        <span class={`ge-badge ${row.status}`}>{t(`geStatus_${row.status}`)}</span>
      </td>
      <td class="ge-actions">
        <button type="button" data-testid="ge-edit" onClick={onEdit} aria-label={t('geEditLabel', e.term)}>
          {t('geEdit')}
        </button>
        {row.status === 'hidden' ? (
          <button type="button" data-testid="ge-unhide" onClick={() => onHide(false)} aria-label={t('geUnhideLabel', e.term)}>
            {t('geUnhide')}
          </button>
        ) : (
          row.bundled && (
            <button type="button" data-testid="ge-hide" onClick={() => onHide(true)} aria-label={t('geHideLabel', e.term)}>
              {t('geHide')}
            </button>
          )
        )}
        {row.status === 'edited' && (
          <button type="button" data-testid="ge-revert" onClick={onRemove} aria-label={t('geRevertLabel', e.term)}>
            {t('geRevert')}
          </button>
        )}
        {!row.bundled && (
          <button type="button" data-testid="ge-delete" onClick={onRemove} aria-label={t('geDeleteLabel', e.term)}>
            {t('geDelete')}
          </button>
        )}
      </td>
    </tr>
  );
}

interface FormProps {
  editing: Editing;
  problems: DraftProblem[];
  busy: boolean;
  formRef: { current: HTMLFormElement | null };
  onChange(field: keyof EntryDraft, value: string): void;
  onLevel(level: ScopeLevel): void;
  onSubmit(ev: Event): void;
  onCancel(): void;
}

function EntryForm({ editing, problems, busy, formRef, onChange, onLevel, onSubmit, onCancel }: FormProps) {
  const { draft, base, bundled, context } = editing;
  const errorsOf = (field: DraftField | 'entry') => problems.filter((p) => p.field === field);
  const field = (name: DraftField, label: string, opts: { multiline?: number; required?: boolean; readOnly?: boolean; hint?: string } = {}) => {
    const errs = errorsOf(name);
    const id = `ge-f-${name}`;
    const describedBy = [opts.hint && `${id}-hint`, errs.length && `${id}-err`].filter(Boolean).join(' ');
    const common = {
      id,
      name,
      value: draft[name],
      readOnly: opts.readOnly,
      // The form checks itself (noValidate): `required` only tells assistive technology.
      required: opts.required,
      'aria-required': opts.required ? true : undefined,
      'aria-invalid': errs.length > 0,
      'aria-describedby': describedBy || undefined,
      'data-testid': id,
      onInput: (e: Event) => onChange(name, (e.target as HTMLInputElement | HTMLTextAreaElement).value),
    };
    return (
      <div class={`ge-field${errs.length ? ' invalid' : ''}`}>
        <label for={id}>
          {label}
          {opts.required && (
            <span class="ge-req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {opts.multiline ? <textarea rows={opts.multiline} {...common} /> : <input type="text" {...common} />}
        {opts.hint && (
          <div class="muted ge-hint" id={`${id}-hint`}>
            {opts.hint}
          </div>
        )}
        {errs.length > 0 && (
          <div class="error" id={`${id}-err`} data-testid={`${id}-error`}>
            {errs.map(problemText).join(' ')}
          </div>
        )}
      </div>
    );
  };
  const entryErrors = errorsOf('entry');

  return (
    <form class="ge-form" data-testid="ge-form" ref={formRef} onSubmit={onSubmit} noValidate>
      <h3 tabIndex={-1} data-testid="ge-form-heading">
        {base ? t('geFormEdit', base.term) : t('geFormAdd')}
      </h3>
      {bundled && <p class="muted">{t('geOverrideNote')}</p>}
      {context && (
        <figure class="ge-context">
          <figcaption class="muted">{t('geContext')}</figcaption>
          <blockquote data-testid="ge-context">{context}</blockquote>
        </figure>
      )}
      {problems.length > 0 && (
        <p class="error" role="alert" data-testid="ge-form-error">
          {t('geFixProblems')}
        </p>
      )}
      <div class="ge-grid">
        {field('term', t('geFieldTerm'), { required: true, readOnly: !!bundled })}
        {field('aliases', t('geFieldAliases'), { multiline: 2, hint: t('geHintLines') })}
        {field('definition', t('geFieldDefinition'), { multiline: 4, required: true })}
        {field('components', t('geFieldComponents'), { multiline: 3, hint: t('geHintLines') })}
        {field('gloss', t('geFieldGloss'), { required: true })}
        {field('english', t('geFieldEnglish'))}
        <div class="ge-field">
          <label for="ge-f-level">{t('geFieldScope')}</label>
          <select id="ge-f-level" data-testid="ge-f-level" value={draft.level} onChange={(e) => onLevel((e.target as HTMLSelectElement).value as ScopeLevel)}>
            {LEVELS.map((l) => (
              <option value={l}>{t(`geScope_${l}`)}</option>
            ))}
          </select>
        </div>
        {draft.level !== 'national' && field('region', t('geFieldRegion'), { required: true })}
        {field('year', t('geFieldYear'))}
      </div>
      <fieldset class="ge-grid">
        <legend>{t('geFieldSource')}</legend>
        {field('sourceTitle', t('geFieldSourceTitle'), { required: true })}
        {field('sourceIssuer', t('geFieldSourceIssuer'), { required: true })}
        {field('sourceYear', t('geFieldSourceYear'), { required: true })}
        {field('sourceUrl', t('geFieldSourceUrl'))}
      </fieldset>
      {entryErrors.length > 0 && (
        <ul class="error" data-testid="ge-f-entry-error">
          {entryErrors.map((p) => (
            <li>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <div class="ge-buttons">
        <button type="submit" class="primary" aria-disabled={busy || undefined} data-testid="ge-save">
          {t('geSave')}
        </button>
        <button type="button" onClick={onCancel} data-testid="ge-cancel">
          {t('geCancel')}
        </button>
      </div>
    </form>
  );
}
