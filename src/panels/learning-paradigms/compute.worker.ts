/** The panel's worker: every mode's computation runs here (jobs.ts), so the page only draws. */
import { exposeModels } from '../../lib/worker/expose';
import { createJobs } from './jobs';

exposeModels(createJobs());
