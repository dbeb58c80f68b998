export const Header = {
  RequestId: 'x-request-id',
  Actor: 'x-actor',
  EventId: 'Nats-Msg-Id',
} as const;
