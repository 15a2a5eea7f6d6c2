import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { Options } from '../../lib/ui/options';

localizeDocument('optionsTitle');
render(<Options />, document.getElementById('app')!);
