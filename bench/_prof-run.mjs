import { variedReportOfSize } from './drafts.mjs';
import { measureEditing } from './_keystroke-prof.mjs';
const m = await measureEditing(variedReportOfSize(1_000_000), 40);
console.log(m.typing);
