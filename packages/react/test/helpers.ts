/** Shared helpers of the integration tests: a real sandbox on a free port, polling (`@tickki/testkit`). */
export { sandbox, sessionStarts, waitFor, type RunningSandbox } from '@tickki/testkit';
