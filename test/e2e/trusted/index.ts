import { runSuite } from '../mochaRunner';

export const run = (): Promise<void> => runSuite(__dirname);
