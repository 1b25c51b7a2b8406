// Error messages load only when something fails: no page pays for them up front.
export const messages = {
  errorNetwork: 'Could not reach {instance}. Check the connection and try again.',
  errorTimeout: '{instance} took too long to answer.',
  errorHttp: '{instance} answered with an error (HTTP {status}).',
  errorInvalid: '{instance} sent an answer that is not a Mobilizon answer.',
  errorGraphql: '{instance} reported an error: {message}',
  errorGroupNotFound: 'The group “{group}” does not exist on {instance}.',
  errorLimitReached: '{instance} refuses to list that many events at once.',
  errorNoInstance: 'This widget needs an instance address, for example instance="mobilizon.fr".',
  errorBadInstance: '“{instance}” is not the address of a Mobilizon instance.',
  errorBadView: 'Unknown view “{view}”. Use one of: {views}.',
  errorBadPeriod: 'Unknown period “{period}”. Use one of: {periods}.',
};

export type ErrorKey = keyof typeof messages;
