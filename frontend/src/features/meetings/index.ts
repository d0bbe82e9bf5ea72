export { MeetingTemplates } from "./components/meeting-templates";
export { NewMeeting } from "./components/new-meeting";
