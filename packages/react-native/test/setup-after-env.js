// findBy… and waitFor wait up to 10 s by default (the library's 1 s): the screens talk to a real
// sandbox, and on a machine running every package's tests at once a first render can take longer.
const { configure } = require('@testing-library/react-native');

configure({ asyncUtilTimeout: 10_000 });
