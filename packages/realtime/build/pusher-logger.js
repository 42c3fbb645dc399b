/**
 * pusher-js's `core/logger`, shorter: a line goes to `Pusher.log` when set, else to the console when
 * `Pusher.logToConsole` is on (`console.log`, `.warn`, `.error` by level), else nowhere.
 */
import { stringify } from 'core/utils/collections';
import Pusher from 'core/pusher';

const logger = (method) => (...args) => {
  const message = stringify(...args);
  if (Pusher.log) Pusher.log(message);
  else if (Pusher.logToConsole) console[method](message);
};

export default { debug: logger('log'), warn: logger('warn'), error: logger('error') };
