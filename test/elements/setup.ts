// Loaded into every element test page before its test file (testRunnerHtml in web-test-runner.config.mjs):
// an uncaught error or an unhandled promise rejection fails the test that is running when it happens.
//
// Mocha fails the running test on an uncaught error by itself (it owns window.onerror while it runs).
// Unhandled rejections it leaves to the console, so they are sent down the same path here
// (mocha.throwError → the runner's uncaught handler, which fails the current test with that error).
// One that comes before the run starts (while the test file is imported) fails the run's first hook.

const early: Error[] = [];
let running = false;

function rejectionError(reason: unknown): Error {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const error = new Error(`Unhandled promise rejection: ${text}`, { cause: reason });
  if (reason instanceof Error && reason.stack) error.stack = `${error.message}\n${reason.stack.split('\n').slice(1).join('\n')}`;
  return error;
}

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const error = rejectionError(event.reason);
  if (!running) {
    early.push(error);
    return;
  }
  try {
    mocha.throwError(error);
  } catch {
    // throwError hands the error to the runner, then throws it again: the runner has it.
  }
});

mocha.suite.beforeAll('uncaught errors while the test file loaded', () => {
  running = true;
  if (early.length) throw early[0];
});
