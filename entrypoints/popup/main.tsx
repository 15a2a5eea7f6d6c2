import { render } from 'preact';
import { Popup } from '../../lib/ui/popup';

render(<Popup />, document.getElementById('app')!);
