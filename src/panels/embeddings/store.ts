import { createPanelStore } from '../../lib/params/store';
import { schema } from './params';

/** The panel's params store (URL-synced by the app frame). */
export const store = createPanelStore(schema);
