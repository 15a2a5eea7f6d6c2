import { render } from 'preact';
import { getDb } from '../../lib/db/schema';
import { localizeDocument } from '../../lib/i18n';
import { Library } from '../../lib/ui/library';

// The first rows wait on IndexedDB: start opening it now, not after the first render's effects run.
// A failure is not lost: the queries that follow report it.
void getDb().open().catch(() => {});
localizeDocument('libraryTitle');
render(<Library />, document.getElementById('app')!);
