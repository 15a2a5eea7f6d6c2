import { render } from 'preact';
import { Options } from '../../lib/ui/options';

render(<Options />, document.getElementById('app')!);
