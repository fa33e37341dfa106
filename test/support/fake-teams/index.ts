export {
  startFakeTeamsConnector,
  type FakeTeamsConnector,
  type FakeTeamsOptions,
  type ChannelAccount,
  type RecordedRequest,
  type StoredActivity,
  type CreatedConversation,
  type Fault,
  type FaultMatch,
  type ReceivedUpload,
  type UploadSession,
} from './fake-teams.ts';
export { activity, personalConversationId, aadObjectId, DEFAULT_USER, type InboundSpec, type Where, type Activity } from './activities.ts';
