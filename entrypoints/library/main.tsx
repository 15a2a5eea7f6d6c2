import { render } from 'preact';
import { getDb } from '../../lib/db/schema';
import { Library } from '../../lib/ui/library';

// The first rows wait on IndexedDB: start opening it now, not after the first render's effects run.
// A failure is not lost: the queries that follow report it.
void getDb().open().catch(() => {});
document.title = `${document.title} · Library`;
render(<Library />, document.getElementById('app')!);
