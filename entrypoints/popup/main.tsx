import { render } from 'preact';
import { localizeDocument } from '../../lib/i18n';
import { Popup } from '../../lib/ui/popup';

localizeDocument('extName');
render(<Popup />, document.getElementById('app')!);
