import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getDb } from '../db/schema';
import { t } from '../i18n';
import { errorText } from './library/confirm-dialog';
import { ErrorAlert, type ActionError } from './script-toggle-button';
import { storageFullText } from './storage-full';

/**
 * What the parts of a page that read the extension's database (the library, the glossary editor) share
 * about it: the number of the current attempt to open it (live queries subscribe again when it changes),
 * the failure that stopped it, and how to report one or try again. Null outside a {@link DatabaseGate}:
 * failures are then only logged.
 */
export interface DatabaseState {
  attempt: number;
  error: unknown;
  retrying: boolean;
  /** A retry failed too: said, so a press that changed nothing visible is not taken for a dead button. */
  retried: boolean;
  report(e: unknown): void;
  retry(): Promise<void>;
}

export const DatabaseContext = createContext<DatabaseState | null>(null);

export function useDatabaseState(): DatabaseState | null {
  return useContext(DatabaseContext);
}

/** What the reader is told when the database cannot be opened: in their words, why if it is known, what to do. */
export function databaseErrorText(what: 'library' | 'glossary', e: unknown): ActionError {
  // A full disk is the one cause the reader can act on by name.
  const why = storageFullText(e) ?? t('dbUnavailableHint');
  return { text: `${t(`dbUnavailable_${what}`)} ${why}`, detail: errorText(e) };
}

/**
 * Watches the opening of the extension's database for the part of the page inside it. Opening can fail —
 * IndexedDB broken or refused in the profile (Chrome: "UnknownError: Internal error opening backing
 * store"), a full disk, a database another version of the extension holds — and did so silently: the
 * library said 正在载入… for ever, the glossary editor's buttons stayed disabled. Now {@link DatabaseAlert}
 * says so where the part places it, with a retry. The part stays mounted meanwhile, so nothing the reader
 * typed or chose is lost; the database is never deleted or recreated to get past an error, as it holds
 * their saved pages and entries. A retry opens it afresh (getDb drops a Dexie whose open failed) and the
 * part's live queries subscribe again (useLiveQuery follows `attempt`).
 */
export function DatabaseGate(props: { children: ComponentChildren }) {
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [retrying, setRetrying] = useState(false);
  const [retried, setRetried] = useState(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    // The entry point may have started opening it already: open() then answers with that attempt.
    getDb()
      .open()
      .catch((e: unknown) => alive.current && setError((before: unknown) => before ?? e));
    return () => {
      alive.current = false;
    };
  }, []);

  const state = useMemo<DatabaseState>(() => {
    const retry = async () => {
      if (retrying) return;
      setRetrying(true);
      try {
        await getDb().open();
        if (!alive.current) return;
        setError(null);
        setRetried(false);
        setAttempt((n) => n + 1);
      } catch (e) {
        if (!alive.current) return;
        setError(e);
        setRetried(true);
      } finally {
        if (alive.current) setRetrying(false);
      }
    };
    return {
      attempt,
      error,
      retrying,
      retried,
      retry,
      report: (e) => {
        console.error(e);
        // The first failure names the cause; the queries failing after it only echo it (DatabaseClosedError).
        if (alive.current) setError((before: unknown) => before ?? e);
      },
    };
  }, [attempt, error, retrying, retried]);

  return <DatabaseContext.Provider value={state}>{props.children}</DatabaseContext.Provider>;
}

/** The gate's alert, where the part wants it: what failed, what to do, and a button to try again. */
export function DatabaseAlert(props: { what: 'library' | 'glossary'; testId: string }) {
  const state = useDatabaseState();
  const { testId } = props;
  const failed = !!state && state.error !== null;
  // The same elements whether or not it failed, only hidden: the status region must be in the page
  // before its text changes, or screen readers often do not read it out.
  return (
    <div class="db-unavailable" hidden={!failed} data-testid={testId}>
      {failed && <ErrorAlert error={databaseErrorText(props.what, state.error)} testId={`${testId}-alert`} />}
      {failed && (
        // Busy is said, not disabled: a disabled button loses the keyboard focus, for good.
        <button type="button" class="primary" aria-disabled={state.retrying || undefined} onClick={() => void state.retry()} data-testid={`${testId}-retry`}>
          {t('dbRetry')}
        </button>
      )}{' '}
      <span role="status" class="muted" data-testid={`${testId}-retry-status`}>
        {failed ? (state.retrying ? t('dbRetrying') : state.retried ? t('dbStillUnavailable') : '') : ''}
      </span>
    </div>
  );
}
