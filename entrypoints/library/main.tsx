import { render } from 'preact';
import { Library } from '../../lib/ui/library';

document.title = `${document.title} · Library`;
render(<Library />, document.getElementById('app')!);
