// Adds the counts of jest (the React Native tests, run after vitest) to vitest's report, which tools/test-summary.mjs reads.
import { readFileSync, writeFileSync } from 'node:fs';

const jest = JSON.parse(readFileSync('.vitest/jest-report.json', 'utf8'));
const vitest = JSON.parse(readFileSync('.vitest/report.json', 'utf8'));
for (const key of ['numTotalTests', 'numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests']) vitest[key] = (vitest[key] ?? 0) + (jest[key] ?? 0);
writeFileSync('.vitest/report.json', JSON.stringify(vitest));
